// Providers and routes. Each page is its own chunk (lazy), so the first load carries only the
// shell and the page it opens on.
import { TRPCProvider } from '@repo/client/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { Navigate, RouterProvider, createBrowserRouter } from 'react-router';
import { ErrorScreen } from './components/error-screen';
import { Layout } from './components/layout';
import { apiClient, queryClient } from './lib/api';

const router = createBrowserRouter([
  {
    errorElement: <ErrorScreen />,
    children: [
      {
        path: '/sign-in',
        lazy: () => import('./pages/sign-in').then((m) => ({ Component: m.SignInPage })),
      },
      {
        path: '/sign-up',
        lazy: () => import('./pages/sign-up').then((m) => ({ Component: m.SignUpPage })),
      },
      {
        path: '/',
        element: <Layout />,
        errorElement: <ErrorScreen />,
        children: [
          { index: true, element: <Navigate to="/tasks" replace /> },
          {
            path: 'tasks',
            lazy: () =>
              import('./pages/tasks/tasks-page').then((m) => ({ Component: m.TasksPage })),
          },
          {
            path: 'assets',
            lazy: () =>
              import('./pages/assets/assets-page').then((m) => ({ Component: m.AssetsPage })),
          },
          {
            path: 'tags',
            lazy: () => import('./pages/tags-page').then((m) => ({ Component: m.TagsPage })),
          },
          {
            path: 'account',
            lazy: () => import('./pages/account-page').then((m) => ({ Component: m.AccountPage })),
          },
          { path: '*', element: <Navigate to="/tasks" replace /> },
        ],
      },
    ],
  },
]);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={apiClient} queryClient={queryClient}>
        <RouterProvider router={router} />
      </TRPCProvider>
    </QueryClientProvider>
  );
}
