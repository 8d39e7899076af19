// Seed 003's spelling of the collections, `/api/{userId}/tasks...` (and tags, assets): the same
// operations with the caller's id in the path. Documented as copies under their own tags so
// the plain paths stay the primary reference.
import { errorResponses } from './error-responses';
import { HTTP_METHODS, type PathItemObject, type PathsObject } from './openapi-types';

const SCOPED = /^\/api\/(tasks|tags|assets)(\/|$)/;

const userIdParameter = {
  in: 'path' as const,
  name: 'userId',
  required: true,
  description: "The id of the token's user; any other id answers 404 and nothing is done.",
  schema: { type: 'string' as const, format: 'uuid' },
};

export const userPathTag = (tag: string) => `${tag} (under /api/{userId})`;

export function userPathCopies(paths: PathsObject): PathsObject {
  const copies: PathsObject = {};
  for (const [path, item] of Object.entries(paths)) {
    if (!SCOPED.test(path)) continue;
    const copy: PathItemObject = {};
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      copy[method] = {
        ...operation,
        operationId: `${operation.operationId}-userPath`,
        summary: `${operation.summary} (user path)`,
        tags: (operation.tags ?? []).map(userPathTag),
        parameters: [userIdParameter, ...(operation.parameters ?? [])],
        responses: { ...operation.responses, ...errorResponses(['NotFound']) },
      };
    }
    copies[`/api/{userId}${path.slice('/api'.length)}`] = copy;
  }
  return copies;
}
