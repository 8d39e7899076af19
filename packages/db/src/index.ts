export { createDatabase, type Database, type DatabaseOptions } from './client';
export type { Engine, SqlConnection } from './connection';
export { defaultMigrationsDir } from './migrate/files';
export { MigrationError, migrate, migrationStatus, type MigrationStatus } from './migrate/runner';
export { Prisma, PrismaClient } from './generated/prisma/client';
export type * from './generated/prisma/client';
export { Priority, AssetCondition } from './generated/prisma/enums';
