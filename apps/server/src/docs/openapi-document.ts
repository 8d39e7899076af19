// /openapi.json's content, generated once at start-up from the procedures (trpc-to-openapi +
// zod-openapi) and then corrected where the generator cannot know better: the real success
// statuses (201, 204) and error responses the procedures' meta declares, the one error shape this server answers with, the security schemes the
// docs' Authorize button uses, the token endpoint and the user-path copies.
import type { AnyTRPCRouter } from '@trpc/server';
import { appRouter } from '@repo/api';
import { generateOpenApiDocument } from 'trpc-to-openapi';
import { type RestOperation, collectOperations } from '../rest/operations';
import { TOKEN_PATH } from '../rest/token-endpoint';
import {
  errorNamesFor,
  errorResponseComponents,
  errorResponses,
  errorSchema,
} from './error-responses';
import { HTTP_METHODS, type OpenAPIObject, type ResponsesObject } from './openapi-types';
import { documentationView } from './query-view';
import { tokenOperation } from './token-operation';
import { userPathCopies, userPathTag } from './user-paths';

const TAGS = {
  auth: 'Accounts, sign-in and sessions',
  tasks: 'The task manager',
  tags: 'Labels for tasks',
  assets: 'KLECTR: collectible assets',
};

const DESCRIPTION = [
  'The REST face of the tRPC router: every operation here runs the same procedure as `/trpc`.',
  'Errors are `{ "detail", "code", "field"? }` with the status of their code.',
  '',
  'To call protected operations: **Authorize** -> *oauth2* with your email as username and your',
  'password (or paste an access token from `/api/v1/auth/login` under *bearerAuth*).',
].join('\n');

export function createOpenApiDocument(router: AnyTRPCRouter = appRouter): OpenAPIObject {
  const document = generateOpenApiDocument(documentationView(router), {
    title: 'Typed backend: tasks and KLECTR assets',
    version: '1.0.0',
    description: DESCRIPTION,
    baseUrl: '/',
    securitySchemes: {
      bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      oauth2: { type: 'oauth2', flows: { password: { tokenUrl: TOKEN_PATH, scopes: {} } } },
    },
  });
  const paths = (document.paths ??= {});
  for (const operation of collectOperations(router)) {
    const target = paths[operation.path]?.[lower(operation.method)];
    if (!target)
      throw new Error(`OpenAPI: ${operation.method} ${operation.path} was not generated`);
    target.responses = {
      ...successResponse(target.responses, operation),
      ...errorResponses(errorNamesFor(traitsOf(operation))),
    };
  }
  paths[TOKEN_PATH] = { post: tokenOperation };
  Object.assign(paths, userPathCopies(paths));

  const components = (document.components ??= {});
  // trpc-to-openapi registers its own error bodies (error.*); this server never sends them.
  const schemas = Object.entries(components.schemas ?? {}).filter(
    ([name]) => !name.startsWith('error.'),
  );
  components.schemas = { ...Object.fromEntries(schemas), Error: errorSchema };
  components.responses = errorResponseComponents();
  document.tags = Object.entries(TAGS)
    .flatMap(([name, description]) => [
      { name, description },
      { name: userPathTag(name), description: `${description}, with the user's id in the path` },
    ])
    .filter(({ name }) => name !== userPathTag('auth'));
  assertDescribed(document);
  return document;
}

const lower = (method: RestOperation['method']) =>
  method.toLowerCase() as (typeof HTTP_METHODS)[number];

function successResponse(generated: ResponsesObject | undefined, operation: RestOperation) {
  const status = operation.semantics.successStatus;
  if (status === 204) return { '204': { description: 'Done; no body' } };
  const ok = (generated?.['200'] ?? {}) as { content?: unknown; headers?: unknown };
  return {
    [String(status)]: {
      description: status === 201 ? 'Created; the new resource' : 'OK',
      ...(ok.headers ? { headers: ok.headers } : {}),
      ...(ok.content ? { content: ok.content } : {}),
    },
  } as ResponsesObject;
}

/** Which errors an operation can answer: from its input and path, and its procedure's meta. */
function traitsOf(operation: RestOperation) {
  const { semantics } = operation;
  return {
    hasInput: operation.hasInput,
    readsBody: operation.inputFrom === 'body',
    authenticated: operation.protect || semantics.checksCredentials,
    namesRows: semantics.namesRows,
    conflicts: semantics.conflicts,
    rateLimited: semantics.rateLimited,
  };
}

/** A reference page without a summary or a tag is hard to use: refuse to start without them. */
function assertDescribed(document: OpenAPIObject): void {
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation && (!operation.summary || !operation.tags?.length)) {
        throw new Error(`OpenAPI: ${method.toUpperCase()} ${path} needs a summary and a tag`);
      }
    }
  }
}
