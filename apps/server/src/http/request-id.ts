// Request ids tie a client's report to our log lines. An incoming X-Request-Id (from a proxy or a
// client's retry) is kept so one id follows the request across systems, unless it could be used
// to forge or flood log lines.
import { randomUUID } from 'node:crypto';

const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && SANE_REQUEST_ID.test(header) ? header : randomUUID();
}
