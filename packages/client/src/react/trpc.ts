// One tRPC context for both apps: `useTRPC()` gives typed query options for TanStack Query.
import type { AppRouter } from '@repo/api';
import { createTRPCContext } from '@trpc/tanstack-react-query';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();
