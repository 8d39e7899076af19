// Inputs and outputs of the auth procedures, shared with the clients so forms validate exactly
// as the server does.
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, email, password, trimmedText, uuidId } from './common';

/** 'cookie' (web): the refresh token travels only in an HttpOnly cookie; 'token' (mobile): in the body. */
export const sessionMode = z.enum(['cookie', 'token']);
export type SessionMode = z.infer<typeof sessionMode>;

export const registerInput = z.object({
  email,
  password,
  name: trimmedText(1, 100).optional(),
  session: sessionMode.default('cookie'),
});

export const loginInput = z.object({
  email,
  password,
  session: sessionMode.default('cookie'),
});

/** Refresh tokens are 43 characters; the bound only keeps junk from reaching the hash. */
const refreshToken = z.string().max(512);

/** Without `refreshToken`, the cookie is used (and the answer goes back to the cookie). */
export const refreshInput = z.object({ refreshToken: refreshToken.optional() }).optional();

export const logoutInput = z
  .object({ refreshToken: refreshToken.optional(), allDevices: z.boolean().default(false) })
  .optional();

export const revokeSessionInput = z.object({ sessionId: uuidId });

export const changePasswordInput = z.object({
  // Not re-checked against today's length rules: it only has to match what is stored.
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: password,
});

export const userOutput = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type User = z.infer<typeof userOutput>;

export const authResultOutput = z.object({
  user: userOutput,
  accessToken: z.string(),
  accessTokenExpiresAt: z.date(),
  refreshTokenExpiresAt: z.date(),
  /** Only for session 'token'; never present for 'cookie'. */
  refreshToken: z.string().optional(),
});
export type AuthResult = z.infer<typeof authResultOutput>;

export const sessionOutput = z.object({
  id: z.string(),
  createdAt: z.date(),
  lastUsedAt: z.date(),
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  /** True for the session of the access token making the request. */
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof sessionOutput>;

export const okOutput = z.object({ ok: z.literal(true) });
