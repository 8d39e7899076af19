// Email + password accounts. Both outcomes of a failed login (unknown email, wrong password)
// do one argon2 verification and answer the same error, so neither time nor text tells them apart.
// A full hash queue answers RATE_LIMIT_EXCEEDED (with Retry-After) before any hashing.
import {
  AuthError,
  type PublicUser,
  hashPassword,
  needsRehash,
  userSelect,
  verifyPassword,
} from '@repo/auth';
import { type PrismaClient, isUniqueViolation } from '@repo/db';
import { AppError } from '../errors';
import { withAuthErrors } from './app-error';

/** hashPassword, its refusals (full queue, bad length) answered as AppErrors. */
export const hashPasswordOrRefuse = (password: string) =>
  withAuthErrors(() => hashPassword(password));

/** verifyPassword, a full queue answered as RATE_LIMIT_EXCEEDED. */
export const verifyPasswordOrRefuse = (storedHash: string | null, password: string) =>
  withAuthErrors(() => verifyPassword(storedHash, password));

export const invalidCredentials = (field?: string) =>
  new AppError('INVALID_CREDENTIALS', 'Invalid email or password', field ? { field } : {});

export async function createPasswordUser(
  prisma: PrismaClient,
  input: { email: string; password: string; name?: string | undefined },
): Promise<PublicUser> {
  const passwordHash = await hashPasswordOrRefuse(input.password);
  try {
    // The unique index decides, not a prior lookup: two racing registrations cannot both win.
    return await prisma.user.create({
      data: { email: input.email, name: input.name ?? null, passwordHash },
      select: userSelect,
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('EMAIL_ALREADY_EXISTS', 'An account with this email already exists', {
        field: 'email',
      });
    }
    throw error;
  }
}

export async function checkCredentials(
  prisma: PrismaClient,
  input: { email: string; password: string },
): Promise<PublicUser> {
  const row = await prisma.user.findUnique({
    where: { email: input.email },
    select: { ...userSelect, passwordHash: true },
  });
  // Unknown email and external users (no hash) verify against the dummy hash: same work.
  const matches = await verifyPasswordOrRefuse(row?.passwordHash ?? null, input.password);
  if (!row?.passwordHash || !matches) throw invalidCredentials();
  const { passwordHash, ...user } = row;
  if (needsRehash(passwordHash)) {
    // Parameters were raised since this hash was made; the plain password is only here now.
    // With the queue full the upgrade waits for a later login: this one already succeeded.
    const upgraded = await hashPassword(input.password).catch((error: unknown) => {
      if (error instanceof AuthError && error.appCode === 'RATE_LIMIT_EXCEEDED') return null;
      throw error;
    });
    if (upgraded) {
      return prisma.user.update({
        where: { id: user.id },
        data: { passwordHash: upgraded },
        select: userSelect,
      });
    }
  }
  return user;
}
