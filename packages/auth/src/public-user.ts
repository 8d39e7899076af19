// The one shape a User leaves the API in: listed field by field so a password hash or an
// external subject can never leak by a new column appearing. Authentication loads exactly this,
// so a procedure (auth.me first) answers from ctx.user without reading the row again.
import type { Prisma } from '@repo/db';

export const userSelect = {
  id: true,
  email: true,
  name: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.UserSelect;

export type PublicUser = Prisma.UserGetPayload<{ select: typeof userSelect }>;
