// Every domain router, composed: the type clients import as AppRouter.
import { tagRouter } from './router/tag';
import { taskRouter } from './router/task';
import { router } from './trpc';

export const appRouter = router({
  task: taskRouter,
  tag: tagRouter,
});

export type AppRouter = typeof appRouter;
