export * from './sync-applier';
export * from './sync-stream';
