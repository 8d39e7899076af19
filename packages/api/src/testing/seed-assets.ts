// Bulk assets for plan and latency checks: one INSERT ... SELECT generate_series, so 10,000 rows
// take well under a second, with every sort key varied and a share of null values and prices.
import type { Database } from '@repo/db';

export async function seedAssets(db: Database, ownerId: string, count: number, now: Date) {
  await db.withConnection(async (conn) => {
    await conn.query(
      `INSERT INTO "Asset" (id, "ownerId", name, description, category, condition, "acquiredAt",
                            "purchasePriceCents", "estimatedValueCents", currency, tags, "tagKeys",
                            "createdAt", "updatedAt")
       SELECT gen_random_uuid(), $1::uuid,
              'Asset ' || md5(i::text),
              CASE WHEN i % 3 = 0 THEN 'Notes for asset ' || i END,
              (ARRAY['coins', 'stamps', 'cards', 'watches'])[1 + i % 4],
              (ARRAY['mint', 'near_mint', 'excellent', 'good', 'fair', 'poor'])[1 + i % 6]::"AssetCondition",
              CASE WHEN i % 5 <> 0 THEN $2::timestamptz - (i % 4000) * interval '1 day' END,
              CASE WHEN i % 2 = 0 THEN (i * 37) % 100000 END,
              CASE WHEN i % 4 <> 0 THEN (i * 7919) % 10000000 END,
              'USD',
              ARRAY['Tag' || (i % 40), 'Series ' || (i % 7)],
              ARRAY['tag' || (i % 40), 'series ' || (i % 7)],
              $2::timestamptz - i * interval '1 minute',
              $2::timestamptz - i * interval '1 minute'
       FROM generate_series(1, $3::int) AS i`,
      [ownerId, now.toISOString(), count],
    );
    // Fresh statistics, as autovacuum would have them on a live table.
    await conn.query('ANALYZE "Asset"');
  });
}
