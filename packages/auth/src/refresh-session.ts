// Refresh-token sessions modelled on GoTrue: a Session is one login's family of tokens, each
// token is used once and replaced; presenting a replaced token again means it was copied, so
// the family dies. Every decision about one token is taken under its row lock.
import type { Prisma, PrismaClient } from '@repo/db';
import { AuthError } from './errors';
import {
  generateRefreshToken,
  hashRefreshToken,
  isWellFormedRefreshToken,
  REFRESH_TOKEN_TTL_MS,
  refreshExpiry,
} from './refresh-token';

/** A replaced token still works this long: two tabs refreshing at once, or a lost response. */
export const REUSE_GRACE_MS = 10_000;

export interface ClientInfo {
  userAgent: string | null;
  ip: string | null;
}

export interface IssuedRefresh {
  sessionId: string;
  userId: string;
  /**
   * The new token, or null when a replaced token was presented inside the grace window: only
   * hashes are stored, so the successor issued moments ago cannot be handed out again, and minting
   * a second successor would fork the family. The caller keeps the successor it already received
   * (a browser's cookie jar holds it) and gets a fresh access token meanwhile.
   */
  refreshToken: string | null;
  /** When the session's current refresh token expires. */
  refreshTokenExpiresAt: Date;
}

// Column widths of the Session table; longer headers are cut, not a database error.
const clip = (info: ClientInfo) => ({
  userAgent: info.userAgent?.slice(0, 512) ?? null,
  ip: info.ip?.slice(0, 64) ?? null,
});

export async function startSession(
  prisma: Prisma.TransactionClient,
  userId: string,
  client: ClientInfo,
  now = new Date(),
  ttlMs = REFRESH_TOKEN_TTL_MS,
): Promise<IssuedRefresh & { refreshToken: string }> {
  const { token, tokenHash } = generateRefreshToken();
  const expiresAt = refreshExpiry(now, ttlMs);
  const session = await prisma.session.create({
    data: {
      userId,
      ...clip(client),
      createdAt: now,
      lastUsedAt: now,
      expiresAt,
      refreshTokens: { create: { tokenHash, createdAt: now, expiresAt } },
    },
    select: { id: true },
  });
  return { sessionId: session.id, userId, refreshToken: token, refreshTokenExpiresAt: expiresAt };
}

interface LockedToken {
  id: string;
  sessionId: string;
  userId: string;
  expiresAt: Date;
  usedAt: Date | null;
  sessionExpiresAt: Date;
  revokedAt: Date | null;
}

type Outcome =
  | { ok: IssuedRefresh }
  | { fail: 'INVALID_REFRESH_TOKEN' | 'REFRESH_TOKEN_EXPIRED' | 'REFRESH_TOKEN_REUSED' };

const failures = {
  INVALID_REFRESH_TOKEN: 'Invalid refresh token',
  REFRESH_TOKEN_EXPIRED: 'Refresh token expired',
  REFRESH_TOKEN_REUSED: 'Refresh token reused; the session has been ended',
} as const;

/** Exchanges a refresh token for its successor. Throws AuthError with a refresh appCode. */
export async function rotateRefreshToken(
  prisma: PrismaClient,
  token: string,
  client: ClientInfo,
  now = new Date(),
  ttlMs = REFRESH_TOKEN_TTL_MS,
  /** Told, inside the transaction, which user loses a session to reuse detection (to announce it). */
  onSessionRevoked?: (tx: Prisma.TransactionClient, userId: string) => Promise<void>,
): Promise<IssuedRefresh> {
  if (!isWellFormedRefreshToken(token))
    throw new AuthError('INVALID_REFRESH_TOKEN', failures.INVALID_REFRESH_TOKEN);
  // The outcome leaves the transaction as a value: throwing inside would roll back the
  // revocation that reuse detection must commit.
  const outcome = await prisma.$transaction(async (tx): Promise<Outcome> => {
    const [row] = await tx.$queryRaw<LockedToken[]>`
      SELECT t."id", t."sessionId", s."userId", t."expiresAt", t."usedAt",
             s."expiresAt" AS "sessionExpiresAt", s."revokedAt"
      FROM "RefreshToken" t JOIN "Session" s ON s."id" = t."sessionId"
      WHERE t."tokenHash" = ${hashRefreshToken(token)}
      FOR UPDATE OF t`;
    if (!row || row.revokedAt) return { fail: 'INVALID_REFRESH_TOKEN' };
    const seen = { lastUsedAt: now, ...clip(client) };
    if (row.usedAt) {
      if (now.getTime() - row.usedAt.getTime() > REUSE_GRACE_MS) {
        await tx.session.update({ where: { id: row.sessionId }, data: { revokedAt: now } });
        await onSessionRevoked?.(tx, row.userId);
        return { fail: 'REFRESH_TOKEN_REUSED' };
      }
      if (row.sessionExpiresAt <= now) return { fail: 'REFRESH_TOKEN_EXPIRED' };
      await tx.session.update({ where: { id: row.sessionId }, data: seen });
      const { sessionId, userId, sessionExpiresAt } = row;
      return {
        ok: { sessionId, userId, refreshToken: null, refreshTokenExpiresAt: sessionExpiresAt },
      };
    }
    if (row.expiresAt <= now || row.sessionExpiresAt <= now)
      return { fail: 'REFRESH_TOKEN_EXPIRED' };

    const next = generateRefreshToken();
    const expiresAt = refreshExpiry(now, ttlMs);
    const successor = await tx.refreshToken.create({
      data: { sessionId: row.sessionId, tokenHash: next.tokenHash, createdAt: now, expiresAt },
      select: { id: true },
    });
    await tx.refreshToken.update({
      where: { id: row.id },
      data: { usedAt: now, replacedById: successor.id },
    });
    // The session slides with its newest token: it lives while it keeps being refreshed.
    await tx.session.update({ where: { id: row.sessionId }, data: { ...seen, expiresAt } });
    return {
      ok: {
        sessionId: row.sessionId,
        userId: row.userId,
        refreshToken: next.token,
        refreshTokenExpiresAt: expiresAt,
      },
    };
  });
  if ('fail' in outcome) throw new AuthError(outcome.fail, failures[outcome.fail]);
  return outcome.ok;
}
