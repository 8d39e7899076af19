// A task row read in SQL carries its tags in the same statement: per task, a JSON array of [id, name, color,
// createdAt] in name order (the database's collation, as everywhere else), from the (taskId,
// tagId) key and the tags' primary key. Against the page with tag ids and the distinct tags read
// by a second statement, bench --only=list went from 971 to 1,228 rps over tRPC (1.37 -> 1.07 ms
// of server CPU a request). Prisma's relationJoins form of the same embedding (LATERAL, JSONB per
// link) had cost PostgreSQL 5.1 ms a page; this correlated subquery does not.
import type { Tag } from '../tag/select';
import type { Task } from './select';

/**
 * The select-list entry for the tags of the task row `alias` (a table or CTE with its id), as
 * "tagsJson": the page's statement and the field patch's (patch.ts) both read tags this way.
 */
export const tagsJsonOf = (alias: string) => `COALESCE((
    SELECT json_agg(json_build_array(g.id, g.name, g.color, g."createdAt") ORDER BY g."nameKey", g.id)
    FROM "TaskTag" tt JOIN "Tag" g ON g.id = tt."tagId" WHERE tt."taskId" = ${alias}.id
  ), '[]') AS "tagsJson"`;

export type TagJson = [id: number, name: string, color: string | null, createdAt: string];

/** A task as a statement with tagsJsonOf reads it: its columns, and its tags as JSON arrays. */
export type TaskRowWithTags = Omit<Task, 'tags'> & { tagsJson: TagJson[] };

export const withTags = ({ tagsJson, ...task }: TaskRowWithTags): Task => ({
  ...task,
  tags: tagsJson.map(([id, name, color, createdAt]): Tag => ({
    id,
    name,
    color,
    createdAt: new Date(createdAt),
  })),
});
