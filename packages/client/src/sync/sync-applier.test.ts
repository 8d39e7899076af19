import { QueryClient } from '@tanstack/query-core';
import type { SyncEvent, TaskOutput } from '@repo/validators';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSyncApplier, type SyncApplier, type SyncCacheKeys } from './sync-applier';

const keys: SyncCacheKeys = {
  task: { list: [['task', 'list']], byId: [['task', 'byId']] },
  tag: { list: [['tag', 'list']], byId: [['tag', 'byId']] },
  asset: { list: [['asset', 'list']], byId: [['asset', 'byId']] },
};
const listKey = [['task', 'list'], { input: { status: 'all' }, type: 'infinite' }];
const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 12, minute));

function task(
  id: number,
  title: string,
  minute: number,
  tags: TaskOutput['tags'] = [],
): TaskOutput {
  return {
    id,
    title,
    description: null,
    completed: false,
    completedAt: null,
    priority: 'medium',
    dueDate: null,
    recurrenceRule: null,
    createdAt: at(0),
    updatedAt: at(minute),
    tags,
  };
}
const upsert = (data: TaskOutput): SyncEvent => ({
  op: 'upsert',
  entity: 'task',
  id: data.id,
  data,
  sessionId: null,
});

let client: QueryClient;
let applier: SyncApplier;
const titles = () =>
  client
    .getQueryData<{ pages: { items: TaskOutput[] }[] }>(listKey)!
    .pages.flatMap((page) => page.items.map((item) => item.title));

beforeEach(() => {
  client = new QueryClient();
  applier = createSyncApplier(client, keys);
  client.setQueryData(listKey, {
    pages: [{ items: [task(1, 'one', 1), task(2, 'two', 1)], nextCursor: null }],
    pageParams: [null],
  });
});

describe('sync applier', () => {
  it('replaces a cached row with a newer version in lists and byId', () => {
    client.setQueryData([['task', 'byId'], { input: { id: 1 }, type: 'query' }], task(1, 'one', 1));
    expect(applier.applyEvent('e1', upsert(task(1, 'one, renamed', 2)))).toBe('applied');
    expect(titles()).toEqual(['one, renamed', 'two']);
    expect(
      client.getQueryData<TaskOutput>([['task', 'byId'], { input: { id: 1 }, type: 'query' }])
        ?.title,
    ).toBe('one, renamed');
  });

  it('ignores an event older than the cached row (out of order)', () => {
    applier.applyEvent('e2', upsert(task(1, 'newest', 5)));
    expect(applier.applyEvent('e1', upsert(task(1, 'older', 3)))).toBe('stale');
    expect(titles()).toEqual(['newest', 'two']);
  });

  it('skips an event id applied before (a replay after reconnect)', () => {
    applier.applyEvent('e1', upsert(task(1, 'first', 2)));
    client.setQueryData(listKey, {
      pages: [{ items: [task(1, 'refetched', 1)], nextCursor: null }],
      pageParams: [null],
    });
    expect(applier.applyEvent('e1', upsert(task(1, 'first', 2)))).toBe('duplicate');
    expect(titles()).toEqual(['refetched']);
  });

  it('removes a deleted row, and a late upsert of it does not bring it back', () => {
    applier.applyEvent('e3', { op: 'delete', entity: 'task', id: 2, sessionId: null });
    expect(titles()).toEqual(['one']);
    expect(applier.applyEvent('e2', upsert(task(2, 'two', 9)))).toBe('stale');
    expect(titles()).toEqual(['one']);
  });

  it('marks a list stale for a row it does not hold, as the server knows where it sorts', () => {
    applier.applyEvent('e1', upsert(task(3, 'three', 1)));
    expect(client.getQueryState(listKey)?.isInvalidated).toBe(true);
    expect(titles()).toEqual(['one', 'two']);
  });

  it('inserts a new tag into tag.list in name order, and renames it inside tasks', () => {
    const tagKey = [['tag', 'list'], { type: 'query' }];
    const tag = (id: number, name: string) => ({ id, name, color: null, createdAt: at(0) });
    client.setQueryData(tagKey, [tag(1, 'alpha'), tag(2, 'gamma')]);
    client.setQueryData(listKey, {
      pages: [{ items: [task(1, 'one', 1, [tag(2, 'gamma')])], nextCursor: null }],
      pageParams: [null],
    });
    applier.applyEvent('e1', {
      op: 'upsert',
      entity: 'tag',
      id: 3,
      data: tag(3, 'beta'),
      sessionId: null,
    });
    applier.applyEvent('e2', {
      op: 'upsert',
      entity: 'tag',
      id: 2,
      data: tag(2, 'delta'),
      sessionId: null,
    });
    expect(client.getQueryData<{ name: string }[]>(tagKey)!.map((t) => t.name)).toEqual([
      'alpha',
      'beta',
      'delta',
    ]);
    const [page] = client.getQueryData<{ pages: { items: TaskOutput[] }[] }>(listKey)!.pages;
    expect(page!.items[0]!.tags.map((t) => t.name)).toEqual(['delta']);
    applier.applyEvent('e3', { op: 'delete', entity: 'tag', id: 2, sessionId: null });
    const [after] = client.getQueryData<{ pages: { items: TaskOutput[] }[] }>(listKey)!.pages;
    expect(after!.items[0]!.tags).toEqual([]);
  });

  it('invalidates every entity on resync', () => {
    const assetKey = [['asset', 'list'], { type: 'infinite' }];
    client.setQueryData(assetKey, { pages: [], pageParams: [] });
    applier.applyEvent(undefined, { op: 'resync' });
    expect(client.getQueryState(listKey)?.isInvalidated).toBe(true);
    expect(client.getQueryState(assetKey)?.isInvalidated).toBe(true);
  });
});
