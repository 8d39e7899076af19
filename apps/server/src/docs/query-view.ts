// How the document generator should see the router. A query parameter is text, but some inputs
// accept "a Date (tRPC, superjson) or an ISO date-time string (REST)" as a union, which
// trpc-to-openapi refuses as a parameter. In this view such a key shows only its text branch:
// what a REST client really sends. The procedures themselves are untouched.
import type { AnyTRPCRouter } from '@trpc/server';
import type { OpenApiRouter } from 'trpc-to-openapi';
import { z } from 'zod';
import {
  isTextSchema,
  proceduresOf,
  procedureView,
  routerView,
  unwrapSchema,
} from '../trpc-internals';

export function documentationView(router: AnyTRPCRouter): OpenApiRouter {
  const view: Record<string, unknown> = {};
  for (const { path, meta, inputs, procedure } of proceduresOf(router)) {
    const method = meta?.openapi?.method;
    const [input, ...more] = inputs;
    const readsQuery = method === 'GET' || method === 'DELETE';
    view[path] =
      readsQuery && more.length === 0 && input instanceof z.ZodObject
        ? procedureView(procedure, { inputs: [asQueryText(input)] })
        : procedure;
  }
  return routerView(router, view) as OpenApiRouter;
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
  const inner = unwrapSchema(field, ['optional']);
  if (!(inner instanceof z.ZodUnion)) return undefined;
  return (inner.options as z.ZodType[]).find((option) =>
    isTextSchema(unwrapSchema(option, ['pipe'])),
  );
}
