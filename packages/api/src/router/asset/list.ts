// asset.list: filters become one Prisma where clause scoped to the owner; paging is paginate()'s.
import type { Prisma, PrismaClient } from '@repo/db';
import { type AssetListInput, type AssetSort, tagKey } from '@repo/validators';
import { containsLiteral } from '../../like-pattern';
import { type Page, type SortKey, paginate, prismaSegment } from '../../pagination';
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

function filters(ownerId: string, input: AssetListInput): Prisma.AssetWhereInput[] {
  const and: Prisma.AssetWhereInput[] = [{ ownerId }];
  if (input.category !== undefined) and.push({ category: input.category });
  if (input.condition !== undefined) and.push({ condition: input.condition });
  // tagKeys holds every tag lower-cased, so any spelling of the tag is one GIN lookup.
  if (input.tag !== undefined) and.push({ tagKeys: { has: tagKey(input.tag) } });
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
  const scope = filters(ctx.ownerId, input);
  const page = await paginate(
    {
      ...input,
      sort: sortKeys[input.sort],
      cursorKey: ctx.cursorKey,
      idKind: 'uuid',
    },
    // Rows keep their BIGINT values until paginate() has written the cursor from them.
    (segment) =>
      ctx.prisma.asset.findMany({
        ...prismaSegment(segment, scope),
        select: assetSelect,
      }),
  );
  return { items: page.items.map(toAsset), nextCursor: page.nextCursor };
}
