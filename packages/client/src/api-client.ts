// The typed tRPC client both apps use: queries and mutations batched over HTTP through the auth
// link, the live-sync subscription over SSE with its token in connectionParams (an EventSource
// cannot send headers), superjson both ways. Only the router's type comes from the server.
import type { AppRouter } from '@repo/api';
import {
  type TRPCClient,
  createTRPCClient,
  httpBatchLink,
  httpSubscriptionLink,
  splitLink,
} from '@trpc/client';
import type { EventSourceLike } from '@trpc/server/unstable-core-do-not-import';
import superjson from 'superjson';
import { authLink, authorizationHeader } from './auth/auth-link';
import type { AuthTokens, SessionManager } from './auth/session-manager';

export type ApiClient = TRPCClient<AppRouter>;

type FetchLike = (input: string | URL, init?: object) => Promise<unknown>;

export interface ApiClientOptions {
  /** Where the router is served: '/trpc' on the web (same origin), a full URL on a phone. */
  url: string;
  session: SessionManager;
  /** The platform's EventSource (the browser's, or a React Native one). */
  EventSource: EventSourceLike.AnyConstructor;
  /** A fetch to use instead of the global one (tests, React Native tweaks). */
  fetch?: FetchLike;
}

/** Most operations one HTTP request may carry (the server has a cap of its own). */
const MAX_BATCH = 10;

export function createApiClient(options: ApiClientOptions): ApiClient {
  const { url, session } = options;
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url,
          transformer: superjson,
          EventSource: options.EventSource,
          connectionParams: async () => ({ accessToken: (await session.accessToken()) ?? '' }),
        }),
        false: [
          authLink<AppRouter>(session),
          httpBatchLink({
            url,
            transformer: superjson,
            maxItems: MAX_BATCH,
            headers: ({ opList }) => authorizationHeader(opList),
            ...(options.fetch ? { fetch: options.fetch as never } : {}),
          }),
        ],
      }),
    ],
  });
}

/**
 * The `refresh` a SessionManager needs: auth.refresh through a client of its own, since the main
 * client's auth link would wait on the very refresh it is doing.
 */
export function createRefresh(options: Pick<ApiClientOptions, 'url' | 'fetch'>) {
  const client = createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: options.url,
        transformer: superjson,
        ...(options.fetch ? { fetch: options.fetch as never } : {}),
      }),
    ],
  });
  return (refreshToken: string | undefined): Promise<AuthTokens> =>
    client.auth.refresh.mutate(refreshToken ? { refreshToken } : undefined);
}
