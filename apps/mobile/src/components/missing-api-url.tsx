import { MessageScreen } from './message-screen';

/** A build made without EXPO_PUBLIC_API_URL: say so, instead of failing on the first request. */
export function MissingApiUrl() {
  return (
    <MessageScreen
      title="No server configured"
      body="This build does not know where its server is. Build it again with EXPO_PUBLIC_API_URL set to the server's address, for example EXPO_PUBLIC_API_URL=https://api.example.com."
    />
  );
}
