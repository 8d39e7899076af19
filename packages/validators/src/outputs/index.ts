export * from './common';
export * from './task';
export * from './asset';
