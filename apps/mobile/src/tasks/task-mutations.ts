// Task writes, in one queue: every task mutation shares a scope, so TanStack runs them one after
// another, and a queue paused offline replays in the order it was made. The defaults hold each
// mutation's function by key, because a queue restored from storage after a restart has lost
// its closures. Updates carry expectedUpdatedAt, so a replayed edit of a task changed elsewhere
// answers CONFLICT instead of overwriting it.
import type { AppRouter } from '@repo/api';
import { type QueryClient, useMutation } from '@tanstack/react-query';
import type { TRPCClient, TRPCClientErrorLike } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

type Inputs = inferRouterInputs<AppRouter>['task'];

export const TASK_MUTATION_SCOPE = { id: 'tasks' };

export const taskMutationKeys = {
  create: [['task', 'create']],
  update: [['task', 'update']],
  toggleComplete: [['task', 'toggleComplete']],
  delete: [['task', 'delete']],
} as const;

export function registerTaskMutationDefaults(
  queryClient: QueryClient,
  client: TRPCClient<AppRouter>,
): void {
  const settle = () => queryClient.invalidateQueries({ queryKey: [['task']] });
  const defaults = { scope: TASK_MUTATION_SCOPE, onSettled: settle };
  queryClient.setMutationDefaults(taskMutationKeys.create, {
    ...defaults,
    mutationFn: (input: Inputs['create']) => client.task.create.mutate(input),
  });
  queryClient.setMutationDefaults(taskMutationKeys.update, {
    ...defaults,
    mutationFn: (input: Inputs['update']) => client.task.update.mutate(input),
  });
  queryClient.setMutationDefaults(taskMutationKeys.toggleComplete, {
    ...defaults,
    mutationFn: (input: Inputs['toggleComplete']) => client.task.toggleComplete.mutate(input),
  });
  queryClient.setMutationDefaults(taskMutationKeys.delete, {
    ...defaults,
    mutationFn: (input: Inputs['delete']) => client.task.delete.mutate(input),
  });
}

type Outputs = inferRouterOutputs<AppRouter>['task'];
export type Task = Outputs['byId'];

const taskMutation =
  <TKey extends keyof typeof taskMutationKeys>(key: TKey) =>
  () =>
    useMutation<Outputs[TKey], TRPCClientErrorLike<AppRouter>, Inputs[TKey]>({
      mutationKey: taskMutationKeys[key],
    });

export const useCreateTask = taskMutation('create');
export const useUpdateTask = taskMutation('update');
export const useToggleTask = taskMutation('toggleComplete');
export const useDeleteTask = taskMutation('delete');
