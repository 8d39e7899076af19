// The signed-in shell: navigation, the live status, the server banner and toasts. Signed out (or
// the session ended elsewhere), it sends the tab to sign-in.
import { syncStatusLabel, useSessionState } from '@repo/client/react';
import { Suspense, useEffect } from 'react';
import { NavLink, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { apiClient, session } from '../lib/api';
import { useLiveSync } from '../lib/use-live-sync';
import { ServerBanner } from './server-banner';
import { Toasts } from './toasts';

const LINKS = [
  { to: '/tasks', label: 'Tasks', icon: '✓' },
  { to: '/assets', label: 'Assets', icon: '◆' },
  { to: '/tags', label: 'Tags', icon: '#' },
  { to: '/account', label: 'Account', icon: '●' },
];

export function Layout() {
  const state = useSessionState(session);
  const location = useLocation();
  const navigate = useNavigate();

  useEffect(() => {
    if (state.status === 'signed-out') {
      void navigate('/sign-in', {
        replace: true,
        state: { reason: state.reason, from: location.pathname + location.search },
      });
    }
  }, [state, navigate, location.pathname, location.search]);

  if (state.status === 'restoring')
    return (
      <div className="center-screen muted" aria-busy="true">
        Loading…
      </div>
    );
  if (state.status === 'signed-out')
    return <Navigate to="/sign-in" replace state={{ reason: state.reason }} />;

  async function signOut() {
    await apiClient.auth.logout.mutate().catch(() => undefined);
    await session.signOut('signed-out');
  }

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand" aria-hidden="true">
          <span className="brand-mark">✓</span> Typed Tasks
        </span>
        <nav aria-label="Main" className="nav">
          {LINKS.map((link) => (
            <NavLink key={link.to} to={link.to} className="nav-link">
              <span aria-hidden="true" className="nav-icon">
                {link.icon}
              </span>
              {link.label}
            </NavLink>
          ))}
        </nav>
        <div className="topbar-end">
          <LiveStatus />
          <button className="button ghost" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <ServerBanner />
      <main id="main" className="content">
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <Outlet />
        </Suspense>
      </main>
      <Toasts />
    </div>
  );
}

/** Mounted only while signed in, so the stream lives exactly as long as the session shell. */
function LiveStatus() {
  const status = useLiveSync();
  return (
    <span role="status" className={`live-status live-${status}`}>
      <span aria-hidden="true" className="live-dot" />
      {syncStatusLabel[status]}
    </span>
  );
}
