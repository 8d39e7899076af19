// @repo/client: the framework-free client core shared by the web and mobile apps (README.md).
export * from './api-client';
export * from './auth';
export * from './format';
export * from './quick-add';
export * from './sync';
