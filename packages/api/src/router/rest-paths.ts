// The REST mirror's surface in one table: each procedure's method, path, summary and tag, and
// what the mirror and its document must know beyond those (success status, which errors it can
// answer), as `.meta()` for the procedure. apps/server serves /api and generates /openapi.json
// from these and from nothing else: no rule there looks at a procedure's name. The paths are
// docs/contract.md's (/api/v1/auth/*, /api/tasks, /api/tags, /api/assets).
import type { OpenApiMeta } from 'trpc-to-openapi';

/** How the REST mirror answers a procedure, beyond its path. */
export interface RestSemantics {
  /** 201 when the call brings a resource into being, 204 when it answers no body (DELETE). */
  successStatus: 200 | 201 | 204;
  /** Spends a sign-in budget (auth/rate-limit.ts), so it may answer 429 with Retry-After. */
  rateLimited: boolean;
  /** Checks credentials or a refresh token: 401 even when no access token is needed. */
  checksCredentials: boolean;
  /** Names rows by id (in the path, or tagIds in the input): 404 when one is not the caller's. */
  namesRows: boolean;
  /** Can lose to another write: a unique name or email, or a stale expectedUpdatedAt (409). */
  conflicts: boolean;
}

export type ProcedureMeta = OpenApiMeta & { rest?: RestSemantics };

type OpenApi = NonNullable<OpenApiMeta['openapi']>;
type RestMeta = { openapi: OpenApi; rest: RestSemantics };

interface RestOptions extends Partial<RestSemantics> {
  description?: string;
  /** false: public, the caller is identified by credentials or a refresh token. */
  protect?: false;
}

const rest = (
  tag: string,
  method: OpenApi['method'],
  path: OpenApi['path'],
  summary: string,
  { description, protect, ...semantics }: RestOptions = {},
): RestMeta => ({
  openapi: {
    method,
    path,
    summary,
    tags: [tag],
    ...(description !== undefined && { description }),
    ...(protect !== undefined && { protect }),
  },
  rest: {
    successStatus: method === 'DELETE' ? 204 : 200,
    rateLimited: false,
    checksCredentials: false,
    namesRows: path.includes('{'),
    conflicts: false,
    ...semantics,
  },
});

const open = { protect: false } as const;
const creates = { successStatus: 201 } as const;

export const authRest = {
  register: rest('auth', 'POST', '/api/v1/auth/register', 'Create an account and sign in', {
    ...open,
    ...creates,
    rateLimited: true,
    conflicts: true,
    description:
      "session 'cookie' (default) sets the refresh token as an HttpOnly cookie; 'token' returns it in the body.",
  }),
  login: rest('auth', 'POST', '/api/v1/auth/login', 'Sign in with email and password', {
    ...open,
    rateLimited: true,
    checksCredentials: true,
  }),
  refresh: rest('auth', 'POST', '/api/v1/auth/refresh', 'New tokens for a refresh token', {
    ...open,
    checksCredentials: true,
    description: 'Without refreshToken in the body, the refresh cookie is used (and rotated).',
  }),
  logout: rest('auth', 'POST', '/api/v1/auth/logout', 'Sign out, here or on every device', {
    ...open,
    checksCredentials: true,
  }),
  me: rest('auth', 'GET', '/api/v1/auth/me', 'The signed-in user'),
  sessions: rest('auth', 'GET', '/api/v1/auth/sessions', 'Your live sessions'),
  revokeSession: rest('auth', 'DELETE', '/api/v1/auth/sessions/{sessionId}', 'End a session'),
  changePassword: rest('auth', 'POST', '/api/v1/auth/change-password', 'Change your password', {
    description: 'Ends every other session.',
    rateLimited: true,
  }),
} satisfies Record<string, RestMeta>;

export const taskRest = {
  list: rest('tasks', 'GET', '/api/tasks', 'List your tasks', {
    description:
      'Arrays (priority, tagIds) as repeated or comma-separated parameters. Pages: pass nextCursor back as cursor.',
    namesRows: true,
  }),
  byId: rest('tasks', 'GET', '/api/tasks/{id}', 'Get a task'),
  create: rest('tasks', 'POST', '/api/tasks', 'Create a task', { ...creates, namesRows: true }),
  update: rest('tasks', 'PUT', '/api/tasks/{id}', 'Update a task', {
    description: 'Absent fields are left as they are; null clears a nullable one.',
    conflicts: true,
  }),
  delete: rest('tasks', 'DELETE', '/api/tasks/{id}', 'Delete a task'),
  toggleComplete: rest('tasks', 'PATCH', '/api/tasks/{id}/complete', 'Toggle done / not done', {
    description: 'Completing a recurring task creates its next occurrence.',
  }),
} satisfies Record<string, RestMeta>;

export const tagRest = {
  list: rest('tags', 'GET', '/api/tags', 'List your tags'),
  create: rest('tags', 'POST', '/api/tags', 'Create a tag', { ...creates, conflicts: true }),
  update: rest('tags', 'PUT', '/api/tags/{id}', 'Rename or recolour a tag', { conflicts: true }),
  delete: rest('tags', 'DELETE', '/api/tags/{id}', 'Delete a tag (it leaves every task)'),
} satisfies Record<string, RestMeta>;

export const assetRest = {
  list: rest('assets', 'GET', '/api/assets', 'List your assets', {
    description: 'Pages: pass nextCursor back as cursor.',
  }),
  byId: rest('assets', 'GET', '/api/assets/{id}', 'Get an asset'),
  create: rest('assets', 'POST', '/api/assets', 'Add an asset', creates),
  update: rest('assets', 'PUT', '/api/assets/{id}', 'Update an asset', {
    description: 'Absent fields are left as they are; null clears a nullable one.',
    conflicts: true,
  }),
  delete: rest('assets', 'DELETE', '/api/assets/{id}', 'Delete an asset'),
} satisfies Record<string, RestMeta>;
