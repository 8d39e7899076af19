// The account: who is signed in, the live sessions (this one marked; revoke any other, or all
// of them at once), and a password change (which ends every other session).
import { formatDateTime } from '@repo/client';
import { useTRPC } from '@repo/client/react';
import type { SessionInfo } from '@repo/validators';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage, fieldErrors } from '../lib/errors';
import { textField } from '../lib/form-data';
import { showToast } from '../lib/toast';
import { Field } from '../components/form-fields';

/** "Chrome on Linux" from a User-Agent, good enough to tell one's own devices apart. */
function deviceOf(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Chrome\//.test(userAgent)
      ? 'Chrome'
      : /Firefox\//.test(userAgent)
        ? 'Firefox'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : /Expo|okhttp|CFNetwork/.test(userAgent)
            ? 'Mobile app'
            : 'Browser';
  const os = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Mac OS X/.test(userAgent)
        ? 'macOS'
        : /Windows/.test(userAgent)
          ? 'Windows'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : '';
  return os ? `${browser} on ${os}` : browser;
}

export function AccountPage() {
  const trpc = useTRPC();
  const client = useQueryClient();
  const me = useQuery(trpc.auth.me.queryOptions());
  const sessions = useQuery(trpc.auth.sessions.queryOptions());
  const refresh = () => client.invalidateQueries({ queryKey: trpc.auth.sessions.queryKey() });
  const revoke = useMutation(trpc.auth.revokeSession.mutationOptions({ onSettled: refresh }));
  const others = sessions.data?.filter((s) => !s.current) ?? [];
  const [endingOthers, setEndingOthers] = useState(false);

  async function signOutOthers() {
    setEndingOthers(true);
    try {
      await Promise.all(others.map((s) => revoke.mutateAsync({ sessionId: s.id })));
      showToast({ message: 'Signed out of every other session.' });
    } catch (error) {
      showToast({
        message: `Could not sign out other sessions: ${errorMessage(error)}`,
        tone: 'error',
      });
    } finally {
      setEndingOthers(false);
    }
  }

  return (
    <section className="page">
      <header className="page-head">
        <h1>Account</h1>
      </header>
      <div className="card">
        <h2>Profile</h2>
        {me.data ? (
          <dl className="details">
            <dt>Name</dt>
            <dd>{me.data.name ?? '—'}</dd>
            <dt>Email</dt>
            <dd>{me.data.email}</dd>
            <dt>Member since</dt>
            <dd>{formatDateTime(me.data.createdAt)}</dd>
          </dl>
        ) : (
          <p className="muted">Loading…</p>
        )}
      </div>
      <div className="card">
        <div className="card-head">
          <h2>Sessions</h2>
          <button
            className="button"
            onClick={() => void signOutOthers()}
            disabled={endingOthers || others.length === 0}
          >
            Sign out other sessions
          </button>
        </div>
        <ul className="session-list">
          {sessions.data?.map((s: SessionInfo) => (
            <li key={s.id} className="session-row">
              <div>
                <strong>{deviceOf(s.userAgent)}</strong>
                {s.current && <span className="pill current">This device</span>}
                <div className="muted small">
                  Signed in {formatDateTime(s.createdAt)} · last used {formatDateTime(s.lastUsedAt)}
                  {s.ip ? ` · ${s.ip}` : ''}
                </div>
              </div>
              {!s.current && (
                <button
                  className="button ghost danger"
                  aria-label={`Revoke ${deviceOf(s.userAgent)} session from ${formatDateTime(s.createdAt)}`}
                  onClick={() => revoke.mutate({ sessionId: s.id })}
                >
                  Revoke
                </button>
              )}
            </li>
          ))}
        </ul>
      </div>
      <ChangePassword onChanged={refresh} />
    </section>
  );
}

function ChangePassword({ onChanged }: { onChanged: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const change = useMutation(trpc.auth.changePassword.mutationOptions({ onSuccess: onChanged }));
  const errors = fieldErrors(change.error);
  return (
    <form
      className="card form"
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const data = new FormData(form);
        change.mutate(
          { currentPassword: textField(data, 'current'), newPassword: textField(data, 'new') },
          {
            onSuccess: () => {
              form.reset();
              showToast({ message: 'Password changed. Other sessions were signed out.' });
            },
          },
        );
      }}
    >
      <h2>Change password</h2>
      {change.isError && Object.keys(errors).length === 0 && (
        <p className="form-error" role="alert">
          {change.error.data?.appCode === 'INVALID_CREDENTIALS'
            ? 'The current password is wrong.'
            : errorMessage(change.error)}
        </p>
      )}
      <div className="row">
        <Field label="Current password">
          <input name="current" type="password" autoComplete="current-password" required />
        </Field>
        <Field label="New password" error={errors.newPassword}>
          <input
            name="new"
            type="password"
            autoComplete="new-password"
            required
            aria-invalid={Boolean(errors.newPassword)}
          />
        </Field>
      </div>
      <div>
        <button className="button primary" type="submit" disabled={change.isPending}>
          Change password
        </button>
      </div>
    </form>
  );
}
