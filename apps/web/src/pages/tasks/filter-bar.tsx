// The task list's filters; every change rewrites the URL (task-filters.ts).
import type { TagOutput } from '@repo/validators';
import { forwardRef } from 'react';
import type { TaskFilters, TaskStatus } from './task-filters';

interface Props {
  filters: TaskFilters;
  tags: TagOutput[];
  onChange: (patch: Partial<TaskFilters>) => void;
}

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
      <label className="filter-field">
        <span className="filter-label" aria-hidden="true">
          Priority
        </span>
        <select
          aria-label="Priority"
          value={priority}
          onChange={(e) => onChange({ priority: e.target.value ? [e.target.value as 'high'] : [] })}
        >
          <option value="">Any</option>
          <option value="high">High</option>
          <option value="medium">Medium</option>
          <option value="low">Low</option>
        </select>
      </label>
      <label className="filter-field">
        <span className="filter-label" aria-hidden="true">
          Tag
        </span>
        <select
          aria-label="Tag"
          value={filters.tagIds[0] ?? ''}
          onChange={(e) => onChange({ tagIds: e.target.value ? [Number(e.target.value)] : [] })}
        >
          <option value="">Any</option>
          {tags.map((tag) => (
            <option key={tag.id} value={tag.id}>
              {tag.name}
            </option>
          ))}
        </select>
      </label>
      <label className="filter-field">
        <span className="filter-label" aria-hidden="true">
          Due from
        </span>
        <input
          aria-label="Due from"
          type="date"
          value={filters.dueFrom}
          onChange={(e) => onChange({ dueFrom: e.target.value })}
        />
      </label>
      <label className="filter-field">
        <span className="filter-label" aria-hidden="true">
          Due to
        </span>
        <input
          aria-label="Due to"
          type="date"
          value={filters.dueTo}
          onChange={(e) => onChange({ dueTo: e.target.value })}
        />
      </label>
      <label className="filter-field">
        <span className="filter-label" aria-hidden="true">
          Sort
        </span>
        <select
          aria-label="Sort"
          value={filters.sort}
          onChange={(e) => onChange({ sort: e.target.value as TaskFilters['sort'] })}
        >
          <option value="createdAt">Created</option>
          <option value="dueDate">Due date</option>
          <option value="priority">Priority</option>
          <option value="title">Title</option>
        </select>
      </label>
    </div>
  );
});
