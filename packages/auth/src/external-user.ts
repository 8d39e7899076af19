// Maps an external issuer's subject to our User, creating it on first sight. Users are keyed by
// (issuer, subject) only: an email claim never links to an existing account, since the other
// issuer's email verification is not ours to trust.
import { createHash } from 'node:crypto';
import { type PrismaClient, isUniqueViolation } from '@repo/db';
import type { ExternalIdentity } from './external-issuer';
import { type PublicUser, userSelect } from './public-user';

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A unique address in a reserved domain (RFC 2606) for users whose email we cannot use. */
function placeholderEmail(identity: ExternalIdentity): string {
  const digest = createHash('sha256')
    .update(`${identity.issuer}\0${identity.subject}`)
    .digest('hex');
  return `${digest.slice(0, 32)}@external.invalid`;
}

function claimedEmail(identity: ExternalIdentity): string | null {
  const email = identity.email?.trim().toLowerCase();
  return email && email.length <= 254 && EMAIL_SHAPE.test(email) ? email : null;
}

/** Not for use inside a transaction: PostgreSQL aborts it on the unique violation we retry. */
export async function findOrCreateExternalUser(
  prisma: PrismaClient,
  identity: ExternalIdentity,
): Promise<PublicUser> {
  const key = { externalIssuer: identity.issuer, externalSubject: identity.subject };
  const find = () =>
    prisma.user.findUnique({ where: { externalIssuer_externalSubject: key }, select: userSelect });
  const existing = await find();
  if (existing) return existing;

  const emails = [claimedEmail(identity), placeholderEmail(identity)].filter(
    (e): e is string => e !== null,
  );
  for (const email of emails) {
    try {
      const name = identity.name?.trim().slice(0, 100) || null;
      return await prisma.user.create({
        data: { ...key, email, name, passwordHash: null },
        select: userSelect,
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Either a concurrent first request created this user (found now), or the email belongs
      // to someone else (fall through to the placeholder address).
      const raced = await find();
      if (raced) return raced;
    }
  }
  throw new Error(`Could not create a user for external subject ${identity.subject}`);
}
