// asset.list: filters become one Prisma where clause scoped to the owner; paging is paginate()'s.
import { Prisma, type PrismaClient } from '@repo/db';
import { type AssetListInput, type AssetSort, tagKey } from '@repo/validators';
import { containsLiteral } from '../../like-pattern';
import { type Page, type SortKey, paginate } from '../../pagination';
import { centsToStorage } from './money';
import { type Asset, assetSelect, toAsset } from './select';

// Each backed by an (ownerId, <field>, id) index of the schema.
const sortKeys: Record<AssetSort, SortKey> = {
  createdAt: { name: 'createdAt', field: 'createdAt', kind: 'date', nullable: false },
  name: { name: 'name', field: 'name', kind: 'string', nullable: false },
  estimatedValue: {
    name: 'estimatedValue',
    field: 'estimatedValueCents',
    kind: 'bigint',
    nullable: true,
  },
  acquiredAt: { name: 'acquiredAt', field: 'acquiredAt', kind: 'date', nullable: true },
};

/**
 * Tags are stored in the spelling first given, so "has tag X" must match every spelling of X
 * the owner has used. This finds them: SQL narrows by lower() (plus any non-ASCII tag, where
 * the database's lower() may disagree with JavaScript's), then tagKey() decides, as it did
 * when the tags were de-duplicated. It is one pass over the owner's rows: a lower-cased tag
 * column with a GIN index would make it a lookup, but the schema has none yet.
 */
async function tagSpellings(prisma: PrismaClient, ownerId: string, tag: string): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ tag: string }[]>(Prisma.sql`
    SELECT DISTINCT t AS tag FROM "Asset" a CROSS JOIN LATERAL unnest(a."tags") AS t
    WHERE a."ownerId" = ${ownerId}::uuid
      AND (lower(t) = lower(${tag}) OR octet_length(t) <> char_length(t))`);
  return rows.map((row) => row.tag).filter((spelling) => tagKey(spelling) === tagKey(tag));
}

async function filters(prisma: PrismaClient, ownerId: string, input: AssetListInput) {
  const and: Prisma.AssetWhereInput[] = [{ ownerId }];
  if (input.category !== undefined) and.push({ category: input.category });
  if (input.condition !== undefined) and.push({ condition: input.condition });
  if (input.tag !== undefined) {
    // An empty list matches nothing: no spelling of the tag is in use.
    and.push({ tags: { hasSome: await tagSpellings(prisma, ownerId, input.tag) } });
  }
  if (input.q) {
    and.push({
      OR: [{ name: containsLiteral(input.q) }, { description: containsLiteral(input.q) }],
    });
  }
  if (input.minValue !== undefined || input.maxValue !== undefined) {
    and.push({
      estimatedValueCents: {
        gte: centsToStorage(input.minValue),
        lte: centsToStorage(input.maxValue),
      },
    });
  }
  return and;
}

export interface ListContext {
  prisma: PrismaClient;
  ownerId: string;
  cursorKey: Uint8Array;
}

export async function listAssets(ctx: ListContext, input: AssetListInput): Promise<Page<Asset>> {
  const scope = await filters(ctx.prisma, ctx.ownerId, input);
  const page = await paginate(
    {
      sort: sortKeys[input.sort],
      order: input.order,
      limit: input.limit,
      cursor: input.cursor,
      cursorKey: ctx.cursorKey,
      idKind: 'uuid',
    },
    // Rows keep their BIGINT values until paginate() has written the cursor from them.
    ({ where, orderBy, take }) =>
      ctx.prisma.asset.findMany({
        where: { AND: [...scope, where] },
        orderBy,
        take,
        select: assetSelect,
      }),
  );
  return { items: page.items.map(toAsset), nextCursor: page.nextCursor };
}
