import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toIsoString } from './iso-time';

describe('toIsoString', () => {
  it('writes what Date#toISOString writes, for any valid date', () => {
    fc.assert(
      fc.property(fc.date({ noInvalidDate: true }), (date) => {
        expect(toIsoString(date)).toBe(date.toISOString());
      }),
      { numRuns: 20_000 },
    );
  });

  it('around the edges: the epoch, leap days, centuries, years 0 and 9999 and beyond', () => {
    const edges = [
      0, -1, 1, 951_782_400_000, 951_868_799_999, 4_107_542_400_000, -2_203_891_200_000,
      -62_167_219_200_000, -62_167_219_200_001, 253_402_300_799_999, 253_402_300_800_000, 8.64e15,
      -8.64e15,
    ];
    for (const time of edges)
      expect(toIsoString(new Date(time))).toBe(new Date(time).toISOString());
    for (let year = 1; year <= 9999; year += 37) {
      for (const [month, day] of [
        [0, 1],
        [1, 28],
        [1, 29],
        [2, 1],
        [11, 31],
      ] as const) {
        const date = new Date(Date.UTC(year, month, day, 23, 59, 59, 999));
        date.setUTCFullYear(year);
        expect(toIsoString(date)).toBe(date.toISOString());
      }
    }
  });

  it('refuses an invalid date like the builtin', () => {
    expect(() => toIsoString(new Date(NaN))).toThrow(RangeError);
  });
});
