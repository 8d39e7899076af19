// The test's own line to the server (another device, in effect): sign people up, read and
// write their tasks, to arrange a test and check what the app stored.
import type { AppRouter } from '@repo/api';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import * as SecureStore from 'expo-secure-store';
import superjson from 'superjson';

const url = () => `${process.env.TEST_API_URL}/trpc`;

let counter = 0;
export const uniqueEmail = () => `mobile-${Date.now().toString(36)}-${counter++}@example.com`;

export function apiAs(accessToken: string) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: url(),
        transformer: superjson,
        headers: { authorization: `Bearer ${accessToken}` },
      }),
    ],
  });
}

export async function signUpThroughApi(email: string, password: string) {
  const anonymous = createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: url(), transformer: superjson })],
  });
  const result = await anonymous.auth.register.mutate({ email, password, session: 'token' });
  return { ...result, api: apiAs(result.accessToken) };
}

/**
 * Someone who signed up earlier on this phone: the keystore holds their refresh token, so the
 * app restores the session (a real refresh) when it starts. `api` is their other device.
 */
export async function signedInOnThisPhone() {
  const email = uniqueEmail();
  const account = await signUpThroughApi(email, 'correct horse battery');
  // session: 'token' answers with the refresh token in the body.
  if (!account.refreshToken) throw new Error('auth.register sent no refresh token');
  await SecureStore.setItemAsync('refresh-token', account.refreshToken);
  return { email, api: account.api };
}
