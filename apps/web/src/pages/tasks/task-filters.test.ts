import { describe, expect, it } from 'vitest';
import {
  defaultFilters,
  filtersFromSearch,
  listInputFromFilters,
  searchFromFilters,
} from './task-filters';

describe('task filters <-> URL', () => {
  it('leaves defaults out of the URL', () => {
    expect(searchFromFilters(defaultFilters).toString()).toBe('');
    expect(filtersFromSearch(new URLSearchParams(''))).toEqual(defaultFilters);
  });

  it('round-trips every filter', () => {
    const filters = {
      status: 'active' as const,
      priority: ['high' as const, 'low' as const],
      tagIds: [3, 7],
      dueFrom: '2026-12-01',
      dueTo: '2026-12-31',
      q: 'milk & eggs',
      sort: 'dueDate' as const,
      order: 'asc' as const,
    };
    const search = searchFromFilters(filters);
    expect(search.toString()).toBe(
      'status=active&priority=high%2Clow&tags=3%2C7&from=2026-12-01&to=2026-12-31&q=milk+%26+eggs&sort=dueDate&order=asc',
    );
    expect(filtersFromSearch(new URLSearchParams(search.toString()))).toEqual(filters);
  });

  it('ignores hand-edited nonsense instead of failing the page', () => {
    expect(
      filtersFromSearch(
        new URLSearchParams(
          'status=done&priority=urgent,high&tags=x,-1,4,4&from=yesterday&sort=id&order=up',
        ),
      ),
    ).toEqual({ ...defaultFilters, priority: ['high'], tagIds: [4] });
  });

  it('turns the due range into [from-day, day after to-day)', () => {
    const input = listInputFromFilters({
      ...defaultFilters,
      dueFrom: '2026-12-01',
      dueTo: '2026-12-01',
    });
    expect(input.dueAfter).toEqual(new Date(2026, 11, 1));
    expect(input.dueBefore).toEqual(new Date(2026, 11, 2));
  });
});
