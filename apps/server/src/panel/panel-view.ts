// How the panel should see the router. trpc-ui-zod4 draws a form from each input schema but
// skips the zod 4 kinds it does not know (pipes such as the email rule, dates, transforms), which
// would leave auth.register without its email field. This view shows each field as what a person
// types (a pipe's input side, a date-or-string union's string) and carries the REST summary as
// the procedure's description. It is only drawn: calls go to /trpc and the real procedures.
import type { AnyTRPCRouter } from '@trpc/server';
import { z } from 'zod';
import {
  type ProcedureInfo,
  isTextSchema,
  proceduresOf,
  procedureView,
  schemaLayer,
} from '../trpc-internals';

export function panelView(router: AnyTRPCRouter): AnyTRPCRouter {
  const root: Record<string, Record<string, unknown>> = {};
  for (const procedure of proceduresOf(router)) {
    const [name, ...parents] = procedure.path.split('.').reverse();
    let node: Record<string, unknown> = root;
    for (const parent of parents.reverse()) node = (node[parent] ??= {}) as Record<string, unknown>;
    node[name!] = drawable(procedure);
  }
  // trpc-ui walks plain nested objects and reads each procedure's `_def`; nothing else.
  return root as unknown as AnyTRPCRouter;
}

function drawable({ meta, inputs, procedure }: ProcedureInfo) {
  const openapi = meta?.openapi;
  const description = [openapi?.summary, openapi?.description].filter(Boolean).join('. ');
  const typed = inputs.map((input) => (input instanceof z.ZodType ? asTyped(input) : input));
  // trpc-ui recognises a procedure as a function with a `_def`; the view is never called.
  const view = () => {
    throw new Error('The panel view of a procedure is drawn, never called');
  };
  return Object.assign(view, procedureView(procedure, { inputs: typed, meta: { description } }));
}

/** The schema as a form field sees it: what is typed, not what the server makes of it. */
function asTyped(schema: z.ZodType): z.ZodType {
  const layer = schemaLayer(schema);
  if (layer) {
    const inner = asTyped(layer.inner as z.ZodType);
    if (layer.wrapper === 'optional') return inner.optional();
    return layer.wrapper === 'nullable' ? inner.nullable() : inner;
  }
  if (schema instanceof z.ZodArray) return z.array(asTyped(schema.element as z.ZodType));
  if (schema instanceof z.ZodDate) return z.string().describe('ISO 8601 date-time');
  if (schema instanceof z.ZodObject) {
    const shape = schema.shape as Record<string, z.ZodType>;
    return z.object(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, asTyped(v)])));
  }
  if (schema instanceof z.ZodUnion) {
    const options = (schema.options as z.ZodType[]).map(asTyped);
    // A Date-or-ISO-string union is, to a person, one date-time text field.
    const text = options.find(isTextSchema);
    return text ?? z.union(options);
  }
  return schema;
}
