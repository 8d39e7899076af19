// "/" (the web export's front door, and a cold start without a deep link): to the tasks when
// signed in, to sign in otherwise. Without this route the web export answered "/" with
// expo-router's "Unmatched Route" page.
import { useSessionState } from '@repo/client/react';
import { Redirect } from 'expo-router';
import { useApi } from '../api/api-context';

export default function Index() {
  const state = useSessionState(useApi().session);
  // While the session is restored the root layout shows its loading overlay.
  if (state.status === 'restoring') return null;
  return <Redirect href={state.status === 'signed-in' ? '/tasks' : '/sign-in'} />;
}
