// Differences between two schema snapshots (introspect.ts), one readable line each, e.g.
//   column "Task"."note" only in schema.prisma
//   index "Task_userId_title_id_idx" on "Task": columns (userId, title DESC, id) in migrations, (userId, title, id) in schema.prisma
import type { SchemaSnapshot } from './introspect';

export interface CompareLabels {
  left: string;
  right: string;
}

/** Every difference between `left` and `right`; empty when they are the same schema. */
export function compareSchemas(
  left: SchemaSnapshot,
  right: SchemaSnapshot,
  labels: CompareLabels = { left: 'left', right: 'right' },
): string[] {
  const out: string[] = [];
  const compare = <T>(kind: string, a: Record<string, T>, b: Record<string, T>, title = quote) =>
    compareRecords(out, labels, kind, a, b, title);
  compare('enum', left.enums, right.enums);
  compare('sequence', left.sequences, right.sequences);
  for (const name of names(left.tables, right.tables)) {
    const [a, b] = [left.tables[name], right.tables[name]];
    if (!a || !b) {
      compare('table', a ? { [name]: a } : {}, b ? { [name]: b } : {});
      continue;
    }
    const on = (key: string) => `"${key}" on "${name}"`;
    compare('column', a.columns, b.columns, (column) => `"${name}"."${column}"`);
    compare('primary key', a.primaryKey, b.primaryKey, on);
    compare('unique constraint', a.uniqueConstraints, b.uniqueConstraints, on);
    compare('check constraint', a.checks, b.checks, on);
    compare('index', a.indexes, b.indexes, on);
    compare('foreign key', a.foreignKeys, b.foreignKeys, on);
  }
  return out;
}

function compareRecords<T>(
  out: string[],
  labels: CompareLabels,
  kind: string,
  left: Record<string, T>,
  right: Record<string, T>,
  title: (name: string) => string,
): void {
  for (const name of names(left, right)) {
    const [a, b] = [left[name], right[name]];
    if (a === undefined || b === undefined) {
      out.push(`${kind} ${title(name)} only in ${a === undefined ? labels.right : labels.left}`);
      continue;
    }
    for (const [field, x, y] of fieldDifferences(a, b)) {
      const what = field ? `${field} ` : '';
      out.push(
        `${kind} ${title(name)}: ${what}${show(x)} in ${labels.left}, ${show(y)} in ${labels.right}`,
      );
    }
  }
}

function names(left: object, right: object): string[] {
  return [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
}

const quote = (name: string) => `"${name}"`;

/** [field, left, right] for each field that differs; field '' when the values are not objects. */
function fieldDifferences(a: unknown, b: unknown): [string, unknown, unknown][] {
  const isRecord = (value: unknown) =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isRecord(a) || !isRecord(b)) return same(a, b) ? [] : [['', a, b]];
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(x), ...Object.keys(y)])];
  return fields.filter((field) => !same(x[field], y[field])).map((f) => [f, x[f], y[f]]);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function show(value: unknown): string {
  if (Array.isArray(value)) return `(${value.map(String).join(', ')})`;
  if (value === null || value === undefined || value === '') return 'none';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return JSON.stringify(value);
}
