// The sync scenario's bookkeeping: what counts as lost, as a duplicate, and which deliveries
// are latency samples (only the instance the write did not go to).
import { describe, expect, it } from 'vitest';
import { type StreamRecord, type WriteRecord, receive, syncTitle, tally } from '../src/sync/tally';

const frame = (seq: number) =>
  `{"json":{"op":"upsert","entity":"task","data":{"title":"${syncTitle(seq)}"}}}`;
const stream = (user: number, instance: number): StreamRecord => ({
  user,
  instance,
  ids: new Set(),
  arrived: new Map(),
  duplicates: 0,
});
const write = (user: number, via: number, sentAt: number, ok = true): WriteRecord => ({
  user,
  via,
  sentAt,
  doneAt: sentAt + 5,
  ok,
});

describe('sync tally', () => {
  it('counts a missing delivery as lost, a repeated id as a duplicate, and ignores other frames', () => {
    const writes = [write(0, 0, 0), write(0, 1, 10), write(1, 0, 20), write(0, 0, 30, false)];
    const a = stream(0, 1);
    receive(a, '1', frame(0), 7);
    receive(a, '1', frame(0), 8);
    receive(a, '2', '{"json":{"title":"warm 3"}}', 9);
    const b = stream(1, 1);
    const result = tally(writes, [a, b]);
    // a missed write 1, b missed write 2; the refused write 3 was never owed.
    expect(result).toMatchObject({ delivered: 1, lost: 2, duplicates: 1 });
  });

  it('samples latency only on the instance the write did not go to', () => {
    const writes = [write(0, 0, 100), write(0, 1, 200)];
    const other = stream(0, 1);
    const same = stream(0, 0);
    for (const s of [other, same]) {
      receive(s, '1', frame(0), 150);
      receive(s, '2', frame(1), 203);
    }
    const result = tally(writes, [other, same]);
    // Write 0 went to instance 0: sampled on `other` (50 ms); write 1 on `same` (3 ms).
    expect(result.latencyMs).toEqual({ p50: 3, p99: 50, max: 50, samples: 2 });
    expect(result.writeMs).toEqual({ p50: 5, p99: 5, max: 5, samples: 2 });
    expect(result.lost).toBe(0);
  });
});
