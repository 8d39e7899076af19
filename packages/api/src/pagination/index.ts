export { decodeCursor, encodeCursor, type CursorPayload } from './cursor';
export { paginate, type FetchSegment, type Page, type PageRequest, type SortKey } from './keyset';
