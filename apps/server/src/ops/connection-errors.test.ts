import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { connectionErrorLog } from './connection-errors';

function capture() {
  const lines: { level: number; msg: string; err?: { message: string } }[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as (typeof lines)[number]);
      done();
    },
  });
  return { lines, logger: pino({ level: 'info' }, stream) };
}

describe('connectionErrorLog', () => {
  it('logs the first error of an outage with its cause, then its end, and nothing between', () => {
    const { lines, logger } = capture();
    const log = connectionErrorLog(logger, 'redis');
    log.recovered(); // connected the first time: nothing to report
    for (let attempt = 0; attempt < 50; attempt++) log.failed(new Error('connect ECONNREFUSED'));
    log.recovered();
    log.recovered();
    log.failed(new Error('read ECONNRESET'));
    expect(lines.map(({ level, msg, err }) => [level, msg, err?.message])).toEqual([
      [40, 'redis: connection error', 'connect ECONNREFUSED'],
      [30, 'redis: connected again', undefined],
      [40, 'redis: connection error', 'read ECONNRESET'],
    ]);
  });
});
