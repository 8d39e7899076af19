// The test's own line to the server (another device, in effect): sign people up, read and
// write their tasks, to arrange a test and check what the app stored.
import type { AppRouter } from '@repo/api';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
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
