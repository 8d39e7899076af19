// A keyset segment in SQL, for the lists read in plain SQL (the task page). The text depends
// only on the segment's shape, never on its values, which are bound: one prepared statement
// serves every page of a shape.
import type { Segment } from './keyset';

/** Bound values of one statement: `add` returns the placeholder ($1, $2, ...) of a value. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export interface SqlSegment {
  /** Conditions to AND into the statement's WHERE. */
  where: string[];
  orderBy: string;
  limit: string;
}

/**
 * The segment on `alias`'s columns (the sort field's column has the field's name). A row
 * comparison `(field, id) > (value, id)` is an index condition on (owner, field, id), so the scan
 * starts at the cursor. The enum is compared in its declared order, PostgreSQL's own.
 */
export function sqlSegment(segment: Segment, alias: string, params: SqlParams): SqlSegment {
  const column = `${alias}."${segment.sort.field}"`;
  const id = `${alias}.id`;
  const direction = segment.order === 'asc' ? 'ASC' : 'DESC';
  const beyond = segment.order === 'asc' ? '>' : '<';
  const where: string[] = [];
  if (segment.rows === 'set') where.push(`${column} IS NOT NULL`);
  if (segment.rows === 'null') where.push(`${column} IS NULL`);
  if (segment.after) {
    const { value, id: afterId } = segment.after;
    if (segment.rows === 'null') where.push(`${id} ${beyond} ${params.add(afterId)}`);
    else where.push(`(${column}, ${id}) ${beyond} (${params.add(value)}, ${params.add(afterId)})`);
  }
  // The (all-null) field stays in the null segment's order for the same reason as in
  // prisma-segment.ts: it is the index's order.
  return {
    where,
    orderBy: `${column} ${direction}, ${id} ${direction}`,
    limit: params.add(segment.take),
  };
}
