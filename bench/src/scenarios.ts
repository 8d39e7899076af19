// The scenarios and how each face spells them: the raw baselines (same work, minimal work: the
// same routes), tRPC (GET queries with a superjson-encoded input, POST mutations) and the REST
// mirror.
import type { RequestSpec } from './load-spec';

export type Face = 'baseline' | 'minimal' | 'trpc' | 'rest';

/** The minimal baseline answers the same routes as the same-work one. */
const spelling = (face: Face) => (face === 'minimal' ? 'baseline' : face);

export type ScenarioId = 'me' | 'list' | 'list-10k-first' | 'list-10k-deep' | 'create' | 'login';

export interface Scenario {
  id: ScenarioId;
  title: string;
  faces: Face[];
}

export const PAGE_LIMIT = 50;
/** The API's largest page: walking to the deep page in these halves the requests it takes. */
export const MAX_LIMIT = 100;
export const SERVER_FACES: Face[] = ['trpc', 'rest'];

export const scenarios: Scenario[] = [
  { id: 'me', title: 'auth.me', faces: ['baseline', 'minimal', 'trpc', 'rest'] },
  {
    id: 'list',
    title: 'task.list, normal user',
    faces: ['baseline', 'minimal', 'trpc', 'rest'],
  },
  {
    id: 'list-10k-first',
    title: 'task.list, 10k user, first page',
    faces: ['baseline', 'trpc', 'rest'],
  },
  {
    id: 'list-10k-deep',
    title: 'task.list, 10k user, deep page',
    faces: ['baseline', 'trpc', 'rest'],
  },
  { id: 'create', title: 'task.create', faces: ['baseline', 'minimal', 'trpc', 'rest'] },
  { id: 'login', title: 'auth.login storm', faces: ['trpc', 'rest'] },
];

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const jsonBody = (token: string | null, body: unknown) => ({
  headers: { ...(token ? bearer(token) : {}), 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** tRPC GET input: superjson's wire form, `{"json": ...}`, URL-encoded. */
export const trpcInput = (input: unknown) => encodeURIComponent(JSON.stringify({ json: input }));

export function meRequest(face: Face, token: string): RequestSpec {
  const path = { baseline: '/me', trpc: '/trpc/auth.me', rest: '/api/v1/auth/me' }[spelling(face)];
  return { method: 'GET', path, headers: bearer(token) };
}

export function listRequest(
  face: Face,
  token: string,
  cursor?: string | null,
  limit = PAGE_LIMIT,
): RequestSpec {
  const query = `limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
  const path = {
    baseline: `/tasks?${query}`,
    trpc: `/trpc/task.list?input=${trpcInput(cursor ? { limit, cursor } : { limit })}`,
    rest: `/api/tasks?${query}`,
  }[spelling(face)];
  return { method: 'GET', path, headers: bearer(token) };
}

export function createRequest(face: Face, token: string): RequestSpec {
  const task = { title: 'Bench task' };
  if (face === 'trpc')
    return { method: 'POST', path: '/trpc/task.create', ...jsonBody(token, { json: task }) };
  return {
    method: 'POST',
    path: face === 'rest' ? '/api/tasks' : '/tasks',
    ...jsonBody(token, task),
  };
}

export function loginRequest(face: Face, email: string, password: string): RequestSpec {
  // 'token' sessions: the refresh token comes back in the body, no cookie to parse or ignore.
  const login = { email, password, session: 'token' };
  if (face === 'trpc')
    return { method: 'POST', path: '/trpc/auth.login', ...jsonBody(null, { json: login }) };
  return { method: 'POST', path: '/api/v1/auth/login', ...jsonBody(null, login) };
}

/** The list answer's next cursor, wherever the face puts it. */
export function nextCursorOf(face: Face, body: unknown): string | null {
  const page = face === 'trpc' ? dig(body, ['result', 'data', 'json']) : body;
  const cursor = dig(page, ['nextCursor']);
  return typeof cursor === 'string' ? cursor : null;
}

export function itemsOf(face: Face, body: unknown): unknown[] | null {
  const page = face === 'trpc' ? dig(body, ['result', 'data', 'json']) : body;
  const items = dig(page, ['items']);
  return Array.isArray(items) ? (items as unknown[]) : null;
}

function dig(value: unknown, path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
