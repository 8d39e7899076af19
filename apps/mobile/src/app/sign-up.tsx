import { AuthForm } from '../auth/auth-form';

export default function SignUp() {
  return <AuthForm mode="sign-up" />;
}
