// @repo/client/react: what both React apps share on top of the core. No DOM here: React Native
// renders it too.
export * from './hooks';
export * from './trpc';
export * from './live-sync';
export * from './conflict-save';
