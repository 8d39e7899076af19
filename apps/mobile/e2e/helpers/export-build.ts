// The server address the e2e export is built with (scripts/test.mjs passes it as
// EXPO_PUBLIC_API_URL). A name, not 127.0.0.1:<port>: the server's port is only known once it
// runs (port 0), and a new URL each run would rebuild the whole export (Metro's cache is keyed
// on EXPO_PUBLIC_*, metro.config.js). Chromium resolves the name to the running server
// (--host-resolver-rules): every request still goes over a socket to the real server.
// `.test` is reserved (RFC 2606): it never resolves anywhere else.
export const E2E_API_HOST = 'api.mobile-e2e.test';
export const E2E_API_URL = `http://${E2E_API_HOST}`;
