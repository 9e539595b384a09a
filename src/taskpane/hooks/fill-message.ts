import type { DocumentSummary } from '../../contract/documents.schemas';
import type { ComposeItem } from '../../services/compose-item';
import { formatDate, formatMoney } from '../../contract/swiss-format';
import { paneStrings } from '../strings';

export type FillOutcome = 'filled' | 'nothing-to-do' | 'selection-present';

/**
 * Fills what is empty and nothing else, in the customer's language: To when it has no recipient, the
 * subject when it is blank, and a short sentence at the cursor unless the body already has it. A selection
 * would be replaced by the insertion, so the text is then left out and the user told why.
 */
export async function fillMessage(item: ComposeItem, document: DocumentSummary): Promise<FillOutcome> {
  const language = document.customer.language;
  const message = paneStrings[language].message;
  let changed = false;

  const { to } = await item.getRecipients();
  if (to.length === 0 && document.customer.email) {
    await item.addToRecipients([{ emailAddress: document.customer.email, displayName: document.customer.name }]);
    changed = true;
  }

  if ((await item.getSubject()).trim() === '') {
    await item.setSubject(message.subject(document.kind, document.number));
    changed = true;
  }

  const amount = document.openAmount > 0 ? document.openAmount : document.total;
  const sentence = message.body(
    document.kind,
    document.number,
    formatMoney(amount, document.currency, language),
    formatDate(document.dueDate, language),
  );
  if (!(await item.getBodyText()).includes(sentence)) {
    if ((await item.getSelectedText()) !== '') return 'selection-present';
    await item.insertBodyText(sentence);
    changed = true;
  }
  return changed ? 'filled' : 'nothing-to-do';
}
