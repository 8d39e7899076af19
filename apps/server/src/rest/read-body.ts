// Request bodies for the REST mirror: the content type is checked before a byte is read, the
// size limit holds for chunked bodies too (a declared Content-Length over it never gets here:
// app.ts refuses it; past the limit the rest is discarded and the connection closed after the
// 413, see rest-route.ts), and the text is parsed exactly once.
import type { IncomingMessage } from 'node:http';
import { AppError } from '@repo/api';
import { readText } from '../http/read-text';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
const FORM_TYPE = /^application\/x-www-form-urlencoded\s*(?:;|$)/i;

/** True when the request carries a body at all (a length above 0, or a chunked one). */
function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  if (length !== undefined) return Number(length) > 0;
  return req.headers['transfer-encoding'] !== undefined;
}

function requireType(req: IncomingMessage, type: RegExp, expected: string): void {
  const contentType = req.headers['content-type'];
  if (contentType && type.test(contentType)) return;
  throw new AppError(
    'UNSUPPORTED_MEDIA_TYPE',
    contentType
      ? `Content-Type ${contentType} is not accepted here; send ${expected}`
      : `Missing Content-Type; send ${expected}`,
  );
}

/** The JSON body, or undefined when there is none. */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  if (!hasBody(req)) return undefined;
  requireType(req, JSON_TYPE, 'application/json');
  const text = await readText(req, limit, () => new BodyTooLargeError(limit));
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // The parser's message says where the text went wrong, never anything about the server.
    const reason = error instanceof SyntaxError ? `: ${error.message}` : '';
    throw new AppError('VALIDATION_ERROR', `Malformed JSON body${reason}`);
  }
}

/** An application/x-www-form-urlencoded body (OAuth2's token request). */
export async function readFormBody(req: IncomingMessage, limit: number): Promise<URLSearchParams> {
  requireType(req, FORM_TYPE, 'application/x-www-form-urlencoded');
  return new URLSearchParams(
    hasBody(req) ? await readText(req, limit, () => new BodyTooLargeError(limit)) : '',
  );
}

export class BodyTooLargeError extends AppError {
  constructor(limit: number) {
    super('PAYLOAD_TOO_LARGE', `Request body exceeds ${limit} bytes`);
  }
}
