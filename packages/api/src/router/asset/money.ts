// Money is BIGINT in PostgreSQL (minor units can pass 2^31) but a number in JSON: neither
// JSON.stringify nor most clients handle BigInt. Inputs are capped at MAX_MONEY_CENTS (< 2^53),
// so both directions are exact; these two functions are the only crossing point.
import { MAX_MONEY_CENTS } from '@repo/validators';

export function centsToStorage(cents: number): bigint;
export function centsToStorage(cents: number | null): bigint | null;
export function centsToStorage(cents: number | undefined): bigint | undefined;
export function centsToStorage(cents: number | null | undefined): bigint | null | undefined;
export function centsToStorage(cents: number | null | undefined): bigint | null | undefined {
  return cents === null || cents === undefined ? cents : BigInt(cents);
}

export function centsFromStorage(cents: bigint | null): number | null {
  if (cents === null) return null;
  // A value written around the API (SQL console, a future import) must not be silently rounded.
  if (cents < 0n || cents > BigInt(MAX_MONEY_CENTS)) {
    throw new RangeError(`Stored amount ${cents} is outside 0..${MAX_MONEY_CENTS}`);
  }
  return Number(cents);
}
