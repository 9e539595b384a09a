/**
 * The pane signs in before it lists anything: what the bridge asks for (`/api/auth/config`) is fetched while
 * the pane's scripts load, and with Entra ID MSAL's chunks load beside them, instead of one after the other.
 * The answer is parsed where it is used (auth-token.ts, with zod, which the first chunk does not carry); a
 * failure here only means it is asked for again there.
 */
export function askAuthConfigEarly(): Promise<unknown> {
  const answer = fetch('/api/auth/config', { signal: AbortSignal.timeout(15_000) }).then((response) =>
    response.ok ? (response.json() as Promise<unknown>) : Promise.reject(new Error(`HTTP ${response.status}`)),
  );
  answer.then(
    (config) => {
      if ((config as { mode?: unknown } | null)?.mode === 'entra') {
        void import(/* webpackChunkName: "msal" */ '@azure/msal-browser').catch(() => undefined);
      }
    },
    () => undefined,
  );
  return answer;
}
