// Named prepared statements for @prisma/adapter-pg. Unnamed statements (the adapter's default)
// make PostgreSQL parse and plan every query on every call; a name lets each pooled connection
// prepare a statement once and reuse it. The name is derived from the SQL text, so one text always
// has one name (node-postgres refuses a known name with different text) and every connection and
// process agrees on it.
import { createHash } from 'node:crypto';

/** Distinct SQL texts are few (Prisma's query shapes); the bound only guards against surprises. */
const MAX_CACHED_NAMES = 5_000;

export function createStatementNamer(): (query: { sql: string }) => string {
  const names = new Map<string, string>();
  return ({ sql }) => {
    let name = names.get(sql);
    if (name === undefined) {
      name = `p_${createHash('sha1').update(sql).digest('base64url')}`;
      if (names.size >= MAX_CACHED_NAMES) names.clear();
      names.set(sql, name);
    }
    return name;
  };
}
