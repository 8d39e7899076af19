// A plain-data picture of one database schema, read from pg_catalog, so two databases can be
// compared field by field (compare-schemas.ts). Column order is left out on purpose: a column
// added by a later migration lands last, while a schema-built table lists it where it is declared.
import type { SqlConnection } from '../connection';
import { CATALOG_QUERIES as Q } from './catalog-queries';

export interface ColumnSnapshot {
  /** format_type(): includes length and precision, e.g. "character varying(200)". */
  type: string;
  nullable: boolean;
  default: string | null;
  /** '' or the identity/generated kind ('a', 'd', 's'). */
  identity: string;
  generated: string;
}

export interface IndexSnapshot {
  /** Key columns or expressions in order, with DESC / NULLS / non-default operator class. */
  columns: string[];
  include: string[];
  unique: boolean;
  nullsNotDistinct: boolean;
  method: string;
  predicate: string | null;
}

export interface ForeignKeySnapshot {
  columns: string[];
  references: string;
  referencedColumns: string[];
  onDelete: string;
  onUpdate: string;
  match: string;
  deferrable: string;
}

export interface TableSnapshot {
  columns: Record<string, ColumnSnapshot>;
  /** Primary key and unique constraints: name -> columns. */
  primaryKey: Record<string, string[]>;
  uniqueConstraints: Record<string, string[]>;
  /** Check and exclusion constraints: name -> definition. */
  checks: Record<string, string>;
  /** Indexes not owned by a constraint (Prisma's @unique and @@index). */
  indexes: Record<string, IndexSnapshot>;
  foreignKeys: Record<string, ForeignKeySnapshot>;
}

export interface SchemaSnapshot {
  enums: Record<string, string[]>;
  sequences: Record<string, string>;
  tables: Record<string, TableSnapshot>;
}

/** Tables that are bookkeeping, not part of the data model. */
const IGNORED_TABLES = ['_prisma_migrations'];

const FK_ACTIONS: Record<string, string> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

type Row = Record<string, unknown> & { table: string; name: string };

export async function introspectSchema(
  conn: SqlConnection,
  schema = 'public',
): Promise<SchemaSnapshot> {
  // One query at a time: a pg client runs them in turn anyway (and warns when handed several).
  const results: Row[][] = [];
  for (const sql of [Q.enums, Q.sequences, Q.tables, Q.columns, Q.constraints, Q.indexes]) {
    const rows = await conn.query<Row>(sql, [schema]);
    results.push(rows.filter((row) => !IGNORED_TABLES.includes(row.table)));
  }
  const [enums, sequences, tables, columns, constraints, indexes] = results;
  const snapshot: SchemaSnapshot = { enums: {}, sequences: {}, tables: {} };
  for (const row of enums!) snapshot.enums[row.name] = row.labels as string[];
  for (const row of sequences!) snapshot.sequences[row.name] = row.definition as string;
  for (const row of tables!) {
    snapshot.tables[row.name] = {
      columns: {},
      primaryKey: {},
      uniqueConstraints: {},
      checks: {},
      indexes: {},
      foreignKeys: {},
    };
  }
  const tableOf = (row: Row): TableSnapshot => snapshot.tables[row.table]!;
  for (const row of columns!) {
    tableOf(row).columns[row.name] = {
      type: row.type as string,
      nullable: row.nullable as boolean,
      default: row.default as string | null,
      identity: row.identity as string,
      generated: row.generated as string,
    };
  }
  for (const row of constraints!) {
    const table = tableOf(row);
    const cols = (row.columns as string[] | null) ?? [];
    if (row.kind === 'p') table.primaryKey[row.name] = cols;
    else if (row.kind === 'u') table.uniqueConstraints[row.name] = cols;
    else if (row.kind === 'c' || row.kind === 'x')
      table.checks[row.name] = row.definition as string;
    else {
      table.foreignKeys[row.name] = {
        columns: cols,
        references: row.references as string,
        referencedColumns: row.referenced_columns as string[],
        onDelete: FK_ACTIONS[row.on_delete as string] ?? String(row.on_delete),
        onUpdate: FK_ACTIONS[row.on_update as string] ?? String(row.on_update),
        match: row.match as string,
        deferrable: row.deferrable as string,
      };
    }
  }
  for (const row of indexes!) {
    tableOf(row).indexes[row.name] = {
      columns: row.columns as string[],
      include: (row.include as string[] | null) ?? [],
      unique: row.unique as boolean,
      nullsNotDistinct: row.nulls_not_distinct as boolean,
      method: row.method as string,
      predicate: row.predicate as string | null,
    };
  }
  return snapshot;
}
