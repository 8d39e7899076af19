// argon2id password hashing. The PHC string stores its own parameters, so raising them below
// only needs `needsRehash` at login.
import { availableParallelism } from 'node:os';
import { type Algorithm, type Options, type Version, parseOptions } from '@node-rs/argon2';
import { Piscina } from 'piscina';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@repo/validators';
import { AuthError } from './errors';

export interface PasswordParams {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
  outputLen: number;
}

/** OWASP's argon2id minimum (19 MiB, 2 passes, 1 lane); raise here, old hashes upgrade at login. */
export const passwordParams: Readonly<PasswordParams> = {
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
};

// `Algorithm` is an ambient const enum, unusable under isolatedModules: its value spelled out.
const ARGON2ID = 2 as Algorithm;
const VERSION_0X13 = 1 as Version;

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

/**
 * Hash of a random password nobody knows, made with `passwordParams`: verifying against it makes
 * a login with an unknown email cost exactly what a wrong password costs.
 */
export const DUMMY_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$UsZseb5mEoJgg4GCSQIBEA$WE+lFRQ5pPeNR1YhdOUsHx08iqmD6L6IKK+rqXYIR3Y';

/**
 * Hashing runs on worker threads at a lowered priority (nice +10, per thread on Linux) rather than
 * on libuv's pool: during a login storm request handling, JWT checks on the pool and PostgreSQL
 * stay ahead of argon2, which takes the CPU they leave. Idle threads are unref'd, so the pool
 * never keeps a process alive.
 */
let pool: Piscina | undefined;
const HASHING_NICE_INCREMENT = 10;
/** One per core by default; a server running N processes gives each its share. */
let hashThreads = availableParallelism();

/**
 * Hashes running or waiting in this process. Past the bound a sign-in is refused at once
 * (RATE_LIMIT_EXCEEDED) instead of queueing: in a storm every queued login only waits longer,
 * each holding its connection and memory, and the queue itself would grow without end.
 */
export const DEFAULT_PASSWORD_HASH_QUEUE_MAX = 64;
let queueMax = DEFAULT_PASSWORD_HASH_QUEUE_MAX;
let inFlight = 0;
let refused = 0;

/** Sets how many threads may hash at once in this process; call before the first hash. */
export function setPasswordHashThreads(threads: number): void {
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError('threads must be >= 1');
  if (pool) throw new Error('Password hashing has already started with its thread count');
  hashThreads = threads;
}

/** Sets how many hashes may be running or waiting at once in this process. */
export function setPasswordHashQueueMax(max: number): void {
  if (!Number.isInteger(max) || max < 1) throw new RangeError('max must be >= 1');
  queueMax = max;
}

export interface PasswordHashStats {
  /** Hashes running or waiting now. */
  inFlight: number;
  /** Hashes finished since the process started. */
  completed: number;
  /** Hashes refused because the queue was full. */
  refused: number;
}

export function passwordHashStats(): PasswordHashStats {
  return { inFlight, completed: pool?.completed ?? 0, refused };
}

function passwordPool(): Piscina {
  pool ??= new Piscina({
    filename: new URL('./password-worker.mjs', import.meta.url).href,
    minThreads: 1,
    maxThreads: hashThreads,
    idleTimeout: 60_000,
    niceIncrement: HASHING_NICE_INCREMENT,
    // First come, first hashed. By default piscina sends a task it could not hand out to the
    // back of the queue, so in a login storm some logins waited over 10 s while later ones
    // went through.
    stricterFIFO: true,
  });
  return pool;
}

/** Seconds until the queue has drained, from the hashes' measured mean time; at least 1. */
function drainSeconds(hashPool: Piscina): number {
  const meanMs = hashPool.histogram.runTime.mean;
  const seconds = (inFlight * (Number.isFinite(meanMs) ? meanMs : 0)) / hashPool.maxThreads / 1000;
  return Math.max(1, Math.ceil(seconds));
}

function runOnPool<T>(task: object, name: 'hash' | 'verify'): Promise<T> {
  const hashPool = passwordPool();
  if (inFlight >= queueMax) {
    refused++;
    const retryAfter = drainSeconds(hashPool);
    return Promise.reject(
      new AuthError('RATE_LIMIT_EXCEEDED', `Too many sign-ins at once; retry in ${retryAfter} s`, {
        retryAfter,
      }),
    );
  }
  inFlight++;
  return (hashPool.run(task, { name }) as Promise<T>).finally(() => inFlight--);
}

const runHash = (password: string, options: Options) =>
  runOnPool<string>({ password, options }, 'hash');

const runVerify = (storedHash: string, password: string) =>
  runOnPool<boolean>({ storedHash, password }, 'verify');

function checkLength(password: string): void {
  // Checked before hashing: a megabyte "password" must not buy a megabyte of argon2 work.
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw new AuthError(
      'PASSWORD_TOO_SHORT',
      `Password must be at least ${PASSWORD_MIN_LENGTH} characters`,
    );
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    throw new AuthError(
      'PASSWORD_TOO_LONG',
      `Password must be at most ${PASSWORD_MAX_LENGTH} characters`,
    );
  }
}

/** The PHC string to store. The password's exact characters are hashed: no trimming. */
export async function hashPassword(
  password: string,
  params: PasswordParams = passwordParams,
): Promise<string> {
  checkLength(password);
  return runHash(password, { ...params, algorithm: ARGON2ID });
}

/**
 * True when `password` matches `storedHash`. A null hash (unknown email, or a user from an external
 * issuer) is verified against the dummy hash and answers false after the same work; so is a hash
 * the verifier cannot read (another scheme, a damaged value): no password can be proven to match
 * it, and that is a failed login, not a server error.
 */
export async function verifyPassword(
  storedHash: string | null,
  password: string,
): Promise<boolean> {
  if (password.length > PASSWORD_MAX_LENGTH) return false;
  if (storedHash === null) return runVerify(DUMMY_PASSWORD_HASH, password).then(() => false);
  try {
    return await runVerify(storedHash, password);
  } catch (error) {
    if (error instanceof AuthError) throw error; // the queue was full: nothing was verified
    // Only an unreadable hash lands here: a broken pool throws again below, as a real error.
    await runVerify(DUMMY_PASSWORD_HASH, password);
    return false;
  }
}

/** True when a stored hash was made with weaker parameters than the current ones. */
export function needsRehash(storedHash: string): boolean {
  try {
    const used = parseOptions(storedHash);
    return (
      used.algorithm !== ARGON2ID ||
      used.version !== VERSION_0X13 ||
      used.memoryCost < passwordParams.memoryCost ||
      used.timeCost < passwordParams.timeCost ||
      used.parallelism < passwordParams.parallelism ||
      used.outputLen < passwordParams.outputLen
    );
  } catch {
    // Not an argon2 PHC string at all (a legacy scheme): replace it once it has been verified.
    return true;
  }
}
