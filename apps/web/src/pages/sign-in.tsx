import { apiClient } from '../lib/api';
import { AuthForm } from './auth-form';

export function SignInPage() {
  return (
    <AuthForm
      mode="sign-in"
      submit={(values) => apiClient.auth.login.mutate({ ...values, session: 'cookie' })}
    />
  );
}
