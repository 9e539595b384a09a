import type { DocumentSummary } from '../../contract/documents.schemas';
import type { ComposeItem } from '../../services/compose-item';
import { amountDue } from '../../contract/amount-due';
import { documentTitle } from '../../contract/document-titles';
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

  const title = documentTitle(document, language);
  if ((await item.getSubject()).trim() === '') {
    await item.setSubject(message.subject(title, document.number));
    changed = true;
  }

  // What the attached QR-bill asks: the open amount, plus the fee of a reminder; a paid document asks nothing.
  const asks = document.status === 'paid' || document.status === 'cancelled' ? document.total : amountDue(document);
  const sentence = message.body(
    document.kind,
    title,
    document.number,
    formatMoney(asks, document.currency, language),
    formatDate(document.dueDate, language),
    document.status === 'overdue' ? 'overdue' : 'due',
  );
  if (!(await item.getBodyText()).includes(sentence)) {
    if ((await item.getSelectedText()) !== '') return 'selection-present';
    await item.insertBodyText(sentence);
    changed = true;
  }
  return changed ? 'filled' : 'nothing-to-do';
}
