// JSON logs (pino). Secrets are redacted by key wherever they appear at the top two levels, so a
// careless `logger.info({ body })` still cannot write a password, token or hash.
import { type DestinationStream, type Logger, pino } from 'pino';
import type { Config } from './env';

const SECRET_KEYS = [
  'authorization',
  'cookie',
  'set-cookie',
  'password',
  'currentPassword',
  'newPassword',
  'passwordHash',
  'token',
  'accessToken',
  'refreshToken',
  'tokenHash',
  'secret',
  'jwtSecret',
];

const REDACT_PATHS = [
  ...SECRET_KEYS.flatMap((key) => [`["${key}"]`, `*["${key}"]`]),
  ...['authorization', 'cookie'].map((key) => `*.headers["${key}"]`),
  '*.headers["set-cookie"]',
];

export function createLogger(
  config: Pick<Config, 'logLevel'>,
  destination?: DestinationStream,
): Logger {
  return pino(
    {
      level: config.logLevel,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  );
}

export type { Logger };
