// task.list on PostgreSQL for a 10,000-task user and a 20-task user: the plan of each query
// shape and its latency through the router (input parsing, Prisma, tags), first and deep page.
//   TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres pnpm --filter @repo/api bench:task-list
// Runs in a fresh database it creates and drops; nothing else on the server is touched.
import { createTestDatabase, testDatabaseUrl } from '@repo/db/testing';
import type { TaskListInput } from '@repo/validators';
import { encodeCursor } from '../src/pagination';
import { type Caller, createTestApi, testCursorKey } from '../src/testing/caller';
import { createQueryProbe } from '../src/testing/explain';
import { seedTasks } from '../src/testing/seed-tasks';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 300);
const WARMUP = 30;

type Shape = Pick<TaskListInput, 'sort' | 'order' | 'status'>;
const shapes: Shape[] = [
  { sort: 'createdAt', order: 'desc', status: 'all' },
  { sort: 'dueDate', order: 'asc', status: 'all' },
  { sort: 'title', order: 'asc', status: 'active' },
];

if (!testDatabaseUrl) {
  console.error('Set TEST_DATABASE_URL to a PostgreSQL server this may create a database on.');
  process.exit(1);
}

const db = await createTestDatabase('postgres', 10);
const probe = createQueryProbe(db);
try {
  const api = createTestApi(db);
  const users = [
    { label: '10k-task user', tasks: 10_000, ...(await api.newUser('bench-10k')) },
    { label: '20-task user', tasks: 20, ...(await api.newUser('bench-20')) },
  ];
  for (const user of users) await seedTasks(db, user.user.id, user.tasks, api.clock.now());
  const probeApi = createTestApi(probe.db);

  console.log(
    `task.list, limit 50, ${ITERATIONS} sequential calls per line (after ${WARMUP} warm-up)`,
  );
  for (const user of users) {
    for (const shape of shapes) {
      const input = { ...shape, limit: 50 };
      const deep = await deepCursor(user.user.id, shape, 0.9);
      for (const [page, cursor] of [
        ['first page', null],
        ['deep page', deep],
      ] as const) {
        const plans = await probe.explain(
          () => probeApi.callerFor(user.user).task.list({ ...input, cursor }),
          'Task',
        );
        const times = await measure(user.caller, { ...input, cursor });
        const where = `${user.label.padEnd(14)} ${label(shape).padEnd(25)} ${page.padEnd(10)}`;
        console.log(`${where} p50 ${ms(times, 0.5)}  p95 ${ms(times, 0.95)}`);
        for (const plan of plans) console.log(`${' '.repeat(52)}${plan.summary.join(' + ')}`);
      }
    }
  }
} finally {
  await probe.close();
  await db.close();
}

function label(shape: Shape): string {
  return `${shape.sort} ${shape.order}${shape.status === 'all' ? '' : `, ${shape.status}`}`;
}

/** The cursor a client holds after reading `fraction` of the list in the shape's order. */
async function deepCursor(userId: string, shape: Shape, fraction: number): Promise<string> {
  // The list's own order (nulls last both ways), in SQL: shape.sort is one of four column names.
  const dir = shape.order === 'asc' ? 'ASC' : 'DESC';
  const [row] = await db.withConnection((conn) =>
    conn.query<{ id: number; v: Date | string | null }>(
      `WITH listed AS (
         SELECT id, "${shape.sort}" AS v FROM "Task"
         WHERE "userId" = $1::uuid AND ($2::text = 'all' OR NOT completed))
       SELECT * FROM listed ORDER BY v ${dir} NULLS LAST, id ${dir}
       OFFSET (SELECT floor(count(*) * $3::float8) FROM listed) LIMIT 1`,
      [userId, shape.status, fraction],
    ),
  );
  if (!row) throw new Error(`no row ${fraction} of the way down`);
  const v = row.v instanceof Date ? row.v.toISOString() : row.v;
  return encodeCursor({ s: shape.sort, o: shape.order, v, i: row.id }, testCursorKey);
}

async function measure(caller: Caller, input: TaskListInput): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < WARMUP + ITERATIONS; i++) {
    const started = performance.now();
    await caller.task.list(input);
    if (i >= WARMUP) times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

function ms(sorted: number[], q: number): string {
  const value = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? NaN;
  return `${value.toFixed(2)} ms`.padStart(9);
}
