import { z } from 'zod/mini';

/**
 * The sign-in dialog (auth-dialog.html), used where Outlook has no nested app authentication: the pane or
 * the function file opens it with Office's dialog API, the dialog signs in with Microsoft Entra ID by
 * redirect and hands the access token back with `messageParent`. Both sides read this one schema.
 */
export const AUTH_DIALOG_PAGE = 'auth-dialog.html';

/** The one query parameter of the dialog: the Outlook user's address, so Entra suggests the right account. */
export const AUTH_DIALOG_HINT_PARAM = 'hint';

export const AuthDialogMessageSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('signed-in'), token: z.string().check(z.minLength(1), z.maxLength(16_384)) }),
  z.object({
    status: z.literal('failed'),
    /** `cancelled`: the person declined or backed out; `failed`: anything else (setup, network, Entra). */
    reason: z.enum(['cancelled', 'failed']),
    /** Entra's or MSAL's error code, for the administrator; never shown as the only explanation. */
    detail: z.string().check(z.maxLength(500)),
  }),
]);
export type AuthDialogMessage = z.infer<typeof AuthDialogMessageSchema>;

/** The dialog's address: served by the bridge beside the task pane (`bridgeBase` is its origin and prefix). */
export function authDialogUrl(bridgeBase: string, loginHint: string): string {
  const url = new URL(`${bridgeBase.replace(/\/+$/, '')}/${AUTH_DIALOG_PAGE}`);
  if (loginHint) url.searchParams.set(AUTH_DIALOG_HINT_PARAM, loginHint);
  return url.href;
}
