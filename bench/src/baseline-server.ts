// The raw baselines: node:http + pg, no framework, no ORM, no validation. BASELINE_WORK=same does
// the work the API does for auth.me, task.list and task.create (HS256 verification with the key
// imported once, the live-session check, the same SQL); BASELINE_WORK=minimal only checks the
// token and runs one statement a request, like the raw service of issue 14's table. Both use named
// (prepared) statements, as the API does. Same process count and pool size as the API, so the
// ratio between the two is what the framework layers cost.
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import { webcrypto } from 'node:crypto';
import { jwtVerify } from 'jose';
import pg from 'pg';
import { AUTH_USER, CREATE_TASK, LIST_AFTER, LIST_FIRST, USER_BY_ID } from './baseline-sql';
import { runClustered } from './cluster-primary';
import { readBaselineEnv } from './env';

const env = readBaselineEnv();

await runClustered(`baseline (${env.work} work)`, env, serve);

async function serve(): Promise<void> {
  const pool = new pg.Pool({ connectionString: env.databaseUrl, max: env.poolSize });
  const key = await webcrypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(env.jwtSecret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['verify'],
  );

  const send = (res: ServerResponse, status: number, body: unknown) => {
    const json = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(json),
    });
    res.end(json);
  };

  /** Same checks as the API's verifier; null for any failure (the API answers 401 too). */
  const caller = async (req: IncomingMessage) => {
    const token = req.headers.authorization?.slice('Bearer '.length);
    if (!token) return null;
    try {
      const { payload } = await jwtVerify(token, key, {
        algorithms: ['HS256'],
        issuer: env.jwtIssuer,
        audience: env.jwtAudience,
        typ: 'at+jwt',
        requiredClaims: ['sub', 'iat', 'exp', 'jti'],
      });
      if (payload.type !== 'access' || typeof payload.sid !== 'string' || !payload.sub) return null;
      return { userId: payload.sub, sessionId: payload.sid };
    } catch {
      return null;
    }
  };

  // Named: PostgreSQL parses and plans each once per connection.
  const query = (name: string, text: string, values: unknown[]) =>
    pool.query({ name, text, values });

  /** The caller's user: its row while the session is live, or (minimal) the token's word alone. */
  const authUser = async (req: IncomingMessage): Promise<{ id: string } | null> => {
    const claims = await caller(req);
    if (!claims) return null;
    if (env.work === 'minimal') return { id: claims.userId };
    const { rows } = await query('auth_user', AUTH_USER, [claims.userId, claims.sessionId]);
    return (rows[0] as { id: string } | undefined) ?? null;
  };

  const routes: Record<
    string,
    (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>
  > = {
    'GET /readyz': async (_req, res) => {
      await pool.query('SELECT 1');
      send(res, 200, { status: 'ready' });
    },
    'GET /me': async (req, res) => {
      const user = await authUser(req);
      if (!user) return send(res, 401, { code: 'INVALID_TOKEN' });
      if (env.work === 'same') return send(res, 200, user);
      const { rows } = await query('user_by_id', USER_BY_ID, [user.id]);
      send(res, 200, rows[0]);
    },
    'GET /tasks': async (req, res, url) => {
      const user = await authUser(req);
      if (!user) return send(res, 401, { code: 'INVALID_TOKEN' });
      const limit = Number(url.searchParams.get('limit') ?? 50);
      const cursor = url.searchParams.get('cursor');
      const { rows } = cursor
        ? await query('list_after', LIST_AFTER, [user.id, limit + 1, ...decodeCursor(cursor)])
        : await query('list_first', LIST_FIRST, [user.id, limit + 1]);
      const items = rows.slice(0, limit) as { id: number; createdAt: Date }[];
      const last = items.at(-1);
      send(res, 200, {
        items,
        nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
      });
    },
    'POST /tasks': async (req, res) => {
      const user = await authUser(req);
      if (!user) return send(res, 401, { code: 'INVALID_TOKEN' });
      const body = JSON.parse(await readBody(req)) as { title: string };
      const { rows } = await query('create_task', CREATE_TASK, [user.id, body.title]);
      send(res, 201, rows[0]);
    },
  };

  createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://baseline');
    const route = routes[`${req.method} ${url.pathname}`];
    if (!route) return send(res, 404, { code: 'NOT_FOUND' });
    route(req, res, url).catch((error: unknown) => {
      console.error(error);
      send(res, 500, { code: 'INTERNAL' });
    });
  }).listen(env.port, '127.0.0.1', () => {
    if (env.workers === 1) console.log(`baseline (${env.work} work) listening on ${env.port}`);
  });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

// Unsigned (createdAt, id) cursors: the baseline validates nothing, by design.
function encodeCursor(row: { id: number; createdAt: Date }): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): [string, number] {
  const [createdAt = '', id = ''] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  return [createdAt, Number(id)];
}
