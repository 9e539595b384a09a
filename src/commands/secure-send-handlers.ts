import { toLanguage } from '../contract/locale';
import { DEFAULT_RECIPIENT_SUFFIX } from '../contract/marking';
import type { SecureMode } from '../contract/modes';
import { showNotification } from '../services/office-item';
import { createOutgoingItem } from '../services/outgoing-message';
import { createSendsClient, SEND_REQUEST_TIMEOUT_MS } from '../services/sends-client';
import { interactiveEntraSignIn } from '../services/entra-sign-in';
import { createSignedInBridgeClient } from '../services/signed-in-bridge';
import { runSecureSend } from './secure-send';
import { removeIncaMailMarking } from './mailbox-marking';
import { markingStrings } from './marking-strings';
import { commandStrings } from './strings';

async function handle(mode: SecureMode, event: Office.AddinCommands.Event): Promise<void> {
  const item = Office.context.mailbox.item as Office.MessageCompose;
  const strings = commandStrings[toLanguage(Office.context.displayLanguage)];
  try {
    const userEmail = Office.context.mailbox.userProfile.emailAddress;
    await runSecureSend(mode, {
      item: createOutgoingItem(item, userEmail),
      // A 30 MB message takes a while to upload on an ordinary line: allow two minutes, not the default 15 s.
      sends: createSendsClient(
        createSignedInBridgeClient({
          userEmail: () => userEmail,
          timeoutMs: SEND_REQUEST_TIMEOUT_MS,
          entra: interactiveEntraSignIn(),
        }),
      ),
      strings,
      markingStrings: markingStrings[toLanguage(Office.context.displayLanguage)],
      canDiscard: Office.context.requirements.isSetSupported('Mailbox', '1.14'),
    });
  } catch (error) {
    // runSecureSend reports its own failures; this is the last resort, and must not hide the send's outcome.
    await showNotification(item, 'ledgermail-send', 'error', strings.notSent(String(error))).catch(() => undefined);
  } finally {
    // Outlook stops a function command that never completes only after 5 minutes, with a spinner meanwhile.
    event.completed();
  }
}

export function sendRegistered(event: Office.AddinCommands.Event): void {
  void handle('registered', event);
}

export function sendConfidential(event: Office.AddinCommands.Event): void {
  void handle('confidential', event);
}

/** Outlook cannot hide a button at run time: where the policy does not offer Personal, it says so when chosen. */
export function sendPersonal(event: Office.AddinCommands.Event): void {
  void handle('personal', event);
}

/** Remove IncaMail marking (mailbox route): the draft as the user wrote it. */
export function removeMarking(event: Office.AddinCommands.Event): void {
  void (async () => {
    const item = Office.context.mailbox.item as Office.MessageCompose;
    const language = toLanguage(Office.context.displayLanguage);
    try {
      const sends = createSendsClient(
        createSignedInBridgeClient({
          userEmail: () => Office.context.mailbox.userProfile.emailAddress,
          entra: interactiveEntraSignIn(),
        }),
      );
      // The suffix is the deployment's; without the bridge, IncaMail's own.
      const policy = await sends.getPolicy().catch(() => undefined);
      await removeIncaMailMarking({
        item: createOutgoingItem(item, Office.context.mailbox.userProfile.emailAddress),
        strings: markingStrings[language],
        recipientSuffix: policy?.recipientSuffix ?? DEFAULT_RECIPIENT_SUFFIX,
      });
    } catch (error) {
      await showNotification(
        item,
        'ledgermail-send',
        'error',
        markingStrings[language].outlookFailed(String(error)),
      ).catch(() => undefined);
    } finally {
      event.completed();
    }
  })();
}
