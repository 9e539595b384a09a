import { z } from 'zod/mini';
import { createTokenProvider, type TokenProviderOptions } from './auth-token';
import { createBridgeClient, type BridgeClient, type BridgeClientOptions } from './bridge-client';

/**
 * The bridge client the pane and the commands use: every call carries a bearer token for the Outlook user,
 * obtained the way the bridge asks for (`/api/auth/config`), and renewed once when the bridge answers 401.
 * The sign-in dialog, where Outlook needs it, is the bridge's own page.
 */
export function createSignedInBridgeClient(
  options: Omit<BridgeClientOptions, 'auth'> & Pick<TokenProviderOptions, 'userEmail' | 'entra' | 'authConfig'>,
): BridgeClient {
  const { userEmail, entra, authConfig, ...clientOptions } = options;
  const publicClient = createBridgeClient(clientOptions);
  const auth = createTokenProvider({
    fetchJson: (path) => publicClient.requestJson(z.unknown(), path),
    userEmail,
    ...(entra ? { entra } : {}),
    ...(authConfig ? { authConfig } : {}),
  });
  // The pane (which asked for the configuration early) signs in while React draws its first screen, rather
  // than when that screen first asks for documents. A failure is met again, and shown, by that first request.
  if (authConfig) auth.getToken().catch(() => undefined);
  return createBridgeClient({ ...clientOptions, auth });
}
