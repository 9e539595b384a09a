export type RecipientField = 'to' | 'cc' | 'bcc';
export type BodyType = 'html' | 'text';
export type MailboxVersion = '1.8' | '1.9' | '1.10' | '1.11' | '1.12' | '1.13' | '1.14' | '1.15';
export const MAILBOX_VERSIONS: readonly MailboxVersion[] = [
  '1.8',
  '1.9',
  '1.10',
  '1.11',
  '1.12',
  '1.13',
  '1.14',
  '1.15',
];

export type SimRecipient = { emailAddress: string; displayName: string };
export type SimAttachment = {
  id: string;
  name: string;
  /** Decoded size in bytes, as Outlook reports it in AttachmentDetails.size. */
  size: number;
  base64: string;
  isInline: boolean;
  contentType: string;
};
export type SimNotification = {
  key: string;
  type: 'progressIndicator' | 'informationalMessage' | 'errorMessage' | 'insightMessage';
  message: string;
  icon?: string;
  persistent?: boolean;
};
/** `open` while composing; `saved` after saveAsync; `discarded`/`closed` after closeAsync; `sent` by Send. */
export type ItemLifecycle = 'open' | 'saved' | 'discarded' | 'closed' | 'sent';

export type ComposeSnapshot = {
  readonly from: SimRecipient;
  readonly to: readonly SimRecipient[];
  readonly cc: readonly SimRecipient[];
  readonly bcc: readonly SimRecipient[];
  readonly subject: string;
  readonly body: { readonly type: BodyType; readonly content: string };
  readonly attachments: readonly SimAttachment[];
  readonly notifications: readonly SimNotification[];
  readonly customProperties: Readonly<Record<string, unknown>>;
  readonly lifecycle: ItemLifecycle;
  readonly itemId: string | undefined;
};

export type ComposeInit = Partial<Omit<ComposeSnapshot, 'lifecycle' | 'itemId'>>;

/**
 * The state of the simulated message being composed. It is the single source of truth shared by the
 * Office.js facade (what the add-in calls) and the workbench form (what the person types); every change
 * produces a new immutable snapshot, which React reads with useSyncExternalStore.
 */
export class ComposeState {
  private snapshot: ComposeSnapshot;
  private readonly listeners = new Set<() => void>();

  constructor(init: ComposeInit = {}) {
    this.snapshot = newDraftSnapshot(init);
  }

  get = (): ComposeSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  update(change: Partial<ComposeSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of [...this.listeners]) listener();
  }
}

/** A fresh, unsaved draft: what Outlook opens when the person starts a new message. */
export function newDraftSnapshot(init: ComposeInit = {}): ComposeSnapshot {
  return {
    from: init.from ?? { emailAddress: 'anna.muster@example.ch', displayName: 'Anna Muster' },
    to: init.to ?? [],
    cc: init.cc ?? [],
    bcc: init.bcc ?? [],
    subject: init.subject ?? '',
    body: init.body ?? { type: 'html', content: '' },
    attachments: init.attachments ?? [],
    notifications: init.notifications ?? [],
    customProperties: init.customProperties ?? {},
    lifecycle: 'open',
    itemId: undefined,
  };
}

/** Outlook's body is HTML in web compose; the form edits text, kept as escaped paragraphs. */
export function textToHtml(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return escaped === '' ? '' : `<div>${escaped.split('\n').join('<br>')}</div>`;
}

export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div)>\s*(?=.)/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

export function bodyAs(body: ComposeSnapshot['body'], type: BodyType): string {
  if (body.type === type) return body.content;
  return type === 'text' ? htmlToText(body.content) : textToHtml(body.content);
}

/** Decoded byte length of a base64 string, without decoding 25 MB just to count it. */
export function base64ByteLength(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return (base64.length / 4) * 3 - padding;
}

export function isWellFormedBase64(value: string): boolean {
  return value.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(value);
}
