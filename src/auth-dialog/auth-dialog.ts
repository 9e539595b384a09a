import { createStandardPublicClientApplication } from '@azure/msal-browser';
import { AuthConfigSchema } from '../contract/auth.schemas';
import { toLanguage, type Language } from '../contract/locale';
import { AUTH_DIALOG_HINT_PARAM, type AuthDialogMessage } from '../services/auth-dialog-protocol';
import { createBridgeTransport } from '../services/bridge-transport';

/**
 * The sign-in dialog, for Outlooks without nested app authentication. Opened by the task pane or the
 * function file with Office's dialog API, it signs in with Microsoft Entra ID by redirect (this page is
 * the registered redirect URI) and hands the access token to its opener with `messageParent`. The client
 * id, authority and scopes come from the bridge (`/api/auth/config`), never from the dialog's address.
 */

const TEXT: Record<Language, { signingIn: string; failed: string }> = {
  en: { signingIn: 'Signing in to LedgerMail…', failed: 'Signing in did not complete. You can close this window.' },
  de: {
    signingIn: 'Anmeldung bei LedgerMail…',
    failed: 'Die Anmeldung wurde nicht abgeschlossen. Sie können dieses Fenster schliessen.',
  },
  fr: {
    signingIn: 'Connexion à LedgerMail…',
    failed: "La connexion n'a pas abouti. Vous pouvez fermer cette fenêtre.",
  },
  it: {
    signingIn: 'Accesso a LedgerMail…',
    failed: 'L’accesso non è stato completato. Può chiudere questa finestra.',
  },
};

/** The bridge answers its sign-in configuration at once; Entra's pages get the rest of the dialog's time. */
const CONFIG_TIMEOUT_MS = 15_000;

/** The login hint survives the round trip to Entra in this window's session storage, not in the address. */
const HINT_KEY = 'ledgermail.signIn.hint';
/** Entra's and MSAL's codes for a person who backed out or declined consent. */
const CANCELLED_CODES = new Set(['access_denied', 'user_cancelled']);

function takeLoginHint(): string | undefined {
  const url = new URL(window.location.href);
  const hint = url.searchParams.get(AUTH_DIALOG_HINT_PARAM);
  if (hint !== null) window.sessionStorage.setItem(HINT_KEY, hint);
  // The redirect URI is this page without parameters (Office adds its own, e.g. _host_Info, which office.js
  // has read by now); starting the sign-in at that same address lets MSAL finish on the first page load.
  if (url.search && !/[?&](code|error|state)=/.test(url.search)) window.history.replaceState(null, '', url.pathname);
  return window.sessionStorage.getItem(HINT_KEY) || undefined;
}

/** Signs in; a message for the opener, or undefined while this page is on its way to Entra. */
async function signIn(loginHint: string | undefined): Promise<AuthDialogMessage | undefined> {
  // The bridge serves this page: its API sits beside it (under the same path prefix, if any).
  const bridgeBase = new URL('.', window.location.href).href.replace(/\/$/, '');
  const config = await createBridgeTransport({ baseUrl: bridgeBase, timeoutMs: CONFIG_TIMEOUT_MS }).requestJson(
    AuthConfigSchema,
    '/api/auth/config',
    { credentials: 'omit' },
  );
  if (config.mode !== 'entra')
    return { status: 'failed', reason: 'failed', detail: 'the bridge does not use Entra ID' };
  const redirectUri = window.location.origin + window.location.pathname;
  const client = await createStandardPublicClientApplication({
    auth: { clientId: config.clientId, authority: config.authority, redirectUri },
    cache: { cacheLocation: 'sessionStorage' },
  });
  const result = await client.handleRedirectPromise();
  if (result) return { status: 'signed-in', token: result.accessToken };
  await client.acquireTokenRedirect({ scopes: config.scopes, redirectUri, ...(loginHint ? { loginHint } : {}) });
  return undefined;
}

function failureOf(error: unknown): AuthDialogMessage {
  const code = (error as { errorCode?: unknown } | null)?.errorCode;
  const detail = typeof code === 'string' && code ? code : error instanceof Error ? error.message : String(error);
  return {
    status: 'failed',
    reason: typeof code === 'string' && CANCELLED_CODES.has(code) ? 'cancelled' : 'failed',
    detail: detail.slice(0, 500),
  };
}

void Office.onReady(async () => {
  const language = toLanguage(Office.context.displayLanguage);
  const text = TEXT[language];
  const status = document.getElementById('status');
  document.documentElement.lang = language;
  if (status) status.textContent = text.signingIn;
  const message = await signIn(takeLoginHint()).catch(failureOf);
  if (!message) return;
  if (message.status === 'failed' && status) status.textContent = text.failed;
  window.sessionStorage.removeItem(HINT_KEY);
  // Only the task pane's own origin may receive the token, where Office can be told so (DialogOrigin 1.1).
  if (Office.context.requirements.isSetSupported('DialogOrigin', '1.1')) {
    Office.context.ui.messageParent(JSON.stringify(message), { targetOrigin: window.location.origin });
  } else {
    Office.context.ui.messageParent(JSON.stringify(message));
  }
});
