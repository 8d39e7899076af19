// Finding the operation for a request: fixed paths by one Map lookup, paths with parameters by
// comparing segments. Built once from the operation table, so a request pays no regex setup.
import type { RestOperation } from './operations';

export interface Match {
  operation: RestOperation;
  /** Path parameters, URL-decoded. */
  params: Record<string, string>;
}

export type Matcher = (method: string, pathname: string) => Match | undefined;

/** The methods some operation serves at a path, sorted (for `Allow`); empty for unknown paths. */
export type MethodLister = (pathname: string) => string[];

export function createMethodLister(operations: readonly RestOperation[]): MethodLister {
  return (pathname) => {
    const parts = pathname.split('/').filter(Boolean);
    const methods = new Set<string>();
    for (const operation of operations) {
      const served =
        operation.params.length === 0
          ? operation.path === pathname
          : matchSegments(operation, parts) !== null;
      if (served) methods.add(operation.method);
    }
    return [...methods].sort();
  };
}

export function createMatcher(operations: readonly RestOperation[]): Matcher {
  const fixed = new Map<string, RestOperation>();
  const templated: RestOperation[] = [];
  for (const operation of operations) {
    if (operation.params.length === 0)
      fixed.set(`${operation.method} ${operation.path}`, operation);
    else templated.push(operation);
  }

  return (method, pathname) => {
    const exact = fixed.get(`${method} ${pathname}`);
    if (exact) return { operation: exact, params: {} };
    if (templated.length === 0) return undefined;
    const parts = pathname.split('/').filter(Boolean);
    for (const operation of templated) {
      if (operation.method !== method) continue;
      const params = matchSegments(operation, parts);
      if (params) return { operation, params };
    }
    return undefined;
  };
}

function matchSegments(operation: RestOperation, parts: string[]): Record<string, string> | null {
  const { segments } = operation;
  if (segments.length !== parts.length) return null;
  const params: Record<string, string> = {};
  let param = 0;
  for (let i = 0; i < segments.length; i++) {
    const part = parts[i]!;
    const segment = segments[i];
    if (segment === null) {
      const value = safeDecode(part);
      if (value === null) return null;
      params[operation.params[param++]!] = value;
    } else if (segment !== part) {
      return null;
    }
  }
  return params;
}

function safeDecode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}
