import { AuthForm } from '../auth/auth-form';

export default function SignIn() {
  return <AuthForm mode="sign-in" />;
}
