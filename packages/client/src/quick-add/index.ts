export * from './quick-add';
export * from './task-input';
