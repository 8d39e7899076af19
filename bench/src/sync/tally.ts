// What the streams received, checked against what was written: every write is `task.update` of
// one user's task to the title `sync <seq>`, so an event names its write. Per stream: each
// successful write to its user must arrive once (missing: lost; an event id seen twice on the
// connection: duplicate); latency counts only streams on the instance the write did NOT go to.
import { percentile, roundMs } from '../percentile';

export interface WriteRecord {
  user: number;
  /** The instance the write was sent to (0 or 1). */
  via: number;
  sentAt: number;
  /** When its response arrived (0 until then). */
  doneAt: number;
  ok: boolean;
}

export interface StreamRecord {
  user: number;
  instance: number;
  ids: Set<string>;
  /** seq -> when it arrived (performance.now()). */
  arrived: Map<number, number>;
  duplicates: number;
}

const TITLE = /"title":"sync (\d+)"/;

export const syncTitle = (seq: number) => `sync ${seq}`;

/** Records one event frame on `stream`; frames that are not bench writes are ignored. */
export function receive(stream: StreamRecord, id: string, data: string, at: number): void {
  if (stream.ids.has(id)) {
    stream.duplicates++;
    return;
  }
  stream.ids.add(id);
  const seq = TITLE.exec(data)?.[1];
  if (seq !== undefined) stream.arrived.set(Number(seq), at);
}

export interface SyncTally {
  delivered: number;
  lost: number;
  duplicates: number;
  /** Write-to-delivery on the other instance's streams, in ms. */
  latencyMs: Latency;
  /** The writes' own request-to-response time: what of the above is the write itself. */
  writeMs: Latency;
}

export interface Latency {
  p50: number;
  p99: number;
  max: number;
  samples: number;
}

function summarize(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: roundMs(percentile(sorted, 0.5)),
    p99: roundMs(percentile(sorted, 0.99)),
    max: roundMs(sorted.at(-1) ?? 0),
    samples: sorted.length,
  };
}

export function tally(writes: WriteRecord[], streams: StreamRecord[]): SyncTally {
  const byUser = new Map<number, number[]>();
  writes.forEach((write, seq) => {
    if (!write.ok) return;
    const list = byUser.get(write.user) ?? [];
    list.push(seq);
    byUser.set(write.user, list);
  });
  let delivered = 0;
  let lost = 0;
  let duplicates = 0;
  const latencies: number[] = [];
  for (const stream of streams) {
    delivered += stream.arrived.size;
    duplicates += stream.duplicates;
    for (const seq of byUser.get(stream.user) ?? []) {
      const at = stream.arrived.get(seq);
      if (at === undefined) lost++;
      else if (writes[seq]!.via !== stream.instance) latencies.push(at - writes[seq]!.sentAt);
    }
  }
  return {
    delivered,
    lost,
    duplicates,
    latencyMs: summarize(latencies),
    writeMs: summarize(writes.filter((w) => w.ok).map((w) => w.doneAt - w.sentAt)),
  };
}

/** True once every successful write has reached every stream of its user. */
export function allArrived(writes: WriteRecord[], streams: StreamRecord[]): boolean {
  const okCount = new Map<number, number>();
  for (const write of writes)
    if (write.ok) okCount.set(write.user, (okCount.get(write.user) ?? 0) + 1);
  return streams.every((stream) => stream.arrived.size >= (okCount.get(stream.user) ?? 0));
}
