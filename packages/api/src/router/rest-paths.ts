// The REST mirror's surface in one table: each procedure's method, path, summary and tag, as
// `.meta()` for the procedure. apps/server serves /api and generates /openapi.json from these;
// paths follow the seeds (001: /api/v1/auth/*, 002: /api/tasks, 000: assets). Success is 200,
// except 201 for POSTs that create and 204 for DELETE (apps/server rest/operations.ts).
import type { OpenApiMeta } from 'trpc-to-openapi';

type RestMeta = { openapi: NonNullable<OpenApiMeta['openapi']> };
type Method = RestMeta['openapi']['method'];
type Path = RestMeta['openapi']['path'];

const rest = (
  tag: string,
  method: Method,
  path: Path,
  summary: string,
  more: Partial<RestMeta['openapi']> = {},
): RestMeta => ({ openapi: { method, path, summary, tags: [tag], ...more } });

/** Public: these identify the caller by credentials or a refresh token, not an access token. */
const open = { protect: false } as const;

export const authRest = {
  register: rest('auth', 'POST', '/api/v1/auth/register', 'Create an account and sign in', {
    ...open,
    description:
      "session 'cookie' (default) sets the refresh token as an HttpOnly cookie; 'token' returns it in the body.",
  }),
  login: rest('auth', 'POST', '/api/v1/auth/login', 'Sign in with email and password', open),
  refresh: rest('auth', 'POST', '/api/v1/auth/refresh', 'New tokens for a refresh token', {
    ...open,
    description: 'Without refreshToken in the body, the refresh cookie is used (and rotated).',
  }),
  logout: rest('auth', 'POST', '/api/v1/auth/logout', 'Sign out, here or on every device', open),
  me: rest('auth', 'GET', '/api/v1/auth/me', 'The signed-in user'),
  sessions: rest('auth', 'GET', '/api/v1/auth/sessions', 'Your live sessions'),
  revokeSession: rest('auth', 'DELETE', '/api/v1/auth/sessions/{sessionId}', 'End a session'),
  changePassword: rest('auth', 'POST', '/api/v1/auth/change-password', 'Change your password', {
    description: 'Ends every other session.',
  }),
} satisfies Record<string, RestMeta>;

export const taskRest = {
  list: rest('tasks', 'GET', '/api/tasks', 'List your tasks', {
    description:
      'Arrays (priority, tagIds) as repeated or comma-separated parameters. Pages: pass nextCursor back as cursor.',
  }),
  byId: rest('tasks', 'GET', '/api/tasks/{id}', 'Get a task'),
  create: rest('tasks', 'POST', '/api/tasks', 'Create a task'),
  update: rest('tasks', 'PUT', '/api/tasks/{id}', 'Update a task', {
    description: 'Absent fields are left as they are; null clears a nullable one.',
  }),
  delete: rest('tasks', 'DELETE', '/api/tasks/{id}', 'Delete a task'),
  toggleComplete: rest('tasks', 'PATCH', '/api/tasks/{id}/complete', 'Toggle done / not done', {
    description: 'Completing a recurring task creates its next occurrence.',
  }),
} satisfies Record<string, RestMeta>;

export const tagRest = {
  list: rest('tags', 'GET', '/api/tags', 'List your tags'),
  create: rest('tags', 'POST', '/api/tags', 'Create a tag'),
  update: rest('tags', 'PUT', '/api/tags/{id}', 'Rename or recolour a tag'),
  delete: rest('tags', 'DELETE', '/api/tags/{id}', 'Delete a tag (it leaves every task)'),
} satisfies Record<string, RestMeta>;

export const assetRest = {
  list: rest('assets', 'GET', '/api/assets', 'List your assets', {
    description: 'Pages: pass nextCursor back as cursor.',
  }),
  byId: rest('assets', 'GET', '/api/assets/{id}', 'Get an asset'),
  create: rest('assets', 'POST', '/api/assets', 'Add an asset'),
  update: rest('assets', 'PUT', '/api/assets/{id}', 'Update an asset', {
    description: 'Absent fields are left as they are; null clears a nullable one.',
  }),
  delete: rest('assets', 'DELETE', '/api/assets/{id}', 'Delete an asset'),
} satisfies Record<string, RestMeta>;
