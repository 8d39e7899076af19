// What a tag looks like to clients; tasks embed the same shape.
import type { Prisma } from '@repo/db';

// Explicit columns: userId and nameKey are the server's business, not the client's.
export const tagSelect = {
  id: true,
  name: true,
  color: true,
  createdAt: true,
} satisfies Prisma.TagSelect;

export type Tag = Prisma.TagGetPayload<{ select: typeof tagSelect }>;
