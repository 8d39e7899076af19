export { decodePayload, hmacToken, manualClock, unsignedToken, withPayload } from './tokens';
export { type JwksServer, startJwksServer } from './jwks-server';
