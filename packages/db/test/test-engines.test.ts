import { describe, expect, it } from 'vitest';
import { enginesUnderTest } from '../src/testing';

describe('enginesUnderTest', () => {
  it('tests PGlite alone on a developer machine without TEST_DATABASE_URL', () => {
    expect(enginesUnderTest({})).toEqual(['pglite']);
  });

  it('adds PostgreSQL when TEST_DATABASE_URL is set', () => {
    expect(enginesUnderTest({ TEST_DATABASE_URL: 'postgresql://x@127.0.0.1/db' })).toEqual([
      'pglite',
      'postgres',
    ]);
  });

  it('keeps PostgreSQL in CI without TEST_DATABASE_URL, so its suites fail rather than skip', () => {
    expect(enginesUnderTest({ CI: 'true' })).toEqual(['pglite', 'postgres']);
  });
});
