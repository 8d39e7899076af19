// The direct path reads the query's parameters from the request target, without the URL tRPC's
// adapter builds (trpc-direct-calls.ts); they must be the ones that URL's searchParams reads.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { querySearchParams } from './trpc-direct-calls';

// What a request target's query can hold as node's parser hands it over: printable ASCII (it
// answers 400 to a space, a control character or a byte over 0x7f there), with the characters
// URL's parser treats specially and percent sequences, valid, truncated and not UTF-8.
const queryChar = fc.oneof(
  fc.constantFrom(...'aZ09-_.~%&=+#?/"<>\'`{}|^[]\\;:@!$()*,'.split('')),
  fc.constantFrom('%20', '%2', '%zz', '%C3%A9', '%E2%82%AC', '%FF', '%C3', '%23', '%26', '%3D'),
  fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code)),
);
const query = fc.array(queryChar, { maxLength: 40 }).map((chars) => chars.join(''));

const entries = (params: URLSearchParams) => [...params];

describe('querySearchParams', () => {
  it('reads what new URL(target).searchParams reads, for any query', () => {
    fc.assert(
      fc.property(query, (q) => {
        const target = `/trpc/task.list?${q}`;
        const url = new URL(target, 'http://localhost:3000');
        expect(entries(querySearchParams(target))).toEqual(entries(url.searchParams));
      }),
      { numRuns: 3000 },
    );
  });

  it('cuts the fragment off at the first # and reads no query without a ?', () => {
    expect(entries(querySearchParams('/trpc/a?input=1#x&batch=1'))).toEqual([['input', '1']]);
    expect(entries(querySearchParams('/trpc/a#?input=1'))).toEqual([]);
    expect(entries(querySearchParams('/trpc/a'))).toEqual([]);
  });
});
