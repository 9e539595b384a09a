import { jest } from '@jest/globals';
import { createTokenProvider, jwtExpiry } from './auth-token';

const jwt = (payload: object) => `e30.${btoa(JSON.stringify(payload)).replace(/=+$/, '')}.sig`;

describe('token provider', () => {
  it('asks a development bridge for a token for the Outlook user, and caches it until it nearly expires', async () => {
    const calls: string[] = [];
    let now = 1_800_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now * 1000);
    const provider = createTokenProvider({
      userEmail: () => 'anna.keller@example.ch',
      fetchJson: async (path) => {
        calls.push(path);
        return path === '/api/auth/config' ? { mode: 'dev' } : { token: jwt({ exp: now + 3600 }) };
      },
    });
    const first = await provider.getToken();
    expect(await provider.getToken()).toBe(first);
    expect(calls).toEqual(['/api/auth/config', '/api/dev/token?email=anna.keller%40example.ch']);

    now += 3600 - 30; // within a minute of expiry: sign in again
    await provider.getToken();
    provider.invalidate();
    await provider.getToken();
    expect(calls.filter((c) => c.startsWith('/api/dev/token'))).toHaveLength(3);
    jest.restoreAllMocks();
  });

  it('takes the configuration the pane asked for while its scripts loaded, and asks itself when that failed', async () => {
    const calls: string[] = [];
    const fetchJson = async (path: string) => {
      calls.push(path);
      return path === '/api/auth/config' ? { mode: 'dev' } : { token: jwt({ exp: 1_800_000_000 }) };
    };
    const early = createTokenProvider({
      userEmail: () => 'anna.keller@example.ch',
      fetchJson,
      authConfig: Promise.resolve({ mode: 'dev' }),
    });
    await early.getToken();
    expect(calls).toEqual(['/api/dev/token?email=anna.keller%40example.ch']);

    calls.length = 0;
    const failedEarly = createTokenProvider({
      userEmail: () => 'anna.keller@example.ch',
      fetchJson,
      authConfig: Promise.reject(new Error('offline while the scripts loaded')),
    });
    await failedEarly.getToken();
    expect(calls).toEqual(['/api/auth/config', '/api/dev/token?email=anna.keller%40example.ch']);

    // An early answer the contract refuses is refused as the bridge's own answer would be.
    const wrong = createTokenProvider({ userEmail: () => '', fetchJson, authConfig: Promise.resolve({ mode: 'x' }) });
    await expect(wrong.getToken()).rejects.toThrow();
  });

  it('refuses an answer that is not a token', async () => {
    const provider = createTokenProvider({
      userEmail: () => 'anna.keller@example.ch',
      fetchJson: async (path) => (path === '/api/auth/config' ? { mode: 'dev' } : { nope: true }),
    });
    await expect(provider.getToken()).rejects.toThrow();
  });

  it('reads the expiry of a JWT, and nothing from garbage', () => {
    expect(jwtExpiry(jwt({ exp: 42 }))).toBe(42);
    expect(jwtExpiry('not-a-jwt')).toBeUndefined();
  });
});
