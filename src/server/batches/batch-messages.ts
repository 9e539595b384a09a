import { type BatchRequest, type Company, type LevelKey, type TemplateSet } from '../../contract/batches.schemas.js';
import type { DocumentDetail, ReminderLevel } from '../../contract/documents.schemas.js';
import { AppError, type ErrorDetail } from '../../contract/errors.js';
import { MAX_UNMARKED_SUBJECT_LENGTH } from '../../contract/marking.js';
import type { SecureMode } from '../../contract/modes.js';
import {
  deadlinePassed,
  groupIntoMessages,
  placeholderValues,
  renderTemplate,
  type ReminderFacts,
} from '../../contract/reminder-message.js';
import { EmailAddressSchema } from '../../contract/sends.schemas.js';
import type { AccountingConnector, DocumentPdf } from '../accounting/connector.js';
import type { NewItem } from './batch-store.js';

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
 * Every PDF of a message, in its order, or the not-found error naming the first reminder gone from the
 * accounting: a message goes with all its documents or not at all. A failing backend rejects.
 */
export async function messagePdfs(
  accounting: Pick<AccountingConnector, 'getDocumentPdf'>,
  item: Pick<NewItem, 'documentIds' | 'numbers' | 'number'>,
): Promise<DocumentPdf[] | AppError> {
  const pdfs: DocumentPdf[] = [];
  for (const [index, documentId] of item.documentIds.entries()) {
    const pdf = await accounting.getDocumentPdf(documentId);
    const number = item.numbers[index] ?? item.number;
    if (!pdf) return new AppError('not_found', `Reminder ${number} no longer exists in the accounting.`);
    pdfs.push(pdf);
  }
  return pdfs;
}

export type RunContext = {
  accounting: Pick<AccountingConnector, 'getDocument'>;
  allowedModes: readonly SecureMode[];
  /** The bridge's templates, for every language and level the request does not word itself. */
  defaults: TemplateSet;
  company: Company;
  /** The run's date: a reminder must ask for payment by a later day. */
  today: string;
};

type Reminder = DocumentDetail & { level: ReminderLevel };
type Prepared = { reminder: Reminder; facts: ReminderFacts };

/** What stops one reminder from being sent as it is, or undefined. */
function reminderProblem(document: DocumentDetail, today: string): string | undefined {
  if (document.kind !== 'reminder' || document.level === null) return `${document.number} is not a reminder`;
  if (document.status !== 'open' && document.status !== 'overdue') {
    return `${document.number} is ${document.status} in the accounting and asks for nothing`;
  }
  if (deadlinePassed(document, today)) {
    return (
      `${document.number} asks for payment by ${document.dueDate}, which is not after ` +
      `today; the accounting must date it anew`
    );
  }
  return undefined;
}

/**
 * The messages of a run, each rendered from the template of its customer's language and of the highest
 * level among its reminders, which also decides its mode. Everything wrong with the request is reported at
 * once, before anything is stored or sent.
 */
export async function prepareMessages(request: BatchRequest, run: RunContext): Promise<NewItem[]> {
  const { accounting } = run;
  const documents = await mapWithConcurrency(request.documentIds, 8, (id) => accounting.getDocument(id));
  const problems: ErrorDetail[] = [];
  const invoices = new Map<string, DocumentDetail | undefined>();
  const prepared: Prepared[] = [];
  for (const [index, document] of documents.entries()) {
    const path = `body.documentIds.${index}`;
    if (!document) {
      problems.push({ path, message: `no document with id "${request.documentIds[index]}"` });
      continue;
    }
    const problem = reminderProblem(document, run.today);
    if (problem) {
      problems.push({ path, message: problem });
      continue;
    }
    const invoiceId = document.invoiceId ?? '';
    if (!invoices.has(invoiceId))
      invoices.set(invoiceId, invoiceId ? await accounting.getDocument(invoiceId) : undefined);
    const invoice = invoices.get(invoiceId);
    const reminder = document as Reminder;
    prepared.push({
      reminder,
      facts: {
        number: reminder.number,
        level: reminder.level,
        status: reminder.status,
        currency: reminder.currency,
        openAmount: reminder.openAmount,
        fee: reminder.fee,
        dueDate: reminder.dueDate,
        invoice: {
          number: invoice?.number ?? '',
          issueDate: invoice?.issueDate ?? reminder.issueDate,
          dueDate: invoice?.dueDate ?? reminder.issueDate,
          total: invoice?.total ?? reminder.total,
        },
      },
    });
  }

  const groups = groupIntoMessages(prepared, request.grouping, (p) => p.reminder);
  const levelOf = (group: Prepared[]) => String(Math.max(...group.map((p) => p.reminder.level))) as LevelKey;
  for (const mode of new Set(groups.map((group) => request.modeByLevel[levelOf(group)]))) {
    if (!run.allowedModes.includes(mode)) {
      throw new AppError('mode_not_allowed', `Sending as ${mode} is not enabled for this organisation.`);
    }
  }

  const items = groups.map((group): NewItem => {
    const [{ reminder: first }] = group as [Prepared];
    const language = first.customer.language;
    const level = levelOf(group);
    const template = request.templates[language]?.[level] ?? run.defaults[language][level];
    const values = placeholderValues({
      customerName: first.customer.name,
      language,
      reminders: group.map((p) => p.facts),
      company: run.company,
    });
    const rendered = renderTemplate(template, values);
    if (rendered.subject.length > MAX_UNMARKED_SUBJECT_LENGTH) {
      problems.push({ path: `body.templates.${language}.${level}.subject`, message: `too long for ${values.number}` });
    }
    const email = first.customer.email;
    return {
      documentId: first.id,
      documentIds: group.map((p) => p.reminder.id),
      number: values.number,
      numbers: group.map((p) => p.reminder.number),
      customerId: first.customer.id,
      customerName: first.customer.name,
      language,
      level: Number(level),
      recipient: email && EmailAddressSchema.safeParse(email).success ? email : null,
      mode: request.modeByLevel[level],
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
    };
  });
  if (problems.length > 0) {
    const message = problems.map((p) => `${p.path}: ${p.message}`).join('; ');
    throw new AppError('bad_request', `This batch cannot be sent: ${message}`, { details: problems });
  }
  return items;
}
