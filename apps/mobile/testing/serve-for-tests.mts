// The production server for the component tests, as its own process: apps/web's e2e helper (the
// built bundle on a fresh database, PostgreSQL when TEST_DATABASE_URL is set, else PGlite) is
// TypeScript ESM, which Jest's global setup cannot import, so the setup runs this file under
// tsx. It prints the server's URL on one line and stops the server (dropping its database)
// when its stdin closes, which also happens when Jest dies without a teardown.
import { startProductionServer } from '../../web/e2e/helpers/production-server.ts';

const engine = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
const server = await startProductionServer(engine);
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);

let stopping: Promise<void> | undefined;
const stop = () => {
  stopping ??= server.close().then(() => process.exit(0));
};
process.stdin.resume();
process.stdin.once('end', stop);
process.stdin.once('close', stop);
