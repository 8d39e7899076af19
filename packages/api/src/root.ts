// Every domain router, composed: the type clients import as AppRouter.
import { router } from './trpc';

export const appRouter = router({});

export type AppRouter = typeof appRouter;
