import { toLanguage } from '../contract/locale';
import { showNotification } from '../services/office-item';
import { commandStrings } from './strings';

type SecureMode = 'registered' | 'confidential';

async function runSecureSend(mode: SecureMode, event: Office.AddinCommands.Event): Promise<void> {
  const item = Office.context.mailbox.item as Office.MessageCompose;
  const strings = commandStrings[toLanguage(Office.context.displayLanguage)];
  try {
    await showNotification(item, 'ledgermail-send', 'info', strings.notAvailableYet(mode));
  } catch {
    // Nothing else can tell the user: the notification itself failed. Completing the event is what matters.
  } finally {
    event.completed();
  }
}

export function sendRegistered(event: Office.AddinCommands.Event): void {
  void runSecureSend('registered', event);
}

export function sendConfidential(event: Office.AddinCommands.Event): void {
  void runSecureSend('confidential', event);
}
