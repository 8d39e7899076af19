// Seeds the bench database set-based (INSERT ... SELECT generate_series): tens of thousands of
// rows in seconds, where one insert per row through Prisma would take minutes. Rows look like
// what the API writes (same columns, trimmed lower-case emails, tags on tasks).
import type pg from 'pg';

export const BENCH_PASSWORD = 'bench-password-0123456789';
export const BIG_USER_EMAIL = 'bench-big@bench.test';
export const normalUserEmail = (n: number) => `bench-${n}@bench.test`;

export interface SeedPlan {
  users: number;
  tasksPerUser: number;
  bigUserTasks: number;
  /** Live sessions for the big user: one token per connection, so its load is spread too. */
  bigUserSessions: number;
  /** One argon2id PHC string shared by every user: hashing 1,000 times would cost ~15 s. */
  passwordHash: string;
}

export interface SeededSession {
  userId: string;
  email: string;
  sessionId: string;
}

export interface Fixtures {
  normal: SeededSession[];
  big: SeededSession[];
  tasks: number;
  taskTags: number;
}

const TAGS = `(VALUES ('Work', '#1f77b4'), ('Home', '#ff7f0e'), ('Urgent', '#d62728'))`;

export async function seed(client: pg.Client, plan: SeedPlan): Promise<Fixtures> {
  await client.query('BEGIN');
  await client.query(
    `INSERT INTO "User" (id, email, "passwordHash", name, "createdAt", "updatedAt")
     SELECT gen_random_uuid(), 'bench-' || n || '@bench.test', $1, 'Bench user ' || n, now(), now()
     FROM generate_series(1, $2::int) AS n
     UNION ALL
     SELECT gen_random_uuid(), $3, $1, 'Bench big user', now(), now()`,
    [plan.passwordHash, plan.users, BIG_USER_EMAIL],
  );
  await client.query(
    `INSERT INTO "Tag" ("userId", name, "nameKey", color)
     SELECT u.id, t.name, lower(t.name), t.color FROM "User" u CROSS JOIN ${TAGS} AS t(name, color)`,
  );
  // Distinct createdAt per task (one minute apart) so keyset pages are stable; a mix of
  // priorities, due dates, descriptions and completed tasks like real lists.
  const tasks = await client.query(
    `INSERT INTO "Task" ("userId", title, description, completed, "completedAt", priority, "dueDate",
                         "createdAt", "updatedAt")
     SELECT u.id, 'Task ' || g,
            CASE WHEN g % 3 = 0 THEN 'Notes for task ' || g END,
            g % 4 = 0, CASE WHEN g % 4 = 0 THEN now() END,
            (ARRAY['low', 'medium', 'high']::"Priority"[])[1 + g % 3],
            CASE WHEN g % 2 = 0 THEN now() + g * interval '1 hour' END,
            now() - g * interval '1 minute', now() - g * interval '1 minute'
     FROM "User" u,
          generate_series(1, CASE WHEN u.email = $1 THEN $2::int ELSE $3::int END) AS g`,
    [BIG_USER_EMAIL, plan.bigUserTasks, plan.tasksPerUser],
  );
  // Every task gets one of its owner's tags, every fifth a second one.
  const taskTags = await client.query(
    `WITH ranked AS (
       SELECT id, "userId", row_number() OVER (PARTITION BY "userId" ORDER BY id) - 1 AS k FROM "Tag")
     INSERT INTO "TaskTag" ("taskId", "tagId")
     SELECT t.id, r.id FROM "Task" t JOIN ranked r ON r."userId" = t."userId"
      AND (r.k = t.id % 3 OR (t.id % 5 = 0 AND r.k = (t.id + 1) % 3))`,
  );
  const sessions = await client.query<{ userId: string; email: string; sessionId: string }>(
    `INSERT INTO "Session" (id, "userId", "createdAt", "lastUsedAt", "expiresAt", "userAgent")
     SELECT gen_random_uuid(), u.id, now(), now(), now() + interval '1 day', 'bench'
     FROM "User" u, generate_series(1, CASE WHEN u.email = $1 THEN $2::int ELSE 1 END)
     RETURNING "userId", id AS "sessionId",
               (SELECT email FROM "User" WHERE id = "userId") AS email`,
    [BIG_USER_EMAIL, plan.bigUserSessions],
  );
  await client.query('COMMIT');
  // Fresh statistics, or the planner guesses on an unanalysed table and the first scenarios
  // measure a bad plan.
  await client.query('VACUUM ANALYZE');

  const rows = sessions.rows;
  const numberOf = (email: string) => Number(/^bench-(\d+)@/.exec(email)?.[1] ?? 0);
  return {
    normal: rows
      .filter((row) => row.email !== BIG_USER_EMAIL)
      .sort((a, b) => numberOf(a.email) - numberOf(b.email)),
    big: rows.filter((row) => row.email === BIG_USER_EMAIL),
    tasks: tasks.rowCount ?? 0,
    taskTags: taskTags.rowCount ?? 0,
  };
}
