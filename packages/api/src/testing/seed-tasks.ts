// Bulk tasks for plan and latency checks: one INSERT ... SELECT generate_series, so 10,000 rows
// take well under a second, with every sort key varied and a share of null due dates.
import type { Database } from '@repo/db';

export async function seedTasks(db: Database, userId: string, count: number, now: Date) {
  await db.withConnection(async (conn) => {
    await conn.query(
      `INSERT INTO "Task" ("userId", title, description, completed, "completedAt", priority,
                           "dueDate", "createdAt", "updatedAt")
       SELECT $1::uuid,
              'Task ' || md5(i::text),
              CASE WHEN i % 3 = 0 THEN 'Notes for task ' || i END,
              i % 4 = 0,
              CASE WHEN i % 4 = 0 THEN $2::timestamptz END,
              (ARRAY['low', 'medium', 'high'])[1 + i % 3]::"Priority",
              CASE WHEN i % 5 <> 0 THEN $2::timestamptz + (i % 400) * interval '1 day' END,
              $2::timestamptz - i * interval '1 minute',
              $2::timestamptz - i * interval '1 minute'
       FROM generate_series(1, $3::int) AS i`,
      [userId, now.toISOString(), count],
    );
    // Fresh statistics, as autovacuum would have them on a live table.
    await conn.query('ANALYZE "Task"');
  });
}
