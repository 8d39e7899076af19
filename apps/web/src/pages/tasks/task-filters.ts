// The task list's filters live in the URL (?status=active&priority=high,low&tag=3&q=milk...), so
// a view can be bookmarked, shared and survives a reload. Defaults are left out of the URL.
import { type TaskPriority, type TaskSort, taskPriorities, taskSorts } from '@repo/validators';

export type TaskStatus = 'all' | 'active' | 'completed';

export interface TaskFilters {
  status: TaskStatus;
  priority: TaskPriority[];
  tagIds: number[];
  /** yyyy-mm-dd, local days: due on or after this day. */
  dueFrom: string;
  /** yyyy-mm-dd: due on or before this day. */
  dueTo: string;
  q: string;
  sort: TaskSort;
  order: 'asc' | 'desc';
}

export const defaultFilters: TaskFilters = {
  status: 'all',
  priority: [],
  tagIds: [],
  dueFrom: '',
  dueTo: '',
  q: '',
  sort: 'createdAt',
  order: 'desc',
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const list = (value: string | null) => (value ? value.split(',').filter(Boolean) : []);

/** Whatever is in the URL, even hand-edited: unknown values fall back to the defaults. */
export function filtersFromSearch(params: URLSearchParams): TaskFilters {
  const status = params.get('status');
  const sort = params.get('sort');
  const order = params.get('order');
  const dueFrom = params.get('from') ?? '';
  const dueTo = params.get('to') ?? '';
  return {
    status: status === 'active' || status === 'completed' ? status : 'all',
    priority: list(params.get('priority')).filter((p): p is TaskPriority =>
      (taskPriorities as readonly string[]).includes(p),
    ),
    tagIds: [
      ...new Set(
        list(params.get('tags'))
          .map(Number)
          .filter((n) => Number.isSafeInteger(n) && n > 0),
      ),
    ],
    dueFrom: DAY.test(dueFrom) ? dueFrom : '',
    dueTo: DAY.test(dueTo) ? dueTo : '',
    q: (params.get('q') ?? '').slice(0, 200),
    sort: (taskSorts as readonly string[]).includes(sort ?? '') ? (sort as TaskSort) : 'createdAt',
    order: order === 'asc' ? 'asc' : 'desc',
  };
}

export function searchFromFilters(filters: TaskFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status !== 'all') params.set('status', filters.status);
  if (filters.priority.length) params.set('priority', filters.priority.join(','));
  if (filters.tagIds.length) params.set('tags', filters.tagIds.join(','));
  if (filters.dueFrom) params.set('from', filters.dueFrom);
  if (filters.dueTo) params.set('to', filters.dueTo);
  if (filters.q.trim()) params.set('q', filters.q);
  if (filters.sort !== 'createdAt') params.set('sort', filters.sort);
  if (filters.order !== 'desc') params.set('order', filters.order);
  return params;
}

const localDay = (day: string, plusDays = 0) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d! + plusDays);
};

/** task.list's input: the due range as [start of from-day, start of the day after to-day). */
export function listInputFromFilters(filters: TaskFilters) {
  return {
    status: filters.status,
    ...(filters.priority.length ? { priority: filters.priority } : {}),
    ...(filters.tagIds.length ? { tagIds: filters.tagIds } : {}),
    ...(filters.dueFrom ? { dueAfter: localDay(filters.dueFrom) } : {}),
    ...(filters.dueTo ? { dueBefore: localDay(filters.dueTo, 1) } : {}),
    ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
    sort: filters.sort,
    order: filters.order,
    limit: 50,
  };
}
