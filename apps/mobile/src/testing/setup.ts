// Component tests run the app against the real server (started once in globalSetup). What is
// replaced is only what lives on a phone, outside our machine: the keystore, app storage, and
// the network's reachability as NetInfo reports it (tests flip it to go offline).

process.env.EXPO_PUBLIC_API_URL = process.env.TEST_API_URL;
// after-env.ts unmounts the app itself (see there).
process.env.RNTL_SKIP_AUTO_CLEANUP = 'true';

// Node's fetch (kept by the test environment) instead of expo/fetch's Jest stub: real HTTP.
const node = (globalThis as unknown as { __nodeFetch: { fetch: typeof fetch } }).__nodeFetch;
Object.assign(globalThis, node, {
  // Node's fetch lives outside the test's realm, so its res.json() builds objects whose
  // prototype is another realm's Object.prototype; superjson walks only plain objects of its
  // own realm and left every Date of a response a string. Parsing here keeps them plain.
  fetch: async (...args: Parameters<typeof fetch>) => {
    const response = await fetchOnLiveSocket(...args);
    return Object.assign(response, {
      json: async (): Promise<unknown> => JSON.parse(await response.text()),
    });
  },
});

/**
 * Node's fetch reuses idle keep-alive sockets; on this loaded machine one is sometimes reused
 * just as the server closes it ("other side closed", UND_ERR_SOCKET, before any response), so
 * the server never saw the request. Sent again once, on a new socket. A phone's HTTP stack
 * does the same for a stale connection.
 */
async function fetchOnLiveSocket(...args: Parameters<typeof fetch>): Promise<Response> {
  try {
    return await node.fetch(...args);
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    if (cause?.code !== 'UND_ERR_SOCKET') throw error;
    return node.fetch(...args);
  }
}

jest.mock('@react-native-async-storage/async-storage', () =>
  jest.requireActual<object>('@react-native-async-storage/async-storage/jest/async-storage-mock'),
);

jest.mock('expo-secure-store', () => {
  const values = new Map<string, string>();
  return {
    getItemAsync: (key: string) => Promise.resolve(values.get(key) ?? null),
    setItemAsync: (key: string, value: string) => Promise.resolve(void values.set(key, value)),
    deleteItemAsync: (key: string) => Promise.resolve(void values.delete(key)),
  };
});

jest.mock('@react-native-community/netinfo', () => jest.requireActual<object>('./fake-netinfo'));
