import base from '@repo/eslint-config';

export default [
  ...base,
  // The bench is a tool like the test helpers. Its env module reads its own settings
  // (BENCH_DATABASE_URL) and hands the servers their environment; the event-loop probe runs
  // inside the server's processes, where it can only learn where to write from the environment.
  {
    files: ['src/env.ts', 'src/server-probe.mjs'],
    rules: { 'no-restricted-properties': 'off' },
  },
];
