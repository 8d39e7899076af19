import { useTRPC } from '@repo/client/react';
import type { TaskOutput } from '@repo/validators';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../lib/errors';
import { FilterBar } from './filter-bar';
import { QuickAdd } from './quick-add';
import { TaskEditor } from './task-editor';
import {
  type TaskFilters,
  filtersFromSearch,
  listInputFromFilters,
  searchFromFilters,
} from './task-filters';
import { TaskList } from './task-list';
import { useTaskMutations } from './task-mutations';

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function TasksPage() {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(params), [params]);
  const setFilters = useCallback(
    (patch: Partial<TaskFilters>) =>
      setParams(searchFromFilters({ ...filters, ...patch }), { replace: true }),
    [filters, setParams],
  );
  const tags = useQuery(trpc.tag.list.queryOptions());
  const list = useInfiniteQuery(
    trpc.task.list.infiniteQueryOptions(listInputFromFilters(filters), {
      getNextPageParam: (page) => page.nextCursor ?? undefined,
    }),
  );
  const tasks = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const { toggle, deleteWithUndo } = useTaskMutations();
  const [editing, setEditing] = useState<TaskOutput | null>(null);
  const quickAdd = useRef<HTMLInputElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);

  // n: new task, /: search (Esc closes dialogs: see Modal).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (typing(event.target) || event.metaKey || event.ctrlKey || event.altKey || editing) return;
      if (event.key === 'n') {
        event.preventDefault();
        quickAdd.current?.focus();
      } else if (event.key === '/') {
        event.preventDefault();
        search.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editing]);

  const filtered = params.toString() !== '';
  return (
    <section className="page">
      <header className="page-head">
        <h1>Tasks</h1>
        <span className="muted">
          {list.isSuccess
            ? `${tasks.length}${hasNextPage ? '+' : ''} ${tasks.length === 1 ? 'task' : 'tasks'}`
            : ''}
        </span>
      </header>
      <QuickAdd ref={quickAdd} />
      <FilterBar ref={search} filters={filters} tags={tags.data ?? []} onChange={setFilters} />
      {list.isPending && <p className="muted">Loading tasks…</p>}
      {list.isError && (
        <div className="empty" role="alert">
          <p>Could not load tasks: {errorMessage(list.error)}</p>
          <button className="button" onClick={() => void list.refetch()}>
            Try again
          </button>
        </div>
      )}
      {list.isSuccess && tasks.length === 0 && (
        <div className="empty">
          <p className="empty-title">
            {filtered ? 'No task matches these filters.' : 'Nothing to do yet.'}
          </p>
          <p className="muted">
            {filtered ? (
              <button
                className="button"
                onClick={() => setParams(new URLSearchParams(), { replace: true })}
              >
                Clear filters
              </button>
            ) : (
              'Type a task above and press Enter. Press n anywhere to start one.'
            )}
          </p>
        </div>
      )}
      {tasks.length > 0 && (
        <TaskList
          tasks={tasks}
          hasMore={Boolean(hasNextPage)}
          loadingMore={isFetchingNextPage}
          loadMore={loadMore}
          onToggle={(task) => toggle.mutate({ id: task.id })}
          onOpen={setEditing}
          onDelete={deleteWithUndo}
        />
      )}
      {editing && (
        <TaskEditor task={editing} tags={tags.data ?? []} onClose={() => setEditing(null)} />
      )}
    </section>
  );
}
