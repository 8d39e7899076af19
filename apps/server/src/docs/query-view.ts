// How the document generator should see the router. A query parameter is text, but some inputs
// accept "a Date (tRPC, superjson) or an ISO date-time string (REST)" as a union, which
// trpc-to-openapi refuses as a parameter. In this view such a key shows only its text branch:
// what a REST client really sends. The procedures themselves are untouched.
import type { AnyTRPCProcedure, AnyTRPCRouter } from '@trpc/server';
import type { OpenApiMeta, OpenApiRouter } from 'trpc-to-openapi';
import { z } from 'zod';

export function documentationView(router: AnyTRPCRouter): OpenApiRouter {
  const procedures = router._def.procedures as Record<string, AnyTRPCProcedure>;
  const view: Record<string, unknown> = {};
  for (const [path, procedure] of Object.entries(procedures)) {
    const method = (procedure._def.meta as OpenApiMeta | undefined)?.openapi?.method;
    const [input, ...more] = procedure._def.inputs as unknown[];
    const readsQuery = method === 'GET' || method === 'DELETE';
    view[path] =
      readsQuery && more.length === 0 && input instanceof z.ZodObject
        ? { _def: { ...procedure._def, inputs: [asQueryText(input)] } }
        : procedure;
  }
  // The generator reads only `_def` (procedures, their inputs, output, meta and type).
  return { ...router, _def: { ...router._def, procedures: view } } as unknown as OpenApiRouter;
}

function asQueryText(object: z.ZodObject): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  const fields: Record<string, z.ZodType> = object.shape;
  for (const [key, field] of Object.entries(fields)) {
    const text = textBranch(field);
    if (!text) {
      shape[key] = field;
      continue;
    }
    const described = field.description ? text.describe(field.description) : text;
    shape[key] = field.safeParse(undefined).success ? described.optional() : described;
  }
  return z.object(shape);
}

/** The string branch of a (possibly optional) union, or undefined when there is nothing to do. */
function textBranch(field: z.ZodType): z.ZodType | undefined {
  let inner: unknown = field;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault) inner = inner.unwrap();
  if (!(inner instanceof z.ZodUnion)) return undefined;
  return (inner.options as z.ZodType[]).find((option) => {
    const input = option instanceof z.ZodPipe ? option.in : option;
    return input instanceof z.ZodString || input instanceof z.ZodStringFormat;
  });
}
