import base from '@repo/eslint-config';

// Test runs leave bundles and reports here; they are build output, not source.
export default [{ ignores: ['test-artifacts/**', 'test-results/**'] }, ...base];
