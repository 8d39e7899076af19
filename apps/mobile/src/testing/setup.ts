// Component tests run the app against the real server (started once in globalSetup). What is
// replaced is only what lives on a phone, outside our machine: the keystore, app storage, and
// the network's reachability as NetInfo reports it (tests flip it to go offline).

process.env.EXPO_PUBLIC_API_URL = process.env.TEST_API_URL;

// Node's fetch (kept by the test environment) instead of expo/fetch's Jest stub: real HTTP.
Object.assign(globalThis, (globalThis as { __nodeFetch?: object }).__nodeFetch);

jest.mock('@react-native-async-storage/async-storage', () =>
  jest.requireActual<object>('@react-native-async-storage/async-storage/jest/async-storage-mock'),
);

jest.mock('expo-secure-store', () => {
  const values = new Map<string, string>();
  return {
    getItemAsync: (key: string) => Promise.resolve(values.get(key) ?? null),
    setItemAsync: (key: string, value: string) => Promise.resolve(void values.set(key, value)),
    deleteItemAsync: (key: string) => Promise.resolve(void values.delete(key)),
  };
});

jest.mock('@react-native-community/netinfo', () => jest.requireActual<object>('./fake-netinfo'));
