// What a crash looks like: a message and a way back, never a blank page.
import { useRouteError } from 'react-router';

export function ErrorScreen() {
  const error = useRouteError();
  const chunkGone =
    error instanceof TypeError &&
    /dynamically imported module|Importing a module/.test(error.message);
  return (
    <main className="center-screen">
      <div className="card narrow">
        <h1>Something went wrong</h1>
        <p className="muted">
          {chunkGone
            ? 'A new version of the app is available.'
            : 'The page hit an unexpected error. Your data is safe on the server.'}
        </p>
        <button className="button primary" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    </main>
  );
}
