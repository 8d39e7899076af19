// Every domain router, composed: the type clients import as AppRouter.
import { assetRouter } from './router/asset';
import { authRouter } from './router/auth';
import { syncRouter } from './router/sync';
import { tagRouter } from './router/tag';
import { taskRouter } from './router/task';
import { router } from './trpc';

export const appRouter = router({
  auth: authRouter,
  task: taskRouter,
  tag: tagRouter,
  asset: assetRouter,
  sync: syncRouter,
});

export type AppRouter = typeof appRouter;
