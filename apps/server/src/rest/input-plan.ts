// Query strings and path segments are text; a procedure's input schema wants numbers, booleans
// and arrays. The plan says, per input key, how to read the text, worked out once from the
// schema. It only converts what is unambiguous ("12" -> 12, "true" -> true); anything else is
// passed as text, so the procedure's own schema rejects it and names the field.
import { z } from 'zod';
import { unwrapSchema as unwrap } from '../trpc-internals';

type Scalar = 'string' | 'number' | 'boolean';

export interface FieldPlan {
  scalar: Scalar;
  /** Arrays come from repeated (`a=1&a=2`) or comma-separated (`a=1,2`) parameters. */
  array: boolean;
}

export type InputPlan = ReadonlyMap<string, FieldPlan>;

export function planInput(schema: unknown): InputPlan {
  const plan = new Map<string, FieldPlan>();
  const object = unwrap(schema);
  if (!(object instanceof z.ZodObject)) return plan;
  const fields: Record<string, unknown> = object.shape;
  for (const [key, field] of Object.entries(fields)) {
    const inner = unwrap(field);
    plan.set(
      key,
      inner instanceof z.ZodArray
        ? { scalar: scalarOf(unwrap(inner.element)), array: true }
        : { scalar: scalarOf(inner), array: false },
    );
  }
  return plan;
}

function scalarOf(schema: unknown): Scalar {
  if (schema instanceof z.ZodNumber) return 'number';
  if (schema instanceof z.ZodBoolean) return 'boolean';
  return 'string';
}

const NUMBER = /^-?\d+(\.\d+)?$/;

export function readScalar(text: string, scalar: Scalar): string | number | boolean {
  if (scalar === 'number') return NUMBER.test(text) ? Number(text) : text;
  if (scalar === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  return text;
}

/** The procedure input a query string (plus path parameters) stands for. */
export function inputFromQuery(
  plan: InputPlan,
  searchParams: URLSearchParams,
  params: Record<string, string>,
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [key, field] of plan) {
    if (!searchParams.has(key)) continue;
    input[key] = field.array
      ? searchParams
          .getAll(key)
          .flatMap((value) => value.split(','))
          .filter((value) => value !== '')
          .map((value) => readScalar(value, field.scalar))
      : readScalar(searchParams.get(key)!, field.scalar);
  }
  return withParams(plan, input, params);
}

/** Path parameters win over body or query keys of the same name: the URL names the resource. */
export function withParams(
  plan: InputPlan,
  input: Record<string, unknown>,
  params: Record<string, string>,
): Record<string, unknown> {
  for (const [key, value] of Object.entries(params)) {
    input[key] = readScalar(value, plan.get(key)?.scalar ?? 'string');
  }
  return input;
}
