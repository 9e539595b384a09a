import { toLanguage } from '../contract/locale';
import type { EntraSignIn } from '../services/auth-token';
import { createOutgoingItem } from '../services/outgoing-message';
import { createSendsClient } from '../services/sends-client';
import { createSignedInBridgeClient } from '../services/signed-in-bridge';
import { GUARD_BRIDGE_DEADLINE_MS, guardSend, type GuardAnswer } from './send-guard';

/** The add-in's public origin, set by the build (webpack's DefinePlugin from ADDIN_PUBLIC_URL). */
declare const __LEDGERMAIL_PUBLIC_ORIGIN__: string | undefined;

/**
 * Where the guard finds the bridge: the page's own origin in a browser runtime (commands.html), the build's
 * public origin in classic Outlook's JavaScript-only runtime, which has no location for a relative URL to
 * resolve against. The bridge lists sendguard.js in its well-known allow list so that Outlook lets it call there.
 */
export function guardBridgeBase(): string {
  if (typeof globalThis.location?.origin === 'string') return '';
  return typeof __LEDGERMAIL_PUBLIC_ORIGIN__ === 'string' ? __LEDGERMAIL_PUBLIC_ORIGIN__ : '';
}

/**
 * Outlook's Send (Smart Alerts, OnMessageSend): holds a secure message that would leave broken. `entra` is how
 * this runtime signs in without a prompt; without it (classic Outlook's JavaScript-only runtime loads no MSAL),
 * a bridge on Entra ID is not asked and only the checks that need no bridge run.
 */
export function createOnMessageSendHandler(options: { entra?: EntraSignIn } = {}) {
  return function onMessageSendHandler(event: Office.AddinCommands.Event): void {
    void (async () => {
      let answer: GuardAnswer = { allowEvent: true };
      try {
        const item = Office.context.mailbox.item as Office.MessageCompose;
        const userEmail = Office.context.mailbox.userProfile.emailAddress;
        const bridge = createSignedInBridgeClient({
          baseUrl: guardBridgeBase(),
          userEmail: () => userEmail,
          timeoutMs: GUARD_BRIDGE_DEADLINE_MS,
          ...(options.entra ? { entra: options.entra } : {}),
        });
        answer = await guardSend({
          item: createOutgoingItem(item, userEmail),
          policy: () => createSendsClient(bridge).getPolicy(),
          documents: (ids) =>
            Promise.all(
              ids.map(async (id) => {
                const { number, kind, level, status } = await bridge.getDocument(id);
                return { id, number, kind, level, status };
              }),
            ),
          language: toLanguage(Office.context.displayLanguage),
          outlook: {
            alertActions: Office.context.requirements.isSetSupported('Mailbox', '1.14'),
            markdown: Office.context.requirements.isSetSupported('Mailbox', '1.15'),
          },
        });
      } finally {
        // On every path, within Outlook's limit: a guard that never answers holds the user's mail.
        (event.completed as (options: GuardAnswer) => void)(answer);
      }
    })();
  };
}
