// How the panel should see the router. trpc-ui-zod4 draws a form from each input schema but
// skips the zod 4 kinds it does not know (pipes such as the email rule, dates, transforms), which
// would leave auth.register without its email field. This view shows each field as what a person
// types (a pipe's input side, a date-or-string union's string) and carries the REST summary as
// the procedure's description. It is only drawn: calls go to /trpc and the real procedures.
import type { AnyTRPCProcedure, AnyTRPCRouter } from '@trpc/server';
import type { OpenApiMeta } from 'trpc-to-openapi';
import { z } from 'zod';

export function panelView(router: AnyTRPCRouter): AnyTRPCRouter {
  const root: Record<string, Record<string, unknown>> = {};
  for (const [path, procedure] of Object.entries(
    router._def.procedures as Record<string, AnyTRPCProcedure>,
  )) {
    const [name, ...parents] = path.split('.').reverse();
    let node: Record<string, unknown> = root;
    for (const parent of parents.reverse()) node = (node[parent] ??= {}) as Record<string, unknown>;
    node[name!] = drawable(procedure);
  }
  // trpc-ui walks plain nested objects and reads each procedure's `_def`; nothing else.
  return root as unknown as AnyTRPCRouter;
}

function drawable(procedure: AnyTRPCProcedure) {
  const openapi = (procedure._def.meta as OpenApiMeta | undefined)?.openapi;
  const description = [openapi?.summary, openapi?.description].filter(Boolean).join('. ');
  const inputs = (procedure._def.inputs as unknown[]).map((input) =>
    input instanceof z.ZodType ? asTyped(input) : input,
  );
  // trpc-ui recognises a procedure as a function with a `_def`; the view is never called.
  const view = () => {
    throw new Error('The panel view of a procedure is drawn, never called');
  };
  return Object.assign(view, { _def: { ...procedure._def, inputs, meta: { description } } });
}

/** The schema as a form field sees it: what is typed, not what the server makes of it. */
function asTyped(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodPipe) return asTyped(schema.in as z.ZodType);
  if (
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodDefault ||
    schema instanceof z.ZodPrefault
  ) {
    return asTyped(schema.unwrap() as z.ZodType).optional();
  }
  if (schema instanceof z.ZodNullable) return asTyped(schema.unwrap() as z.ZodType).nullable();
  if (schema instanceof z.ZodArray) return z.array(asTyped(schema.element as z.ZodType));
  if (schema instanceof z.ZodDate) return z.string().describe('ISO 8601 date-time');
  if (schema instanceof z.ZodObject) {
    const shape = schema.shape as Record<string, z.ZodType>;
    return z.object(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, asTyped(v)])));
  }
  if (schema instanceof z.ZodUnion) {
    const options = (schema.options as z.ZodType[]).map(asTyped);
    // A Date-or-ISO-string union is, to a person, one date-time text field.
    const text = options.find((o) => o instanceof z.ZodString || o instanceof z.ZodStringFormat);
    return text ?? z.union(options);
  }
  return schema;
}
