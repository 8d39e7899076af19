import { apiClient } from '../lib/api';
import { AuthForm } from './auth-form';

export function SignUpPage() {
  return (
    <AuthForm
      mode="sign-up"
      submit={(values) => apiClient.auth.register.mutate({ ...values, session: 'cookie' })}
    />
  );
}
