// Quick add as on the web app: the shared parser reads the line, and its #names become the
// task's tagIds: the person's own tags by name (from the cached list, so offline too), the
// unknown ones created first. The task itself goes through the offline-tolerant create queue.
import {
  type QuickAdd,
  parseQuickAdd,
  quickAddTaskInput,
  tagColorFor,
  tagNamed,
} from '@repo/client';
import { useTRPC, useTRPCClient } from '@repo/client/react';
import { onlineManager, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCreateTask } from './task-mutations';

export function useQuickAdd() {
  const trpc = useTRPC();
  // The raw client, not a mutation: a tag's creation cannot wait in the offline queue, since
  // the task needs its id now.
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const tags = useQuery(trpc.tag.list.queryOptions());
  const create = useCreateTask();

  const send = (parsed: QuickAdd, tagIds: number[]) =>
    create.mutate(quickAddTaskInput(parsed, tagIds));

  /** New tags first (online only), then the task. */
  async function createTagsThenSend(parsed: QuickAdd): Promise<void> {
    const names = parsed.tagNames;
    if (!onlineManager.isOnline()) {
      const unknown = names.filter((name) => !tagNamed(tags.data ?? [], name));
      throw new Error(
        `new tags (${unknown.map((name) => `#${name}`).join(' ')}) need a connection`,
      );
    }
    // Before the list's first answer, ask for it rather than take a known tag for a new one.
    const known = tags.data ?? (await queryClient.fetchQuery(trpc.tag.list.queryOptions()));
    const ids: number[] = [];
    for (const name of names) {
      const tag =
        tagNamed(known, name) ??
        (await client.tag.create.mutate({ name, color: tagColorFor(name) }));
      ids.push(tag.id);
    }
    await queryClient.invalidateQueries({ queryKey: trpc.tag.list.queryKey() });
    send(parsed, ids);
  }

  /**
   * Adds the line's task: at once when its tags are all known (offline too, then it waits in
   * the queue); rejects, adding nothing, when a new tag could not be created (offline, say).
   */
  function add(line: string): Promise<void> {
    const parsed = parseQuickAdd(line);
    const known = parsed.tagNames.map((name) => tagNamed(tags.data ?? [], name));
    if (known.every((tag) => tag !== undefined)) {
      send(
        parsed,
        known.map((tag) => tag.id),
      );
      return Promise.resolve();
    }
    return createTagsThenSend(parsed);
  }

  return { add, create };
}
