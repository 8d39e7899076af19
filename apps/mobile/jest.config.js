// Two projects, one report: component tests on jest-expo's React Native preset, and the
// end-to-end run (a real server and Chromium against the web export) in plain Node.
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

module.exports = {
  // The app's query cache keeps day-long garbage-collection timers (so the persisted cache has
  // something to restore); they would hold the process open after the last test.
  forceExit: true,
  projects: [
    {
      displayName: 'components',
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
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/e2e/**/*.test.ts'],
      transform: { '\\.ts$': ['babel-jest', { presets: ['babel-preset-expo'] }] },
    },
  ],
};
