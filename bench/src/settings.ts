// The two run shapes: the full benchmark, and a quick smoke run for CI that only checks that no
// request failed. The full sizes follow docs/contract.md (Scale).

export interface BenchSettings {
  mode: 'full' | 'quick';
  /** Normal users, each with `tasksPerUser` tasks. */
  users: number;
  tasksPerUser: number;
  /** Tasks of the one big user. */
  bigUserTasks: number;
  /** The deep page read for the big user (page 1 is the first page). */
  deepPage: number;
  connections: number;
  durationSec: number;
  /** Unmeasured load on every face before the first scenario: a fresh process is far slower. */
  serverWarmupSec: number;
  /** Unmeasured load before each measured run, so the scenario's own code path is warm too. */
  warmupSec: number;
  /** Server processes (WEB_CONCURRENCY) for both the real server and the baseline. */
  workers: number;
  /** Pooled PostgreSQL connections per process, the same for both servers. */
  poolSize: number;
  /** auth.me sent alongside the login storm: a steady, modest rate so it measures, not loads. */
  alongsideRate: number;
  alongsideConnections: number;
  skipBuild: boolean;
  keepDatabase: boolean;
  /** Writes V8 CPU profiles of the server's processes to bench/results/profiles. */
  cpuProfile: boolean;
  /** Run only scenarios whose id contains one of these (for profiling one path). */
  only: string[];
}

const full: BenchSettings = {
  mode: 'full',
  users: 1000,
  tasksPerUser: 20,
  bigUserTasks: 10_000,
  deepPage: 100,
  connections: 64,
  durationSec: 10,
  serverWarmupSec: 10,
  warmupSec: 1,
  workers: 2,
  poolSize: 10,
  alongsideRate: 100,
  alongsideConnections: 4,
  skipBuild: false,
  keepDatabase: false,
  cpuProfile: false,
  only: [],
};

const quick: BenchSettings = {
  ...full,
  mode: 'quick',
  users: 50,
  bigUserTasks: 1000,
  deepPage: 10,
  connections: 16,
  durationSec: 2,
  serverWarmupSec: 0,
  warmupSec: 0,
};

export const USAGE = `Usage: pnpm bench [--quick] [--skip-build] [--keep-db] [--cpu-prof] [--only=<id>[,<id>]]
  --quick       small seed, 2 s per scenario; exits 1 if any request failed (CI smoke run)
  --skip-build  start apps/server/dist/main.js as it is
  --keep-db     leave the bench database in place afterwards
  --cpu-prof    write V8 CPU profiles of the server processes to bench/results/profiles/
  --only        run only the scenarios whose id contains one of these words
Environment: BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres)`;

export function parseArgs(argv: string[]): BenchSettings {
  const args = argv.filter((arg) => arg !== '--');
  const settings = { ...(args.includes('--quick') ? quick : full) };
  for (const arg of args) {
    if (arg === '--quick') continue;
    else if (arg === '--skip-build') settings.skipBuild = true;
    else if (arg === '--keep-db') settings.keepDatabase = true;
    else if (arg === '--cpu-prof') settings.cpuProfile = true;
    else if (arg.startsWith('--only=')) settings.only = arg.slice(7).split(',').filter(Boolean);
    else throw new Error(`Unknown argument ${arg}\n${USAGE}`);
  }
  return settings;
}
