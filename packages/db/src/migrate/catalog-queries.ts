// The pg_catalog queries behind introspect.ts, valid on PostgreSQL 15+ and PGlite.
// Every query takes $1 = the schema's name, and every row names its `table` (null for enums and
// sequences) so rows of ignored tables can be dropped. Arrays come back as JSON so both drivers
// (pg and PGlite) return them the same way.
const IN_SCHEMA = `n.nspname = $1 AND c.relkind IN ('r', 'p')`;
export const CATALOG_QUERIES = {
  enums: `SELECT t.typname AS name, NULL AS table, json_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
    WHERE n.nspname = $1 GROUP BY t.typname`,
  sequences: `SELECT c.relname AS name, NULL AS table, format_type(s.seqtypid, NULL) || ' start ' || s.seqstart
      || ' increment ' || s.seqincrement || ' min ' || s.seqmin || ' max ' || s.seqmax
      || CASE WHEN s.seqcycle THEN ' cycle' ELSE '' END AS definition
    FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = $1`,
  tables: `SELECT c.relname AS name, c.relname AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE ${IN_SCHEMA}`,
  columns: `SELECT c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
      NOT a.attnotnull AS nullable, pg_get_expr(d.adbin, d.adrelid) AS default,
      a.attidentity::text AS identity, a.attgenerated::text AS generated
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE ${IN_SCHEMA} AND a.attnum > 0 AND NOT a.attisdropped`,
  constraints: `SELECT c.relname AS table, con.conname AS name, con.contype::text AS kind,
      (SELECT json_agg(a.attname ORDER BY k.i) FROM unnest(con.conkey) WITH ORDINALITY k(num, i)
        JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num) AS columns,
      f.relname AS references,
      (SELECT json_agg(a.attname ORDER BY k.i) FROM unnest(con.confkey) WITH ORDINALITY k(num, i)
        JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num) AS referenced_columns,
      con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update,
      con.confmatchtype::text AS match,
      CASE WHEN NOT con.condeferrable THEN 'not deferrable' WHEN con.condeferred
        THEN 'initially deferred' ELSE 'initially immediate' END AS deferrable,
      pg_get_constraintdef(con.oid) AS definition
    FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_class f ON f.oid = con.confrelid
    WHERE ${IN_SCHEMA} AND con.contype IN ('p', 'u', 'f', 'c', 'x')`,
  indexes: `SELECT c.relname AS table, i.relname AS name, x.indisunique AS unique,
      x.indnullsnotdistinct AS nulls_not_distinct, am.amname AS method,
      pg_get_expr(x.indpred, x.indrelid) AS predicate,
      (SELECT json_agg(pg_get_indexdef(x.indexrelid, k, true)
          || CASE WHEN (x.indoption[k - 1] & 1) = 1 THEN ' DESC' ELSE '' END
          || CASE WHEN (x.indoption[k - 1] & 2 = 2) = (x.indoption[k - 1] & 1 = 1) THEN ''
                  WHEN (x.indoption[k - 1] & 2) = 2 THEN ' NULLS FIRST' ELSE ' NULLS LAST' END
          || COALESCE((SELECT ' ' || o.opcname FROM pg_opclass o
                       WHERE o.oid = x.indclass[k - 1] AND NOT o.opcdefault), '')
        ORDER BY k) FROM generate_series(1, x.indnkeyatts) AS k) AS columns,
      (SELECT json_agg(pg_get_indexdef(x.indexrelid, k, true) ORDER BY k)
        FROM generate_series(x.indnkeyatts + 1, x.indnatts) AS k) AS include
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_am am ON am.oid = i.relam
    WHERE ${IN_SCHEMA}
      AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid
                      AND k.conrelid = x.indrelid AND k.contype IN ('p', 'u', 'x'))`,
};
