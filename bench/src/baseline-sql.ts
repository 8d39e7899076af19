// The baseline's SQL: what a hand-written server runs for the same answers as the API
// (auth check against a live session, keyset task list with tags, insert). Kept apart from
// the HTTP code so the queries are easy to compare with the API's.

/** The caller's user, only while the token's session is live (the API checks this per request). */
export const AUTH_USER = `
  SELECT u.id, u.email, u.name, u."createdAt", u."updatedAt"
  FROM "User" u JOIN "Session" s ON s."userId" = u.id
  WHERE u.id = $1 AND s.id = $2 AND s."revokedAt" IS NULL AND s."expiresAt" > now()`;

/** The minimal baseline's auth.me: the token's user, no session check. */
export const USER_BY_ID = `
  SELECT u.id, u.email, u.name, u."createdAt", u."updatedAt" FROM "User" u WHERE u.id = $1`;

const TASK_COLUMNS = `t.id, t.title, t.description, t.completed, t."completedAt", t.priority,
  t."dueDate", t."recurrenceRule", t."createdAt", t."updatedAt",
  COALESCE((SELECT json_agg(json_build_object('id', g.id, 'name', g.name, 'color', g.color,
                                              'createdAt', g."createdAt") ORDER BY g."nameKey")
            FROM "TaskTag" tt JOIN "Tag" g ON g.id = tt."tagId" WHERE tt."taskId" = t.id),
           '[]'::json) AS tags`;

/** First page: newest first, one row more than the page to know whether another follows. */
export const LIST_FIRST = `
  SELECT ${TASK_COLUMNS} FROM "Task" t WHERE t."userId" = $1
  ORDER BY t."createdAt" DESC, t.id DESC LIMIT $2`;

/** A later page: the row comparison walks the (userId, createdAt, id) index from the cursor. */
export const LIST_AFTER = `
  SELECT ${TASK_COLUMNS} FROM "Task" t
  WHERE t."userId" = $1 AND (t."createdAt", t.id) < ($3::timestamptz, $4::int)
  ORDER BY t."createdAt" DESC, t.id DESC LIMIT $2`;

export const CREATE_TASK = `
  INSERT INTO "Task" ("userId", title, "updatedAt") VALUES ($1, $2, now())
  RETURNING id, title, description, completed, "completedAt", priority, "dueDate",
            "recurrenceRule", "createdAt", "updatedAt"`;
