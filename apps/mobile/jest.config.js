// The component tests, on jest-expo's React Native preset against the real server (vitest runs
// the end-to-end tests on the web export: vitest.e2e.config.mts).
// jest-expo's list of packages to compile, plus the ESM-only ones our client uses (superjson).
const compiled = [
  '.pnpm',
  'react-native',
  '@react-native',
  '@react-native-community',
  'expo',
  '@expo',
  'react-navigation',
  '@react-navigation',
  'standard-navigation',
  'superjson',
  'copy-anything',
  'is-what',
];

// As the vitest packages (tooling/vitest): coverage in CI or with COVERAGE=1, and a floor a
// little under what the suite measures, so losing tests fails the run.
const coverageOn = process.env.COVERAGE === '1' || process.env.CI === 'true';

module.exports = {
  preset: 'jest-expo',
  testEnvironment: '<rootDir>/testing/react-native-env-with-fetch.js',
  testMatch: ['<rootDir>/src/**/*.test.ts?(x)'],
  transformIgnorePatterns: [
    `/node_modules/(?!(${compiled.join('|')}))`,
    '/node_modules/react-native-reanimated/plugin/',
    '/node_modules/@react-native/babel-preset/',
  ],
  // Workspace packages compiled by babel-preset-expo need its runtime helpers from here.
  moduleNameMapper: { '^@babel/runtime/(.*)$': '<rootDir>/node_modules/@babel/runtime/$1' },
  setupFiles: ['<rootDir>/src/testing/setup.ts'],
  setupFilesAfterEnv: ['<rootDir>/src/testing/after-env.ts'],
  globalSetup: '<rootDir>/testing/component-global-setup.js',
  globalTeardown: '<rootDir>/testing/component-global-teardown.js',
  // The app's query cache keeps day-long garbage-collection timers (so the persisted cache has
  // something to restore); they would hold the process open after the last test.
  forceExit: true,
  collectCoverage: coverageOn,
  collectCoverageFrom: ['src/**/*.{ts,tsx}', '!src/**/*.test.{ts,tsx}', '!src/testing/**'],
  coverageReporters: ['text-summary', 'json-summary'],
  coverageDirectory: 'coverage',
  coverageThreshold: { global: { lines: 55, branches: 38 } },
};
