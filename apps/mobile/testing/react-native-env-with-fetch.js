// React Native's Jest environment, keeping Node's own fetch: jest-expo installs expo/fetch as
// the global fetch, whose native half is a stub in Jest, and the component tests talk to a
// real server. The setup file puts these back after the preset's setup has run.
const ReactNativeEnv = require('@react-native/jest-preset/jest/react-native-env.js');

module.exports = class ReactNativeEnvWithFetch extends ReactNativeEnv {
  constructor(config, context) {
    super(config, context);
    this.global.__nodeFetch = { fetch, Headers, Request, Response, AbortController };
  }
};
