// A model of task.list for property tests: random tasks and filters, and what the list must
// return for them, computed in plain TypeScript independently of the SQL.
import fc from 'fast-check';
import type { TaskListInput, TaskPriority, TaskSort } from '@repo/validators';
import { taskPriorities, taskSorts } from '@repo/validators';

export interface ModelTask {
  id: number;
  title: string;
  description: string | null;
  completed: boolean;
  priority: TaskPriority;
  dueDate: Date | null;
  createdAt: Date;
  tagIds: number[];
}

export const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n));

// Distinct first letters keep title order the same under every collation; the odd characters
// check that q takes %, _, \ and quotes literally. Few values, so ties and nulls are common.
const titles = ['alpha', 'beta 50%', 'gam_ma', 'delta\\x', "echo's"] as const;
const queries = ['a', 'A', '%', '50%', '_', 'm_m', '\\', "'", 'zz', '  ECHO  '] as const;

/** A task to insert; `tags` are indexes into the run's tag list. */
export const taskArb = fc.record({
  title: fc.constantFrom(...titles),
  description: fc.option(fc.constantFrom(...titles), { nil: null }),
  completed: fc.boolean(),
  priority: fc.constantFrom(...taskPriorities),
  dueDate: fc.option(fc.integer({ min: 0, max: 4 }).map(day), { nil: null }),
  createdAt: fc.integer({ min: 0, max: 4 }).map(day),
  tags: fc.subarray([0, 1, 2]),
});
type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;
export type TaskSeed = ValueOf<typeof taskArb>;

/** Absent four times in five, so most walks keep rows to page through. */
const sometimes = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: arb, weight: 1 });

/** Filters, sort and order; tag filters are indexes into the run's tag list. */
export const listArb = fc.record({
  status: sometimes(fc.constantFrom('active' as const, 'completed' as const)),
  priority: sometimes(fc.subarray([...taskPriorities], { minLength: 1 })),
  tags: sometimes(fc.subarray([0, 1, 2], { minLength: 1, maxLength: 2 })),
  dueBefore: sometimes(fc.integer({ min: 1, max: 5 }).map(day)),
  dueAfter: sometimes(fc.integer({ min: 0, max: 4 }).map(day)),
  q: sometimes(fc.constantFrom(...queries)),
  sort: fc.constantFrom(...taskSorts),
  order: fc.constantFrom('asc' as const, 'desc' as const),
});
export type ListSeed = ValueOf<typeof listArb>;

export const toInput = ({ tags, ...seed }: ListSeed, tagIds: number[]): TaskListInput => ({
  ...seed,
  status: seed.status ?? 'all',
  tagIds: tags?.map((i) => tagIds[i]!),
  limit: 50,
});

const contains = (text: string | null, q: string) =>
  text !== null && text.toLowerCase().includes(q.toLowerCase());

export function matches(task: ModelTask, input: TaskListInput): boolean {
  const q = input.q?.trim();
  return (
    (input.status === 'all' || task.completed === (input.status === 'completed')) &&
    (!input.priority?.length || input.priority.includes(task.priority)) &&
    (input.tagIds ?? []).every((id) => task.tagIds.includes(id)) &&
    (!input.dueBefore || (task.dueDate !== null && task.dueDate < input.dueBefore)) &&
    (!input.dueAfter || (task.dueDate !== null && task.dueDate >= input.dueAfter)) &&
    (!q || contains(task.title, q) || contains(task.description, q))
  );
}

function sortValue(task: ModelTask, sort: TaskSort): number | string | null {
  if (sort === 'priority') return taskPriorities.indexOf(task.priority);
  if (sort === 'title') return task.title;
  return task[sort]?.getTime() ?? null;
}

/** The list order: the sort value (nulls last both ways), then id, in the requested direction. */
export function compare(a: ModelTask, b: ModelTask, sort: TaskSort, order: 'asc' | 'desc') {
  const sign = order === 'asc' ? 1 : -1;
  const [va, vb] = [sortValue(a, sort), sortValue(b, sort)];
  if (va === null || vb === null) {
    if (va !== vb) return va === null ? 1 : -1;
  } else if (va !== vb) {
    return (va < vb ? -1 : 1) * sign;
  }
  return (a.id - b.id) * sign;
}

export const expectedIds = (tasks: ModelTask[], input: TaskListInput) =>
  tasks
    .filter((task) => matches(task, input))
    .sort((a, b) => compare(a, b, input.sort, input.order))
    .map((task) => task.id);
