// Migrations that PostgreSQL must run outside a transaction block, and the statement splitter
// that runs them: a multi-statement simple query is itself an implicit transaction block, so
// `CREATE INDEX CONCURRENTLY` must be sent on its own.

/** Statements that refuse a transaction block (PostgreSQL error 25001): online index changes. */
const NEEDS_NO_TRANSACTION =
  /^(?:CREATE\s+(?:UNIQUE\s+)?INDEX|DROP\s+INDEX|REINDEX\b[^;]*?)\s+CONCURRENTLY\b/i;

/** True when a migration has a statement that cannot run inside a transaction block. */
export function needsNoTransaction(sql: string): boolean {
  return splitStatements(sql).some((statement) =>
    NEEDS_NO_TRANSACTION.test(withoutComments(statement).trim()),
  );
}

/**
 * The script's statements, in order, without empty ones. A `;` inside a string, a quoted
 * identifier, a dollar-quoted body or a comment does not end a statement.
 */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  const push = (end: number) => {
    const statement = sql.slice(start, end).trim();
    if (withoutComments(statement).trim()) statements.push(statement);
  };
  while (i < sql.length) {
    const ch = sql[i]!;
    if (ch === "'" || ch === '"') {
      i = closingQuote(sql, i, ch);
    } else if (ch === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end + 1;
    } else if (ch === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end === -1 ? sql.length : end + 2;
    } else if (ch === '$') {
      const tag = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i))?.[0];
      if (tag) {
        const end = sql.indexOf(tag, i + tag.length);
        i = end === -1 ? sql.length : end + tag.length;
      } else {
        i++;
      }
    } else if (ch === ';') {
      push(i);
      start = ++i;
    } else {
      i++;
    }
  }
  push(sql.length);
  return statements;
}

/** The index just past the quote closing the one at `open` (a doubled quote is an escaped one). */
function closingQuote(sql: string, open: number, quote: string): number {
  let i = open + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else {
      i++;
    }
  }
  return sql.length;
}

function withoutComments(statement: string): string {
  return statement.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '');
}
