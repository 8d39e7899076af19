// The raw baseline: node:http + pg, no framework, no ORM, no validation, doing the work the API
// does for auth.me, task.list and task.create (HS256 verification with the key imported once, the
// live-session check, the same SQL). Same process count and pool size as the API, so the ratio
// between the two is what the framework layers cost.
import cluster from 'node:cluster';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import { webcrypto } from 'node:crypto';
import { jwtVerify } from 'jose';
import pg from 'pg';
import { AUTH_USER, CREATE_TASK, LIST_AFTER, LIST_FIRST } from './baseline-sql';
import { readBaselineEnv } from './env';

const env = readBaselineEnv();

if (cluster.isPrimary && env.workers > 1) {
  let listening = 0;
  let stopping = false;
  for (let i = 0; i < env.workers; i++) cluster.fork();
  cluster.on('listening', () => {
    if (++listening === env.workers) console.log(`baseline listening on ${env.port}`);
  });
  // A worker dying mid-run would silently halve the baseline: stop instead.
  cluster.on('exit', (_worker, code, signal) => {
    if (!stopping) {
      console.error(`baseline worker exited (${signal ?? code}); stopping`);
      process.exit(1);
    }
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} else {
  await serve();
}

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

  const authUser = async (req: IncomingMessage) => {
    const claims = await caller(req);
    if (!claims) return null;
    const { rows } = await pool.query(AUTH_USER, [claims.userId, claims.sessionId]);
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
      send(res, 200, user);
    },
    'GET /tasks': async (req, res, url) => {
      const user = await authUser(req);
      if (!user) return send(res, 401, { code: 'INVALID_TOKEN' });
      const limit = Number(url.searchParams.get('limit') ?? 50);
      const cursor = url.searchParams.get('cursor');
      const { rows } = cursor
        ? await pool.query(LIST_AFTER, [user.id, limit + 1, ...decodeCursor(cursor)])
        : await pool.query(LIST_FIRST, [user.id, limit + 1]);
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
      const { rows } = await pool.query(CREATE_TASK, [user.id, body.title]);
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
    if (env.workers === 1) console.log(`baseline listening on ${env.port}`);
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
