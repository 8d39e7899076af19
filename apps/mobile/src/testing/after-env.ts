// A real server on a shared, loaded machine: generous waits (argon2 alone takes its time).
import AsyncStorage from '@react-native-async-storage/async-storage';
import { cleanup, configure } from '@testing-library/react-native';
import * as SecureStore from 'expo-secure-store';

/** @tanstack/query-async-storage-persister's default throttleTime. */
const PERSIST_THROTTLE_MS = 1000;

configure({ asyncUtilTimeout: 15_000 });
jest.setTimeout(60_000);

// Each test starts on a fresh phone: no saved session, no cached data. The app is unmounted
// here rather than by the library's own hook, which waits on setImmediate: renderRouter turns
// fake timers on, and a test that left them on hung that hook for its whole timeout.
afterEach(async () => {
  jest.useRealTimers();
  cleanup();
  // The persister writes at most once a second (its throttle): a write still due after the
  // unmount would hand this test's cache to the next test's "fresh" phone.
  await new Promise((resolve) => setTimeout(resolve, PERSIST_THROTTLE_MS + 100));
  await AsyncStorage.clear();
  await SecureStore.deleteItemAsync('refresh-token');
});
