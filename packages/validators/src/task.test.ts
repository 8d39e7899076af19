// Task and tag input schemas at their limits, as the clients' forms use them.
import { describe, expect, it } from 'vitest';
import { tagCreateInput, tagUpdateInput } from './tag';
import { taskCreateInput, taskListInput, taskUpdateInput } from './task';

const firstPath = (result: { error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues[0]?.path.join('.');

describe('task inputs', () => {
  it('trims the title and applies defaults', () => {
    expect(taskCreateInput.parse({ title: '  Buy milk ' })).toEqual({
      title: 'Buy milk',
      priority: 'medium',
      tagIds: [],
    });
  });

  it.each([
    [{ title: 'x'.repeat(201) }, 'title'],
    [{ title: '   ' }, 'title'],
    [{ title: 't', description: 'd'.repeat(10_001) }, 'description'],
    [{ title: 't', priority: 'urgent' }, 'priority'],
    [{ title: 't', tagIds: [1, 1] }, 'tagIds'],
    [{ title: 't', tagIds: [0] }, 'tagIds.0'],
    [{ title: 't', dueDate: 1767225600000 }, 'dueDate'],
    [{ title: 't', dueDate: '2026-01-01T00:00:00' }, 'dueDate'],
  ])('rejects %j on %s', (input, path) => {
    expect(firstPath(taskCreateInput.safeParse(input))).toBe(path);
  });

  it('takes dates as Date or as ISO strings with an offset', () => {
    const fromString = taskCreateInput.parse({ title: 't', dueDate: '2026-01-01T10:00:00+01:00' });
    expect(fromString.dueDate).toEqual(new Date('2026-01-01T09:00:00Z'));
    const date = new Date('2026-01-01T09:00:00Z');
    expect(taskCreateInput.parse({ title: 't', dueDate: date }).dueDate).toEqual(date);
  });

  it('update: absent fields stay absent, null clears', () => {
    expect(taskUpdateInput.parse({ id: 1, dueDate: null })).toEqual({ id: 1, dueDate: null });
  });

  it('list: defaults, and limit 1..100', () => {
    expect(taskListInput.parse({})).toEqual({
      status: 'all',
      sort: 'createdAt',
      order: 'desc',
      limit: 50,
    });
    for (const limit of [1, 100]) expect(taskListInput.safeParse({ limit }).success).toBe(true);
    for (const limit of [0, 101, 1.5])
      expect(firstPath(taskListInput.safeParse({ limit }))).toBe('limit');
  });
});

describe('tag inputs', () => {
  it('name is trimmed, 1-50 characters, also once lower-cased', () => {
    expect(tagCreateInput.parse({ name: ` ${'n'.repeat(50)} ` }).name).toHaveLength(50);
    expect(firstPath(tagCreateInput.safeParse({ name: 'n'.repeat(51) }))).toBe('name');
    expect(firstPath(tagCreateInput.safeParse({ name: 'İ'.repeat(50) }))).toBe('name');
  });

  it('color is #RRGGBB or null', () => {
    expect(tagUpdateInput.parse({ id: 1, color: null })).toEqual({ id: 1, color: null });
    expect(firstPath(tagUpdateInput.safeParse({ id: 1, color: '#abc' }))).toBe('color');
  });
});
