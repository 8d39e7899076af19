// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type ConflictSaveOptions, useConflictSave } from './conflict-save';

interface Row {
  title: string;
  updatedAt: Date;
}

/** One stored row with the server's rule: a stale expectedUpdatedAt answers CONFLICT. */
function storedRow(title: string) {
  let row: Row = { title, updatedAt: new Date(1000) };
  const writes: (Date | undefined)[] = [];
  return {
    get: () => row,
    /** Another device's save. */
    changeElsewhere(to: string) {
      row = { title: to, updatedAt: new Date(row.updatedAt.getTime() + 1000) };
    },
    update(title: string, expectedUpdatedAt: Date | undefined): Promise<Row> {
      writes.push(expectedUpdatedAt);
      if (expectedUpdatedAt && expectedUpdatedAt.getTime() !== row.updatedAt.getTime()) {
        return Promise.reject(
          Object.assign(new Error('Changed since'), { data: { appCode: 'CONFLICT' } }),
        );
      }
      row = { title, updatedAt: new Date(row.updatedAt.getTime() + 1000) };
      return Promise.resolve(row);
    },
    writes,
  };
}

function editor(options: Partial<ConflictSaveOptions<Row, Row>> & { mine: () => string }) {
  const stored = storedRow('Buy milk');
  const saved: Row[] = [];
  const hook = renderHook(() =>
    useConflictSave<Row, Row>({
      base: stored.get().updatedAt,
      write: (expected) => stored.update(options.mine(), expected),
      latest: () => Promise.resolve(stored.get()),
      onSaved: (row) => void saved.push(row),
      ...options,
    }),
  );
  return { stored, saved, hook };
}

describe('useConflictSave', () => {
  it('saves on the base it started from', async () => {
    const { stored, saved, hook } = editor({ mine: () => 'Buy oat milk' });
    await act(() => hook.result.current.save());
    expect(stored.writes).toEqual([new Date(1000)]);
    expect(saved).toEqual([{ title: 'Buy oat milk', updatedAt: new Date(2000) }]);
    expect(hook.result.current).toMatchObject({ saving: false, error: null, theirs: null });
  });

  it('holds the version saved elsewhere on CONFLICT; keep mine saves over it', async () => {
    const { stored, saved, hook } = editor({ mine: () => 'Buy oat milk' });
    stored.changeElsewhere('Buy bread');
    await act(() => hook.result.current.save());
    expect(hook.result.current.theirs).toEqual({ title: 'Buy bread', updatedAt: new Date(2000) });
    expect(hook.result.current.error).toBeNull();
    expect(saved).toEqual([]);

    await act(() => hook.result.current.keepMine());
    expect(stored.writes).toEqual([new Date(1000), new Date(2000)]);
    expect(stored.get()).toEqual({ title: 'Buy oat milk', updatedAt: new Date(3000) });
    expect(hook.result.current.theirs).toBeNull();
  });

  it('take theirs drops the conflict and bases the next save on theirs', async () => {
    const { stored, hook } = editor({ mine: () => 'Buy oat milk' });
    stored.changeElsewhere('Buy bread');
    await act(() => hook.result.current.save());
    act(() => hook.result.current.takeTheirs());
    expect(hook.result.current.theirs).toBeNull();
    await act(() => hook.result.current.save());
    expect(stored.writes).toEqual([new Date(1000), new Date(2000)]);
    expect(stored.get().title).toBe('Buy oat milk');
  });

  it('shows any other failure as the error, and a CONFLICT too when nothing can be fetched', async () => {
    const failing = editor({
      mine: () => 'x',
      write: () => Promise.reject(Object.assign(new Error('Too long'), { data: {} })),
    });
    await act(() => failing.hook.result.current.save());
    expect((failing.hook.result.current.error as Error).message).toBe('Too long');

    const creating = editor({ mine: () => 'Buy oat milk', base: new Date(0), latest: undefined });
    await act(() => creating.hook.result.current.save());
    expect((creating.hook.result.current.error as Error).message).toBe('Changed since');
    expect(creating.hook.result.current.theirs).toBeNull();
  });

  it('sends nothing while the form has problems of its own', async () => {
    const { stored, saved, hook } = editor({ mine: () => '', write: () => null });
    await act(() => hook.result.current.save());
    expect(stored.writes).toEqual([]);
    expect(saved).toEqual([]);
    expect(hook.result.current.saving).toBe(false);
  });
});
