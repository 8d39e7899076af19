// Two projects, one report: component tests on jest-expo's React Native preset, and the
// end-to-end run (a real server and Chromium against the web export) in plain Node.
module.exports = {
  projects: [
    {
      displayName: 'components',
      preset: 'jest-expo',
      testMatch: ['<rootDir>/src/**/*.test.ts?(x)'],
      setupFilesAfterEnv: ['<rootDir>/src/testing/setup.ts'],
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/e2e/**/*.test.ts'],
      transform: { '\\.ts$': ['babel-jest', { presets: ['babel-preset-expo'] }] },
    },
  ],
};
