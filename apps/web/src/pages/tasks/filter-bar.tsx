// The task list's filters; every change rewrites the URL (task-filters.ts).
import type { TagOutput, TaskPriority } from '@repo/validators';
import { forwardRef } from 'react';
import { type Choice, FilterDate, FilterSelect } from '../../components/form-fields';
import type { TaskFilters, TaskStatus } from './task-filters';

interface Props {
  filters: TaskFilters;
  tags: TagOutput[];
  onChange: (patch: Partial<TaskFilters>) => void;
}

const PRIORITIES: Choice[] = [
  { value: 'high', label: 'High' },
  { value: 'medium', label: 'Medium' },
  { value: 'low', label: 'Low' },
];

const SORTS: Choice[] = [
  { value: 'createdAt', label: 'Created' },
  { value: 'dueDate', label: 'Due date' },
  { value: 'priority', label: 'Priority' },
  { value: 'title', label: 'Title' },
];

const STATUSES: { value: TaskStatus; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'active', label: 'Active' },
  { value: 'completed', label: 'Completed' },
];

export const FilterBar = forwardRef<HTMLInputElement, Props>(function FilterBar(
  { filters, tags, onChange },
  searchRef,
) {
  const priority = filters.priority.length === 1 ? filters.priority[0] : '';
  return (
    <div className="filters" role="search">
      <div className="filters-main">
        <div className="segmented" role="group" aria-label="Status">
          {STATUSES.map((status) => (
            <button
              key={status.value}
              className={filters.status === status.value ? 'active' : ''}
              aria-pressed={filters.status === status.value}
              onClick={() => onChange({ status: status.value })}
            >
              {status.label}
            </button>
          ))}
        </div>
        <label className="filter-field grow">
          <span className="sr-only">Search</span>
          <input
            ref={searchRef}
            type="search"
            placeholder="Search  ( / )"
            value={filters.q}
            onChange={(e) => onChange({ q: e.target.value })}
          />
        </label>
        <button
          className="button ghost"
          onClick={() => onChange({ order: filters.order === 'asc' ? 'desc' : 'asc' })}
        >
          <span aria-hidden="true">{filters.order === 'asc' ? '↑' : '↓'}</span>
          {filters.order === 'asc' ? 'Ascending' : 'Descending'}
        </button>
      </div>
      <FilterSelect
        label="Priority"
        value={priority ?? ''}
        choices={[{ value: '', label: 'Any' }, ...PRIORITIES]}
        onChange={(value) => onChange({ priority: value ? [value as TaskPriority] : [] })}
      />
      <FilterSelect
        label="Tag"
        value={filters.tagIds[0] ?? ''}
        choices={[
          { value: '', label: 'Any' },
          ...tags.map((t) => ({ value: t.id, label: t.name })),
        ]}
        onChange={(value) => onChange({ tagIds: value ? [Number(value)] : [] })}
      />
      <FilterDate
        label="Due from"
        value={filters.dueFrom}
        onChange={(dueFrom) => onChange({ dueFrom })}
      />
      <FilterDate label="Due to" value={filters.dueTo} onChange={(dueTo) => onChange({ dueTo })} />
      <FilterSelect
        label="Sort"
        value={filters.sort}
        choices={SORTS}
        onChange={(value) => onChange({ sort: value as TaskFilters['sort'] })}
      />
    </div>
  );
});
