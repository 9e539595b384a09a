import { authDialogUrl } from './auth-dialog-protocol';
import { SignInError, signInThroughDialog, type DialogOffice } from './auth-dialog';
import { supportsNestedAppAuth, type EntraConfig, type EntraSignIn } from './auth-token';

/**
 * The pane and the ribbon commands: nested app authentication (MSAL's nestable client, where Outlook brokers
 * the sign-in) or, on Outlook versions without it, LedgerMail's sign-in dialog opened with Office's dialog API.
 * MSAL is loaded only for nested app authentication, so it costs nothing on first paint.
 */
export function interactiveEntraSignIn(
  options: {
    /** The bridge's origin (and prefix), where the sign-in dialog is served; the page's origin by default. */
    bridgeBase?: string;
    /** Office as the host provides it (requirement sets, dialog API); the global `Office` by default. */
    office?: () => DialogOffice;
  } = {},
): EntraSignIn {
  return (auth, loginHint) => {
    const office = options.office?.() ?? (Office as unknown as DialogOffice);
    if (supportsNestedAppAuth(office)) return acquireNestedToken(auth, loginHint, 'prompt');
    const base = options.bridgeBase || globalThis.location.origin;
    return signInThroughDialog(office, authDialogUrl(base, loginHint));
  };
}

/**
 * The send guard in a browser runtime: nested app authentication without a prompt. Outlook's Send is waiting
 * and an event handler may open no dialog; what needs the user fails, and the guard's bridge checks step aside.
 */
export const silentEntraSignIn: EntraSignIn = (auth, loginHint) => {
  if (!supportsNestedAppAuth(Office as unknown as DialogOffice)) {
    return Promise.reject(new SignInError('failed', 'no nested app authentication to sign in silently with'));
  }
  return acquireNestedToken(auth, loginHint, 'silent');
};

async function acquireNestedToken(
  auth: EntraConfig,
  loginHint: string,
  interaction: 'prompt' | 'silent',
): Promise<string> {
  const msal = await import(/* webpackChunkName: "msal" */ '@azure/msal-browser');
  const client = await msal.createNestablePublicClientApplication({
    auth: { clientId: auth.clientId, authority: auth.authority },
  });
  const request = { scopes: auth.scopes, ...(loginHint ? { loginHint } : {}) };
  try {
    // Silent first: with an account MSAL knows, else by the login hint (Outlook's signed-in user).
    const account = client.getActiveAccount() ?? client.getAllAccounts()[0];
    const result = account ? await client.acquireTokenSilent({ ...request, account }) : await client.ssoSilent(request);
    return result.accessToken;
  } catch (silentError) {
    if (interaction === 'silent')
      throw new SignInError('failed', 'a silent sign-in needs the user', { cause: silentError });
    try {
      // Outlook shows its own consent or sign-in prompt when silent acquisition needs the user.
      return (await client.acquireTokenPopup(request)).accessToken;
    } catch (error) {
      const code = (error as { errorCode?: unknown }).errorCode;
      const cancelled = code === 'user_cancelled' || code === 'access_denied';
      throw new SignInError(cancelled ? 'cancelled' : 'failed', String(code ?? error), { cause: error });
    }
  }
}
