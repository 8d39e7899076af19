// Prisma's word for "a unique index refused the row" (P2002), known in this one place. Callers
// let the index decide a race (two registrations, two tags of one name) and turn its verdict
// into their own error.
import { Prisma } from './generated/prisma/client';

export const isUniqueViolation = (error: unknown): error is Prisma.PrismaClientKnownRequestError =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
