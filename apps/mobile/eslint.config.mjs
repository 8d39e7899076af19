import base from '@repo/eslint-config';
import globals from 'globals';

export default [
  // Export output, Expo's generated files and test reports are not source.
  { ignores: ['dist/**', '.expo/**', 'test-results/**', 'expo-env.d.ts', '*.config.js'] },
  ...base,
  { languageOptions: { globals: { ...globals.browser, ...globals.jest } } },
  {
    // Jest loads these CommonJS helpers without a transform.
    files: ['testing/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
