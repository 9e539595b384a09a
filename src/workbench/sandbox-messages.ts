import { TokenSchema } from '../contract/auth.schemas';
import {
  MailboxMessageListSchema,
  MailboxMessageSchema,
  SandboxMessageListSchema,
  type MailboxMessage,
  type MailboxSendInput,
  type SandboxMessage,
} from '../contract/sandbox.schemas';
import { bodyAs, type ComposeSnapshot } from './office-sim/compose-state';

/** What the workbench's panel shows: a list from the bridge (GET /api/sandbox/…), or why there is none. */
export type Listing<T> = { status: 'available'; messages: T[] } | { status: 'not-available'; reason: string };
export type SandboxListing = Listing<SandboxMessage>;
export type MailboxListing = Listing<MailboxMessage>;

/**
 * The bridge's API needs a bearer token; a development bridge signs one for any address. The panel asks as an
 * administrator, because the sandbox shows everyone's messages, as IncaMail would see them; Send asks as the
 * item's sender, whose mailbox it is.
 */
async function devToken(fetchImpl: typeof fetch, email: string, role?: 'admin'): Promise<string | undefined> {
  const query = `email=${encodeURIComponent(email)}${role ? `&role=${role}` : ''}`;
  const response = await fetchImpl(`/api/dev/token?${query}`, { signal: AbortSignal.timeout(5000) });
  if (!response.ok) return undefined;
  const parsed = TokenSchema.safeParse(await response.json().catch(() => undefined));
  return parsed.success ? parsed.data.token : undefined;
}

const ADMIN = 'workbench@ledgermail.invalid';

async function fetchListing<T>(
  path: string,
  schema: { safeParse(value: unknown): { success: true; data: { items: T[] } } | { success: false } },
  fetchImpl: typeof fetch,
): Promise<Listing<T>> {
  let response: Response;
  try {
    const token = await devToken(fetchImpl, ADMIN, 'admin');
    response = await fetchImpl(path, {
      signal: AbortSignal.timeout(5000),
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  } catch {
    return { status: 'not-available', reason: 'the bridge did not answer' };
  }
  if (response.status === 404) return { status: 'not-available', reason: 'this bridge has no IncaMail sandbox' };
  if (!response.ok) return { status: 'not-available', reason: `the bridge answered HTTP ${response.status}` };
  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) return { status: 'not-available', reason: 'the bridge sent an unexpected list' };
  return { status: 'available', messages: parsed.data.items };
}

export const fetchSandboxMessages = (fetchImpl: typeof fetch = fetch): Promise<SandboxListing> =>
  fetchListing('/api/sandbox/messages', SandboxMessageListSchema, fetchImpl);

export const fetchMailboxMessages = (fetchImpl: typeof fetch = fetch): Promise<MailboxListing> =>
  fetchListing('/api/sandbox/mailbox/messages', MailboxMessageListSchema, fetchImpl);

/** The item as Outlook's Send hands it to the mailbox: as it stands, marking and all. */
export function mailboxSendOf(item: ComposeSnapshot): MailboxSendInput {
  const addresses = (field: 'to' | 'cc' | 'bcc') => item[field].map((r) => r.emailAddress);
  return {
    from: item.from.emailAddress,
    to: addresses('to'),
    cc: addresses('cc'),
    bcc: addresses('bcc'),
    subject: item.subject,
    html: bodyAs(item.body, 'html'),
    attachments: item.attachments
      .filter((a) => !a.isInline)
      .map((a) => ({ name: a.name, contentType: a.contentType, contentBase64: a.base64 })),
  };
}

/** Sends the item through the simulated mailbox (POST /api/sandbox/mailbox/messages); rejects with the reason. */
export async function sendThroughMailbox(
  item: ComposeSnapshot,
  fetchImpl: typeof fetch = fetch,
): Promise<MailboxMessage> {
  const token = await devToken(fetchImpl, item.from.emailAddress);
  const response = await fetchImpl('/api/sandbox/mailbox/messages', {
    method: 'POST',
    // A 30 MB message takes a moment even on loopback.
    signal: AbortSignal.timeout(60_000),
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(mailboxSendOf(item)),
  });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const message = (body as { error?: { message?: unknown } } | undefined)?.error?.message;
    throw new Error(typeof message === 'string' ? message : `the mailbox answered HTTP ${response.status}`);
  }
  return MailboxMessageSchema.parse(body);
}
