// The REST mirror's operation table, read once from the procedures' `.meta({ openapi })`: which
// method and path call which procedure, where its input comes from, and what status success
// answers (packages/api router/rest-paths.ts declares it). The same table drives dispatching
// (rest-route.ts) and the document (docs/).
import type { AnyTRPCRouter } from '@trpc/server';
import type { OpenApiMethod } from 'trpc-to-openapi';
import type { RestSemantics } from '@repo/api';
import { proceduresOf } from '../trpc-internals';
import { type InputPlan, planInput } from './input-plan';

export interface RestOperation {
  method: OpenApiMethod;
  /** The path as declared, e.g. `/api/tasks/{id}`. */
  path: string;
  /** The procedure's dotted path, e.g. `task.byId`. */
  procedurePath: string;
  type: 'query' | 'mutation';
  /** GET and DELETE read their input from the query string, the others from a JSON body. */
  inputFrom: 'query' | 'body';
  /** Whether the procedure declares any input at all (auth.me, tag.list do not). */
  hasInput: boolean;
  /** Whether the caller must present an access token (OpenAPI meta `protect`, default true). */
  protect: boolean;
  /** Success status and the errors it can answer, as the procedure's meta declares them. */
  semantics: RestSemantics;
  plan: InputPlan;
  /** Path segments: a string matches itself, null is a parameter (named in `params`). */
  segments: (string | null)[];
  params: string[];
}

export function collectOperations(router: AnyTRPCRouter): RestOperation[] {
  const operations: RestOperation[] = [];
  for (const { path: procedurePath, type, meta, inputs } of proceduresOf(router)) {
    const openapi = meta?.openapi;
    if (!openapi || openapi.enabled === false) continue;
    if (type === 'subscription') {
      throw new Error(`${procedurePath}: subscriptions have no REST form`);
    }
    if (!meta.rest) throw new Error(`${procedurePath}: its REST meta has no rest semantics`);
    const parts = openapi.path.split('/').filter(Boolean);
    const params = parts.flatMap((part) => (part.startsWith('{') ? [part.slice(1, -1)] : []));
    operations.push({
      method: openapi.method,
      path: openapi.path,
      procedurePath,
      type,
      inputFrom: openapi.method === 'GET' || openapi.method === 'DELETE' ? 'query' : 'body',
      hasInput: inputs.length > 0,
      protect: openapi.protect ?? true,
      semantics: meta.rest,
      plan: planInput(inputs[0]),
      segments: parts.map((part) => (part.startsWith('{') ? null : part)),
      params,
    });
  }
  return operations;
}
