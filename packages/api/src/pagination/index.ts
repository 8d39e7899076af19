export { decodeCursor, encodeCursor, type CursorPayload } from './cursor';
export {
  paginate,
  type FetchSegment,
  type Page,
  type PageRequest,
  type Segment,
  type SortKey,
} from './keyset';
export { prismaSegment } from './prisma-segment';
export { SqlParams, sqlSegment } from './sql-segment';
