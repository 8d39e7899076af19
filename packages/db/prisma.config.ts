// Prisma CLI configuration. The runtime never reads this file: the client is built with a
// driver adapter in src/client.ts, and migrations are applied by src/migrate/ (no Rust engine).
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: '../../prisma/schema.prisma',
  migrations: { path: '../../prisma/migrations' },
});
