// Runs on the password pool's worker threads (see password.ts). Each call hashes synchronously on
// its own thread, whose nice value the pool has raised, so the event loop never waits for argon2.
import { hashSync, verifySync } from '@node-rs/argon2';

/** @param {{ password: string; options: import('@node-rs/argon2').Options }} task */
export const hash = ({ password, options }) => hashSync(password, options);

/** @param {{ storedHash: string; password: string }} task */
export const verify = ({ storedHash, password }) => verifySync(storedHash, password);
