// JSON answers outside tRPC, in the REST mirror's error shape: { detail, code, field? }.
import type { ServerResponse } from 'node:http';
import type { AppCode } from '@repo/validators';

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(payload));
  res.end(payload);
}

export function sendProblem(
  res: ServerResponse,
  status: number,
  code: AppCode,
  detail: string,
): void {
  sendJson(res, status, { detail, code });
}
