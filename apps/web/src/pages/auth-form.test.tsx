// @vitest-environment jsdom
import { TRPCClientError } from '@trpc/client';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthForm } from './auth-form';

// jsdom has no EventSource; the app's client is built when its module loads (never connects here).
vi.hoisted(() => Object.assign(globalThis, { EventSource: class {} }));

afterEach(cleanup);

const refusal = (data: Record<string, unknown>) =>
  TRPCClientError.from({ error: { message: 'refused', code: -32600, data } });

function renderForm(submit: () => Promise<never>, state?: unknown) {
  render(
    <MemoryRouter initialEntries={[{ pathname: '/sign-in', state }]}>
      <AuthForm mode="sign-in" submit={submit} />
    </MemoryRouter>,
  );
}

describe('sign-in form', () => {
  it('shows the server field errors under their fields', async () => {
    renderForm(() =>
      Promise.reject(
        refusal({
          appCode: 'INVALID_EMAIL',
          fieldErrors: { email: ['Enter a valid email address'] },
        }),
      ),
    );
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Email' }), 'nope');
    await user.type(screen.getByLabelText('Password'), 'whatever');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const email = await screen.findByText('Enter a valid email address');
    expect(screen.getByRole('textbox', { name: 'Email' }).getAttribute('aria-describedby')).toBe(
      email.id,
    );
  });

  it('says when to retry after too many attempts', async () => {
    renderForm(() => Promise.reject(refusal({ appCode: 'RATE_LIMIT_EXCEEDED', retryAfter: 42 })));
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Email' }), 'a@example.com');
    await user.type(screen.getByLabelText('Password'), 'whatever');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Too many attempts. Try again in 42 seconds.',
    );
  });

  it('tells a person sent here by an ended session why', () => {
    renderForm(() => Promise.reject(new Error('unused')), { reason: 'ended' });
    expect(screen.getByRole('status').textContent).toContain('Your session has ended');
  });
});
