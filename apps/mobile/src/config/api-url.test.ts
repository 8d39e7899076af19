import { resolveApiUrl } from './api-url';

describe('resolveApiUrl', () => {
  it('prefers EXPO_PUBLIC_API_URL, without a trailing slash', () => {
    expect(
      resolveApiUrl({
        configured: 'https://api.example.com/',
        isDevelopment: true,
        devServerHost: '10.0.0.2:8081',
      }),
    ).toBe('https://api.example.com');
  });

  it("derives the server from the dev server's host in development", () => {
    expect(
      resolveApiUrl({
        configured: undefined,
        isDevelopment: true,
        devServerHost: '192.168.1.20:8081',
      }),
    ).toBe('http://192.168.1.20:3000');
  });

  it('answers null for a release build without a configured URL', () => {
    expect(
      resolveApiUrl({ configured: '', isDevelopment: false, devServerHost: '192.168.1.20:8081' }),
    ).toBeNull();
    expect(
      resolveApiUrl({ configured: undefined, isDevelopment: true, devServerHost: null }),
    ).toBeNull();
  });
});
