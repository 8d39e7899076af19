// The app's frame: without a server URL a clear message; otherwise the providers and two
// worlds of routes, the signed-out one (sign in, sign up) and the signed-in tabs.
import { Stack } from 'expo-router';
import { StatusBar } from 'expo-status-bar';
import { ActivityIndicator, StyleSheet, View } from 'react-native';
import { SafeAreaProvider } from 'react-native-safe-area-context';
import { useApi } from '../api/api-context';
import { AppProviders } from '../api/app-providers';
import { CrashScreen } from '../components/crash-screen';
import { MissingApiUrl } from '../components/missing-api-url';
import { apiUrlFromEnvironment } from '../config/api-url';
import { useSessionState } from '@repo/client/react';
import { colors } from '../theme/theme';

const apiUrl = apiUrlFromEnvironment();

// expo-router renders this in place of a layout whose screens threw.
export { CrashScreen as ErrorBoundary };

export default function RootLayout() {
  return (
    <SafeAreaProvider>
      <StatusBar style="dark" />
      {apiUrl ? (
        <AppProviders apiUrl={apiUrl}>
          <Routes />
        </AppProviders>
      ) : (
        <MissingApiUrl />
      )}
    </SafeAreaProvider>
  );
}

function Routes() {
  const state = useSessionState(useApi().session);
  const signedIn = state.status === 'signed-in';
  const restoring = state.status === 'restoring';
  // The navigator is mounted from the first render (expo-router needs it to resolve a deep link
  // such as /tasks/12 after a reload). While the session is restored both worlds stay open, so
  // the deep link lands where it points; the loading overlay covers it, and once restored the
  // guard that no longer holds sends the person to the other world.
  return (
    <>
      <Stack
        screenOptions={{ headerShown: false, contentStyle: { backgroundColor: colors.background } }}
      >
        <Stack.Protected guard={signedIn || restoring}>
          <Stack.Screen name="(app)" />
        </Stack.Protected>
        <Stack.Screen name="index" />
        <Stack.Protected guard={!signedIn}>
          <Stack.Screen name="sign-in" />
          <Stack.Screen name="sign-up" />
        </Stack.Protected>
      </Stack>
      {restoring ? (
        <View
          style={[
            StyleSheet.absoluteFill,
            { alignItems: 'center', justifyContent: 'center', backgroundColor: colors.background },
          ]}
        >
          <ActivityIndicator size="large" color={colors.primary} accessibilityLabel="Loading" />
        </View>
      ) : null}
    </>
  );
}
