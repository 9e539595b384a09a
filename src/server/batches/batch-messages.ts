import type { BatchRequest } from '../../contract/batches.schemas.js';
import type { DocumentDetail } from '../../contract/documents.schemas.js';
import { AppError, type ErrorDetail } from '../../contract/errors.js';
import { MAX_UNMARKED_SUBJECT_LENGTH } from '../../contract/marking.js';
import type { SecureMode } from '../../contract/modes.js';
import { EmailAddressSchema } from '../../contract/sends.schemas.js';
import type { AccountingConnector } from '../accounting/connector.js';
import type { NewItem } from './batch-store.js';
import { placeholderValues, renderMessage } from './template-render.js';

/** Runs `fn` over `values` with at most `limit` calls in flight, keeping the order of the results. */
export async function mapWithConcurrency<T, R>(values: readonly T[], limit: number, fn: (value: T) => Promise<R>) {
  const results = new Array<R>(values.length);
  let next = 0;
  const lane = async () => {
    while (next < values.length) {
      const index = next++;
      results[index] = await fn(values[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, values.length) }, lane));
  return results;
}

/**
 * One message per reminder, rendered from the template of the customer's language, in the order of the
 * request. Everything wrong with the request is reported at once, before anything is stored or sent.
 */
export async function prepareMessages(
  request: BatchRequest,
  accounting: Pick<AccountingConnector, 'getDocument'>,
  allowedModes: readonly SecureMode[],
): Promise<NewItem[]> {
  const documents = await mapWithConcurrency(request.documentIds, 8, (id) => accounting.getDocument(id));
  const problems: ErrorDetail[] = [];
  const invoiceNumbers = new Map<string, string>();
  for (const [index, document] of documents.entries()) {
    const path = `body.documentIds.${index}`;
    if (!document) problems.push({ path, message: `no document with id "${request.documentIds[index]}"` });
    else if (document.kind !== 'reminder' || document.level === null) {
      problems.push({ path, message: `${document.number} is not a reminder` });
    } else if (document.invoiceId && !invoiceNumbers.has(document.invoiceId)) {
      invoiceNumbers.set(document.invoiceId, (await accounting.getDocument(document.invoiceId))?.number ?? '');
    }
  }
  const reminders = documents.filter((d): d is DocumentDetail & { level: 1 | 2 | 3 } => d?.level != null);
  const missing = new Set(reminders.map((r) => r.customer.language).filter((lang) => !request.templates[lang]));
  for (const language of missing) {
    const count = reminders.filter((r) => r.customer.language === language).length;
    problems.push({ path: `body.templates.${language}`, message: `missing; ${count} selected reminder(s) need it` });
  }
  const modes = new Set(reminders.map((r) => request.modeByLevel[`${r.level}`]));
  for (const mode of modes) {
    if (!allowedModes.includes(mode)) {
      throw new AppError('mode_not_allowed', `Sending as ${mode} is not enabled for this organisation.`);
    }
  }

  const items =
    problems.length > 0
      ? []
      : reminders.map((reminder): NewItem => {
          const language = reminder.customer.language;
          const values = placeholderValues(reminder, invoiceNumbers.get(reminder.invoiceId ?? '') ?? '', language);
          const rendered = renderMessage(request.templates[language]!, values);
          if (rendered.subject.length > MAX_UNMARKED_SUBJECT_LENGTH) {
            problems.push({ path: `body.templates.${language}.subject`, message: `too long for ${reminder.number}` });
          }
          const email = reminder.customer.email;
          return {
            documentId: reminder.id,
            number: reminder.number,
            customerId: reminder.customer.id,
            customerName: reminder.customer.name,
            language,
            level: reminder.level,
            recipient: email && EmailAddressSchema.safeParse(email).success ? email : null,
            mode: request.modeByLevel[`${reminder.level}`],
            ...rendered,
          };
        });
  if (problems.length > 0) {
    const message = problems.map((p) => `${p.path}: ${p.message}`).join('; ');
    throw new AppError('bad_request', `This batch cannot be sent: ${message}`, { details: problems });
  }
  return items;
}
