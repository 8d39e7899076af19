// The OpenAPI object types the post-processing needs, taken from trpc-to-openapi's own export
// (openapi3-ts is its dependency, not ours).
import type { OpenAPIObject } from 'trpc-to-openapi';

export type { OpenAPIObject };
export type PathsObject = NonNullable<OpenAPIObject['paths']>;
export type PathItemObject = PathsObject[string];
export type OperationObject = NonNullable<PathItemObject['get']>;
export type ResponsesObject = NonNullable<OperationObject['responses']>;
export type ParameterList = NonNullable<OperationObject['parameters']>;

export const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
export type ComponentsObject = NonNullable<OpenAPIObject['components']>;
export type SchemaObject = NonNullable<ComponentsObject['schemas']>[string];
export type ResponseComponents = NonNullable<ComponentsObject['responses']>;
