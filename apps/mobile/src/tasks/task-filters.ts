import type { TaskPriority, TaskSort } from '@repo/validators';

export type TaskStatusFilter = 'all' | 'active' | 'completed';

export interface TaskFilters {
  status: TaskStatusFilter;
  priority: TaskPriority[];
  sort: TaskSort;
}

export const defaultTaskFilters: TaskFilters = { status: 'all', priority: [], sort: 'createdAt' };

/** task.list's input for these filters (an empty priority list means every priority). */
export function listInput(filters: TaskFilters, limit: number) {
  return {
    status: filters.status,
    ...(filters.priority.length > 0 ? { priority: filters.priority } : {}),
    sort: filters.sort,
    order: filters.sort === 'title' ? ('asc' as const) : ('desc' as const),
    limit,
  };
}
