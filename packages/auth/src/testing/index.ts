export { decodePayload, hmacToken, manualClock, unsignedToken, withPayload } from './tokens';
export { type JwksServer, startJwksServer } from './jwks-server';
export { authErrorCodeOf } from './auth-error-code';
