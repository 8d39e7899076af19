// Task writes with optimistic cache updates: the list changes at once, and is put back (with a
// message) when the server refuses. After any write the lists refetch, since the server decides
// filters and order (and a completed recurring task brings its next occurrence).
import { type useTRPCClient, useTRPC } from '@repo/client/react';
import type { TaskOutput } from '@repo/validators';
import {
  type QueryClient,
  type QueryKey,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import { errorMessage } from '../../lib/errors';
import { showToast } from '../../lib/toast';

interface Page {
  items: TaskOutput[];
  nextCursor: string | null;
}
interface Pages {
  pages: Page[];
  pageParams: unknown[];
}
type Snapshot = [QueryKey, unknown][];
/** What task.create takes, before the server's defaults. */
type TaskCreate = Parameters<ReturnType<typeof useTRPCClient>['task']['create']['mutate']>[0];
type ListChange = (items: TaskOutput[], pageIndex: number) => TaskOutput[];

function patchLists(client: QueryClient, key: QueryKey, change: ListChange): Snapshot {
  const snapshot = client.getQueriesData({ queryKey: key });
  client.setQueriesData<Pages>({ queryKey: key }, (data) =>
    data?.pages
      ? { ...data, pages: data.pages.map((page, i) => ({ ...page, items: change(page.items, i) })) }
      : data,
  );
  return snapshot;
}

function restore(client: QueryClient, snapshot: Snapshot | undefined) {
  for (const [key, data] of snapshot ?? []) client.setQueryData(key, data);
}

function refused(action: string) {
  return (error: unknown) =>
    showToast({ message: `Could not ${action}: ${errorMessage(error)}`, tone: 'error' });
}

let temporaryId = -1;

export function useTaskMutations() {
  const trpc = useTRPC();
  const client = useQueryClient();
  const listKey = trpc.task.list.pathKey();

  /**
   * A write the lists show at once: `change` (made from the input) patches every cached page; a
   * refusal puts them back with a message; either way the lists refetch.
   */
  function optimistically<I>(action: string, change: (input: I) => ListChange) {
    return {
      onMutate: async (input: I) => {
        await client.cancelQueries({ queryKey: listKey });
        return patchLists(client, listKey, change(input));
      },
      onError: (error: unknown, _input: I, snapshot: Snapshot | undefined) => {
        restore(client, snapshot);
        refused(action)(error);
      },
      onSettled: () => client.invalidateQueries({ queryKey: listKey }),
    };
  }

  const create = useMutation(
    trpc.task.create.mutationOptions(
      optimistically('add the task', (input: TaskCreate) => {
        const now = new Date();
        const tags = client.getQueryData(trpc.tag.list.queryKey()) ?? [];
        const optimistic: TaskOutput = {
          id: temporaryId--,
          // Known once the account loaded; the server's row replaces this one when it answers.
          userId: client.getQueryData(trpc.auth.me.queryKey())?.id ?? '',
          title: input.title.trim(),
          description: input.description ?? null,
          completed: false,
          completedAt: null,
          priority: input.priority ?? 'medium',
          dueDate: input.dueDate ? new Date(input.dueDate) : null,
          recurrenceRule: input.recurrenceRule ?? null,
          createdAt: now,
          updatedAt: now,
          tags: tags.filter((tag) => input.tagIds?.includes(tag.id)),
        };
        return (items, page) => (page === 0 ? [optimistic, ...items] : items);
      }),
    ),
  );

  const toggle = useMutation(
    trpc.task.toggleComplete.mutationOptions(
      optimistically(
        'update the task',
        ({ id }: { id: number }) =>
          (items) =>
            items.map((t) =>
              t.id === id
                ? { ...t, completed: !t.completed, completedAt: t.completed ? null : new Date() }
                : t,
            ),
      ),
    ),
  );

  const remove = useMutation(
    trpc.task.delete.mutationOptions(
      optimistically(
        'delete the task',
        ({ id }: { id: number }) =>
          (items) =>
            items.filter((t) => t.id !== id),
      ),
    ),
  );

  /** Deletes at once; Undo creates the task again from what it was. */
  function deleteWithUndo(task: TaskOutput) {
    remove.mutate(
      { id: task.id },
      {
        onSuccess: () =>
          showToast({
            message: `Deleted “${task.title}”`,
            action: {
              label: 'Undo',
              run: () =>
                create.mutate({
                  title: task.title,
                  description: task.description,
                  priority: task.priority,
                  dueDate: task.dueDate,
                  recurrenceRule: task.recurrenceRule,
                  tagIds: task.tags.map((t) => t.id),
                }),
            },
          }),
      },
    );
  }

  return { create, toggle, deleteWithUndo };
}
