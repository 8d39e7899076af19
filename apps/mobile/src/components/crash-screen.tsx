import type { ErrorBoundaryProps } from 'expo-router';
import { Button } from './button';
import { MessageScreen } from './message-screen';

/**
 * What a screen that threw while rendering shows instead of an empty page (React unmounts the
 * whole tree on an uncaught render error): what happened, and a way to try again.
 */
export function CrashScreen({ error, retry }: ErrorBoundaryProps) {
  return (
    <MessageScreen title="Something went wrong" body={error.message} alert>
      <Button title="Try again" onPress={() => void retry()} />
    </MessageScreen>
  );
}
