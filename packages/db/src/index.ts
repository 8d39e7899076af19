export {
  createDatabase,
  type ConnectionLog,
  type Database,
  type DatabaseOptions,
  type PoolStats,
} from './client';
export type { Engine, SqlConnection } from './connection';
export { createPgPool } from './pg-pool';
export { defaultMigrationsDir, defaultPgliteDir } from './paths';
export {
  MigrationError,
  migrate,
  migrationStatus,
  type MigrateOptions,
  type MigrationStatus,
} from './migrate/runner';
export { introspectSchema, type SchemaSnapshot } from './migrate/introspect';
export { compareSchemas } from './migrate/compare-schemas';
export { isUniqueViolation } from './unique-violation';
export { Prisma, PrismaClient } from './generated/prisma/client';
export type * from './generated/prisma/client';
export { Priority, AssetCondition } from './generated/prisma/enums';
