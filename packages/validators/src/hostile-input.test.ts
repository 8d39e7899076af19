// Input PostgreSQL or JavaScript cannot store faithfully is refused here, field by field, so no
// face ever answers 500 for it.
import { describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import {
  assetCreateInput,
  assetListInput,
  assetUpdateInput,
  registerInput,
  tagCreateInput,
  taskCreateInput,
  taskListInput,
  taskUpdateInput,
} from './index';

const NUL = 'a\u0000b';
const uuid = '6f1c2d3e-0000-4000-8000-000000000001';

function failure(
  schema: {
    safeParse(input: unknown): {
      success: boolean;
      error?: { issues: { path: PropertyKey[]; message: string }[] };
    };
  },
  input: unknown,
) {
  const result = schema.safeParse(input);
  expect(result.success).toBe(false);
  const issue = result.error!.issues[0]!;
  return { field: issue.path.join('.'), message: issue.message };
}

describe('NUL characters', () => {
  it.each<[string, ZodType, unknown, string]>([
    ['task title', taskCreateInput, { title: NUL }, 'title'],
    ['task description', taskCreateInput, { title: 't', description: NUL }, 'description'],
    ['task update title', taskUpdateInput, { id: 1, title: NUL }, 'title'],
    ['task search', taskListInput, { q: NUL }, 'q'],
    ['tag name', tagCreateInput, { name: NUL }, 'name'],
    ['asset name', assetCreateInput, { name: NUL }, 'name'],
    ['asset description', assetCreateInput, { name: 'n', description: NUL }, 'description'],
    ['asset category', assetCreateInput, { name: 'n', category: NUL }, 'category'],
    ['asset tag', assetCreateInput, { name: 'n', tags: ['ok', NUL] }, 'tags.1'],
    [
      'asset image URL',
      assetCreateInput,
      { name: 'n', imageUrls: [`https://x.test/${NUL}`] },
      'imageUrls.0',
    ],
    [
      'asset metadata value',
      assetCreateInput,
      { name: 'n', metadata: { a: { b: [NUL] } } },
      'metadata',
    ],
    ['asset metadata key', assetCreateInput, { name: 'n', metadata: { [NUL]: 1 } }, 'metadata'],
    ['asset search', assetListInput, { q: NUL }, 'q'],
    ['asset list category', assetListInput, { category: NUL }, 'category'],
    [
      'user name',
      registerInput,
      { email: 'a@example.com', password: 'correct horse', name: NUL },
      'name',
    ],
  ])('refuses one in %s, naming the field', (_what, schema, input, field) => {
    const issue = failure(schema, input);
    expect(issue.field).toBe(field);
    if (field !== 'imageUrls.0') expect(issue.message).toMatch(/NUL/);
  });
});

describe('dates', () => {
  const refuses = (value: unknown) => failure(taskCreateInput, { title: 't', dueDate: value });
  it('refuses dates outside the years 1900 to 9999, as Dates and as strings', () => {
    expect(refuses(new Date(8.64e15)).message).toBe('Dates must fall in the years 1900 to 9999');
    expect(refuses('+275760-09-13T00:00:00.000Z').field).toBe('dueDate');
    expect(refuses(new Date('1899-12-31T23:59:59.999Z')).field).toBe('dueDate');
    expect(refuses(new Date('10000-01-01T00:00:00.000Z')).field).toBe('dueDate');
  });

  it('accepts the first and the last instant of the range', () => {
    for (const dueDate of ['1900-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z']) {
      expect(taskCreateInput.parse({ title: 't', dueDate }).dueDate?.toISOString()).toBe(dueDate);
    }
  });

  it('bounds every date input the same way', () => {
    const far = new Date('1800-01-01T00:00:00.000Z');
    expect(failure(taskUpdateInput, { id: 1, expectedUpdatedAt: far }).field).toBe(
      'expectedUpdatedAt',
    );
    expect(failure(taskListInput, { dueBefore: far }).field).toBe('dueBefore');
    expect(failure(taskListInput, { dueAfter: far }).field).toBe('dueAfter');
    expect(failure(assetCreateInput, { name: 'n', acquiredAt: far }).field).toBe('acquiredAt');
    expect(failure(assetUpdateInput, { id: uuid, acquiredAt: far }).field).toBe('acquiredAt');
  });
});

describe('metadata keys', () => {
  it.each(['__proto__', 'constructor', 'prototype'])('refuses %s at any depth', (key) => {
    // As JSON.parse builds it: an own property, even for __proto__.
    for (const metadata of [
      JSON.parse(`{"${key}":{"x":1}}`) as unknown,
      JSON.parse(`{"a":[{"${key}":1}]}`) as unknown,
    ]) {
      const issue = failure(assetCreateInput, { name: 'n', metadata });
      expect(issue).toEqual({
        field: 'metadata',
        message: `The key "${key}" is not allowed in metadata`,
      });
    }
  });

  it('keeps ordinary keys that merely resemble them', () => {
    const metadata = { proto: 1, constructors: ['a'], nested: { prototype_id: 'x' } };
    expect(assetCreateInput.parse({ name: 'n', metadata }).metadata).toEqual(metadata);
  });
});
