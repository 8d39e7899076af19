export * from './app-error';
export * from './auth-link';
export * from './refresh-lock';
export * from './session-manager';
export * from './session-store';
