// Applies live-sync events (packages/validators/src/sync.ts) to a TanStack Query cache, so a
// change made elsewhere shows without a refetch. Events can arrive twice (a replay after a
// reconnect overlaps what was already seen) or out of order relative to what a query fetched
// meanwhile, so a row only ever moves forward: an event older than the cached row (updatedAt)
// is ignored, a deleted id stays deleted, and an event id already applied is skipped.
import type { QueryClient, QueryKey } from '@tanstack/query-core';
import type { SyncEntity, SyncEvent } from '@repo/validators';

/** Query-key prefixes of one entity's caches (e.g. `trpc.task.list.pathKey()`). */
export interface EntityCacheKeys {
  /** Lists: infinite queries ({ pages: [{ items }] }) or plain arrays (tag.list). */
  list: QueryKey;
  /** Single rows (byId): matched by the cached row's id. */
  byId: QueryKey;
}

export type SyncCacheKeys = Record<SyncEntity, EntityCacheKeys>;

export type ApplyResult = 'applied' | 'duplicate' | 'stale';

type Id = string | number;
interface Row {
  id: Id;
  updatedAt?: Date | string;
}
interface TaskRow extends Row {
  tags: { id: number; name: string }[];
}
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
interface InfiniteData<T> {
  pages: Page<T>[];
  pageParams: unknown[];
}

/** How many applied event ids are remembered for duplicate detection. */
const REMEMBERED_EVENTS = 2_000;

const isInfinite = (data: unknown): data is InfiniteData<Row> =>
  typeof data === 'object' && data !== null && Array.isArray((data as { pages?: unknown }).pages);

const time = (value: Date | string | undefined) =>
  value === undefined ? undefined : new Date(value).getTime();

/** True when `incoming` is not newer than `cached`: the cache already has it or something later. */
function isNotNewer(incoming: Row, cached: Row): boolean {
  const a = time(incoming.updatedAt);
  const b = time(cached.updatedAt);
  // Tags carry no updatedAt: the stream's commit order is all there is, so apply.
  return a !== undefined && b !== undefined && a <= b;
}

export interface SyncApplier {
  applyEvent(eventId: string | undefined, event: SyncEvent): ApplyResult;
}

export function createSyncApplier(queryClient: QueryClient, keys: SyncCacheKeys): SyncApplier {
  const appliedIds = new Set<string>();
  const deleted = new Set<string>();
  const tombstone = (entity: SyncEntity, id: Id) => `${entity}:${id}`;

  function remember(eventId: string | undefined) {
    if (eventId === undefined) return;
    appliedIds.add(eventId);
    if (appliedIds.size > REMEMBERED_EVENTS) {
      const oldest = appliedIds.values().next().value;
      if (oldest !== undefined) appliedIds.delete(oldest);
    }
  }

  /** Rewrites every cached row of `entity` (lists and byId) with `update` (undefined: remove). */
  function eachRow(entity: SyncEntity, update: (row: Row) => Row | undefined | 'keep') {
    const mapRows = (rows: Row[]) => {
      let changed = false;
      const next: Row[] = [];
      for (const row of rows) {
        const result = update(row);
        if (result === 'keep') next.push(row);
        else {
          changed = true;
          if (result) next.push(result);
        }
      }
      return changed ? next : rows;
    };
    queryClient.setQueriesData<unknown>({ queryKey: keys[entity].list }, (data: unknown) => {
      if (Array.isArray(data)) return mapRows(data as Row[]);
      if (isInfinite(data)) {
        const pages = data.pages.map((page) => {
          const items = mapRows(page.items);
          return items === page.items ? page : { ...page, items };
        });
        return pages.some((page, i) => page !== data.pages[i]) ? { ...data, pages } : data;
      }
      return data;
    });
    for (const query of queryClient.getQueryCache().findAll({ queryKey: keys[entity].byId })) {
      const row = query.state.data as Row | undefined;
      if (!row || typeof row !== 'object') continue;
      const result = update(row);
      if (result === 'keep') continue;
      if (result) queryClient.setQueryData(query.queryKey, result);
      else queryClient.removeQueries({ queryKey: query.queryKey, exact: true });
    }
  }

  /** Lists of `entity` that do not hold `id`: an array gets it (kept in name order, as tag.list). */
  function insertWhereAbsent(entity: SyncEntity, data: Row & { name?: string }) {
    for (const query of queryClient.getQueryCache().findAll({ queryKey: keys[entity].list })) {
      const cached: unknown = query.state.data;
      if (Array.isArray(cached)) {
        const rows = cached as (Row & { name?: string })[];
        if (rows.some((row) => row.id === data.id)) continue;
        const next = [...rows, data].sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
        queryClient.setQueryData(query.queryKey, next);
      } else if (isInfinite(cached)) {
        if (cached.pages.some((page) => page.items.some((row) => row.id === data.id))) continue;
        // Where a new row falls under this list's filters and sort is the server's to say.
        void queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true });
      }
    }
  }

  /** Tasks embed their tags: a renamed, recolored or deleted tag changes them too. */
  function patchTaskTags(tagId: number, tag: TaskRow['tags'][number] | undefined) {
    eachRow('task', (row) => {
      const task = row as TaskRow;
      if (!task.tags?.some((t) => t.id === tagId)) return 'keep';
      const tags = tag
        ? task.tags
            .map((t) => (t.id === tagId ? tag : t))
            .sort((a, b) => a.name.localeCompare(b.name))
        : task.tags.filter((t) => t.id !== tagId);
      return { ...task, tags } as Row;
    });
  }

  function upsert(entity: SyncEntity, data: Row): ApplyResult {
    if (deleted.has(tombstone(entity, data.id))) return 'stale';
    let stale = false;
    eachRow(entity, (row) => {
      if (row.id !== data.id) return 'keep';
      if (isNotNewer(data, row)) {
        stale = true;
        return 'keep';
      }
      return data;
    });
    if (stale) return 'stale';
    insertWhereAbsent(entity, data);
    if (entity === 'tag')
      patchTaskTags(data.id as number, data as unknown as TaskRow['tags'][number]);
    return 'applied';
  }

  function remove(entity: SyncEntity, id: Id): ApplyResult {
    deleted.add(tombstone(entity, id));
    eachRow(entity, (row) => (row.id === id ? undefined : 'keep'));
    if (entity === 'tag') patchTaskTags(id as number, undefined);
    return 'applied';
  }

  return {
    applyEvent(eventId, event) {
      if (eventId !== undefined && appliedIds.has(eventId)) return 'duplicate';
      let result: ApplyResult;
      if (event.op === 'resync') {
        for (const entity of Object.keys(keys) as SyncEntity[]) {
          void queryClient.invalidateQueries({ queryKey: keys[entity].list });
          void queryClient.invalidateQueries({ queryKey: keys[entity].byId });
        }
        result = 'applied';
      } else if (event.op === 'upsert') result = upsert(event.entity, event.data);
      else result = remove(event.entity, event.id);
      remember(eventId);
      return result;
    },
  };
}
