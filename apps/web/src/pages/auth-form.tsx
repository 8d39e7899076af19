// The sign-in and sign-up card: email, password (and name), field errors from the server under
// their fields, a 429's retry time, and "Your session has ended" when that is why we are here.
import { useSessionState } from '@repo/client/react';
import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { session } from '../lib/api';
import { fieldErrors } from '../lib/errors';
import { textField } from '../lib/form-data';
import { Field, FormError } from '../components/form-fields';

interface Props {
  mode: 'sign-in' | 'sign-up';
  submit: (values: { email: string; password: string; name?: string }) => Promise<{
    accessToken: string;
    accessTokenExpiresAt: Date;
  }>;
}

export function AuthForm({ mode, submit }: Props) {
  const navigate = useNavigate();
  const location = useLocation();
  const arrived = location.state as { reason?: string; from?: string } | null;
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fields = fieldErrors(error);
  const title = mode === 'sign-in' ? 'Sign in' : 'Create account';
  const state = useSessionState(session);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = textField(form, 'name').trim();
    setBusy(true);
    setError(null);
    try {
      const result = await submit({
        email: textField(form, 'email'),
        password: textField(form, 'password'),
        ...(name ? { name } : {}),
      });
      await session.signedIn(result);
      void navigate(arrived?.from ?? '/tasks', { replace: true });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  if (state.status === 'signed-in') return <Navigate to={arrived?.from ?? '/tasks'} replace />;

  return (
    <main className="center-screen auth-screen">
      <form className="card auth-card" onSubmit={(e) => void onSubmit(e)} noValidate>
        <div className="brand auth-brand" aria-hidden="true">
          <span className="brand-mark">✓</span> Typed Tasks
        </div>
        <h1>{title}</h1>
        {arrived?.reason === 'ended' && mode === 'sign-in' && (
          <p className="notice" role="status">
            Your session has ended. Please sign in again.
          </p>
        )}
        <FormError error={error} fields={fields} />
        {mode === 'sign-up' && (
          <Field label="Name">
            <input name="name" autoComplete="name" maxLength={100} />
          </Field>
        )}
        {/* Field messages are read through aria-describedby, kept out of the fields' names. */}
        <Field label="Email" error={fields.email} errorId="email-error">
          <input
            name="email"
            type="email"
            autoComplete="email"
            required
            aria-invalid={Boolean(fields.email)}
            aria-describedby={fields.email ? 'email-error' : undefined}
          />
        </Field>
        <Field label="Password" error={fields.password} errorId="password-error">
          <input
            name="password"
            type="password"
            autoComplete={mode === 'sign-in' ? 'current-password' : 'new-password'}
            required
            aria-invalid={Boolean(fields.password)}
            aria-describedby={fields.password ? 'password-error' : undefined}
          />
        </Field>
        <button className="button primary wide" type="submit" disabled={busy}>
          {title}
        </button>
        <p className="muted center">
          {mode === 'sign-in' ? (
            <>
              New here? <Link to="/sign-up">Create account</Link>
            </>
          ) : (
            <>
              Have an account? <Link to="/sign-in">Sign in</Link>
            </>
          )}
        </p>
      </form>
    </main>
  );
}
