// JSON logs (pino). Secrets are redacted by key at every depth a log object reaches (wildcard
// paths down to REDACT_DEPTH levels), so a careless `logger.info({ ctx })` still cannot write a
// password, token or hash. In development on a terminal the lines are pretty-printed.
import { type DestinationStream, type Logger, pino } from 'pino';
import PinoPretty from 'pino-pretty';
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

/** Levels below the top one searched for secret keys; log objects are shallower than this. */
const REDACT_DEPTH = 5;

const REDACT_PATHS = SECRET_KEYS.flatMap((key) =>
  Array.from({ length: REDACT_DEPTH + 1 }, (_, depth) => `${'*.'.repeat(depth)}["${key}"]`),
);

export function createLogger(
  config: Pick<Config, 'logLevel'> & Partial<Pick<Config, 'nodeEnv'>>,
  destination?: DestinationStream,
): Logger {
  const pretty = !destination && config.nodeEnv === 'development' && process.stdout.isTTY;
  return pino(
    {
      level: config.logLevel,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: { err: pino.stdSerializers.err },
    },
    destination ?? (pretty ? prettyStream() : undefined),
  );
}

/** In-process and synchronous: a worker-thread transport could lose lines at process.exit. */
function prettyStream(): DestinationStream {
  return PinoPretty({ colorize: true, sync: true, translateTime: 'SYS:HH:MM:ss.l' });
}

export type { Logger };
