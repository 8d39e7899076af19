// A real server on a shared, loaded machine: generous waits (argon2 alone takes its time).
import AsyncStorage from '@react-native-async-storage/async-storage';
import { configure } from '@testing-library/react-native';
import * as SecureStore from 'expo-secure-store';

configure({ asyncUtilTimeout: 15_000 });
jest.setTimeout(60_000);

// Each test starts on a fresh phone: no saved session, no cached data.
afterEach(async () => {
  await AsyncStorage.clear();
  await SecureStore.deleteItemAsync('refresh-token');
});
