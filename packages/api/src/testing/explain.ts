// Index checks for list queries: run a procedure on PostgreSQL, capture the exact SQL and
// parameters Prisma sent, and EXPLAIN each statement with them, so a query shape that falls
// back to a sequential scan fails a test. Shared by the task and asset tests.
import { type Database, createDatabase } from '@repo/db';
import type { TestDatabase } from '@repo/db/testing';

export interface CapturedQuery {
  sql: string;
  params: unknown[];
}

export interface PlanNode {
  type: string;
  relation: string | undefined;
  index: string | undefined;
  /** The relations this node and the nodes beneath it read. */
  reads: string[];
}

export interface ExplainedQuery extends CapturedQuery {
  /** Every node of the plan, depth first. */
  nodes: PlanNode[];
  /** One line per scan node, e.g. `Index Scan Backward Task_userId_createdAt_id_idx on Task`. */
  summary: string[];
}

export interface QueryProbe {
  /** A second client on the same database whose Prisma statements are recorded. */
  readonly db: Database;
  /** Runs `fn` and returns every statement it sent, in order (BEGIN is not among them). */
  capture(fn: () => Promise<unknown>): Promise<CapturedQuery[]>;
  /** What the running capture has recorded so far: statements are recorded once they are done. */
  capturedSoFar(): readonly CapturedQuery[];
  /** Runs `fn` and explains every statement it sent that reads `table`. */
  explain(fn: () => Promise<unknown>, table: string): Promise<ExplainedQuery[]>;
  close(): Promise<void>;
}

export function createQueryProbe(target: TestDatabase): QueryProbe {
  if (!target.url) throw new Error('EXPLAIN probes need PostgreSQL (a TestDatabase with a url)');
  let captured: CapturedQuery[] = [];
  const db = createDatabase({
    databaseUrl: target.url,
    poolSize: 2,
    onQuery: (event) =>
      captured.push({ sql: event.query, params: JSON.parse(event.params) as unknown[] }),
  });
  const capture = async (fn: () => Promise<unknown>) => {
    captured = [];
    await fn();
    return captured;
  };
  return {
    db,
    capture,
    capturedSoFar: () => captured,
    async explain(fn, table) {
      const reads = (await capture(fn)).filter(
        (query) => /^\s*SELECT\b/i.test(query.sql) && query.sql.includes(`"${table}"`),
      );
      return db.withConnection(async (conn) => {
        const explained: ExplainedQuery[] = [];
        for (const query of reads) {
          const [row] = await conn.query<{ 'QUERY PLAN': [{ Plan: RawNode }] }>(
            `EXPLAIN (FORMAT JSON) ${query.sql}`,
            query.params,
          );
          const nodes = flatten(row!['QUERY PLAN'][0].Plan);
          explained.push({ ...query, nodes, summary: summarize(nodes) });
        }
        return explained;
      });
    },
    close: () => db.close(),
  };
}

interface RawNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Scan Direction'?: string;
  Plans?: RawNode[];
}

function flatten(node: RawNode): PlanNode[] {
  const direction = node['Scan Direction'] === 'Backward' ? ' Backward' : '';
  const below = (node.Plans ?? []).map(flatten);
  const reads = new Set(below.flatMap((nodes) => nodes[0]?.reads ?? []));
  if (node['Relation Name']) reads.add(node['Relation Name']);
  return [
    {
      type: node['Node Type'] + direction,
      relation: node['Relation Name'],
      index: node['Index Name'],
      reads: [...reads],
    },
    ...below.flat(),
  ];
}

const summarize = (nodes: PlanNode[]) =>
  nodes
    .filter((node) => node.relation)
    .map((node) => [node.type, node.index, 'on', node.relation].filter(Boolean).join(' '));

/** True when any node of any statement reads `table` sequentially. */
export const seqScansOn = (explained: ExplainedQuery[], table: string): ExplainedQuery[] =>
  explained.filter((query) =>
    query.nodes.some((node) => node.type === 'Seq Scan' && node.relation === table),
  );

/**
 * Statements that sort `table`'s rows themselves. A keyset page read in index order stops after
 * `take` rows; one that sorts has read every row that matched first. Sorts of other rows (a
 * task's few tags, in a lateral join) do not count.
 */
export const sortingQueries = (explained: ExplainedQuery[], table: string): ExplainedQuery[] =>
  explained.filter((query) =>
    query.nodes.some((node) => /Sort$/.test(node.type) && node.reads.includes(table)),
  );
