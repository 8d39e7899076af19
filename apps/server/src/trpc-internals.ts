// The one module that reads tRPC's and Zod's internals: a router's `_def` (its procedures, their
// type, inputs and meta, its error config) and the layers a Zod schema wraps around its value.
// The REST mirror, the OpenAPI document and the panel all look at the router through this file,
// so a tRPC or Zod upgrade that moves these breaks here, in one place, and nowhere else.
import type { AnyTRPCProcedure, AnyTRPCRouter } from '@trpc/server';
import { z } from 'zod';
import type { ProcedureMeta } from '@repo/api';

export interface ProcedureInfo {
  /** The dotted path, e.g. `task.byId`. */
  path: string;
  type: 'query' | 'mutation' | 'subscription';
  meta: ProcedureMeta | undefined;
  /** The input schemas in `.input()` order; empty when the procedure takes none. */
  inputs: unknown[];
  procedure: AnyTRPCProcedure;
}

const proceduresRecord = (router: AnyTRPCRouter) =>
  router._def.procedures as Record<string, AnyTRPCProcedure>;

/** Every procedure of the router, flattened to its dotted path. */
export function proceduresOf(router: AnyTRPCRouter): ProcedureInfo[] {
  return Object.entries(proceduresRecord(router)).map(([path, procedure]) => ({
    path,
    type: procedure._def.type,
    meta: procedure._def.meta as ProcedureMeta | undefined,
    inputs: procedure._def.inputs as unknown[],
    procedure,
  }));
}

/**
 * A stand-in for a procedure as the document generator (trpc-to-openapi) and the panel
 * (trpc-ui) see it: both read only `_def`. Never callable.
 */
export function procedureView(
  procedure: AnyTRPCProcedure,
  replace: { inputs?: unknown[]; meta?: unknown },
): { _def: Record<string, unknown> } {
  return { _def: { ...procedure._def, ...replace } };
}

/** The router with some procedures replaced by views, for a generator that reads `_def` only. */
export function routerView(router: AnyTRPCRouter, procedures: Record<string, unknown>): unknown {
  return { ...router, _def: { ...router._def, procedures } };
}

/** The router's config (its error formatter, transformer), as getTRPCErrorShape wants it. */
export function routerConfigOf(router: AnyTRPCRouter): AnyTRPCRouter['_def']['_config'] {
  return router._def._config;
}

export type SchemaLayer = { wrapper: 'optional' | 'nullable' | 'pipe'; inner: unknown };

/**
 * The outermost layer of a schema that wraps another without changing what its text looks
 * like: optional (also a default or prefault), nullable, or a pipe (read from its input side);
 * undefined for anything else.
 */
export function schemaLayer(schema: unknown): SchemaLayer | undefined {
  if (
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodDefault ||
    schema instanceof z.ZodPrefault
  ) {
    return { wrapper: 'optional', inner: schema.unwrap() };
  }
  if (schema instanceof z.ZodNullable) return { wrapper: 'nullable', inner: schema.unwrap() };
  if (schema instanceof z.ZodPipe) return { wrapper: 'pipe', inner: schema.in };
  return undefined;
}

/** The schema under the layers named in `strip` (all of them by default), outermost first. */
export function unwrapSchema(
  schema: unknown,
  strip: readonly SchemaLayer['wrapper'][] = ['optional', 'nullable', 'pipe'],
): unknown {
  let current = schema;
  for (let layer = schemaLayer(current); layer && strip.includes(layer.wrapper);) {
    current = layer.inner;
    layer = schemaLayer(current);
  }
  return current;
}

/** A string schema, formatted (email, datetime) or not. */
export function isTextSchema(schema: unknown): boolean {
  return schema instanceof z.ZodString || schema instanceof z.ZodStringFormat;
}
