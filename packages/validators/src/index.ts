export * from './app-codes';
export * from './field-codes';
export * from './common';
export * from './auth';
export * from './task';
export * from './tag';
export * from './asset';
export * from './outputs';
