// The REST mirror's operation table, read once from the procedures' `.meta({ openapi })`: which
// method and path call which procedure, where its input comes from, and what status success
// answers. The same table drives dispatching (rest-route.ts) and the document (docs/).
import type { AnyTRPCProcedure, AnyTRPCRouter } from '@trpc/server';
import type { OpenApiMeta, OpenApiMethod } from 'trpc-to-openapi';
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
  successStatus: 200 | 201 | 204;
  plan: InputPlan;
  /** Path segments: a string matches itself, null is a parameter (named in `params`). */
  segments: (string | null)[];
  params: string[];
}

/** Procedures that bring a resource into being answer 201 (seed 001: register is one of them). */
const CREATES = /(^|\.)(create|register)$/;

export function successStatusOf(method: OpenApiMethod, procedurePath: string): 200 | 201 | 204 {
  if (method === 'DELETE') return 204;
  if (method === 'POST' && CREATES.test(procedurePath)) return 201;
  return 200;
}

export function collectOperations(router: AnyTRPCRouter): RestOperation[] {
  const procedures = router._def.procedures as Record<string, AnyTRPCProcedure>;
  const operations: RestOperation[] = [];
  for (const [procedurePath, procedure] of Object.entries(procedures)) {
    const openapi = (procedure._def.meta as OpenApiMeta | undefined)?.openapi;
    if (!openapi || openapi.enabled === false) continue;
    const type = procedure._def.type;
    if (type === 'subscription') {
      throw new Error(`${procedurePath}: subscriptions have no REST form`);
    }
    const parts = openapi.path.split('/').filter(Boolean);
    const params = parts.flatMap((part) => (part.startsWith('{') ? [part.slice(1, -1)] : []));
    const inputs = procedure._def.inputs as unknown[];
    operations.push({
      method: openapi.method,
      path: openapi.path,
      procedurePath,
      type,
      inputFrom: openapi.method === 'GET' || openapi.method === 'DELETE' ? 'query' : 'body',
      hasInput: inputs.length > 0,
      protect: openapi.protect ?? true,
      successStatus: successStatusOf(openapi.method, procedurePath),
      plan: planInput(inputs[0]),
      segments: parts.map((part) => (part.startsWith('{') ? null : part)),
      params,
    });
  }
  return operations;
}
