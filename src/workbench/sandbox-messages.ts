import { TokenSchema } from '../contract/auth.schemas';
import { SandboxMessageListSchema, type SandboxMessage } from '../contract/sandbox.schemas';

/** What the workbench's panel shows: the sandbox's messages (GET /api/sandbox/messages), or why there are none. */
export type SandboxListing =
  { status: 'available'; messages: SandboxMessage[] } | { status: 'not-available'; reason: string };

/**
 * The bridge's API needs a bearer token; a development bridge signs one for any address (the workbench
 * asks as an administrator, because the sandbox shows everyone's messages, as IncaMail would see them).
 */
async function devToken(fetchImpl: typeof fetch): Promise<string | undefined> {
  const response = await fetchImpl('/api/dev/token?email=workbench%40ledgermail.invalid&role=admin', {
    signal: AbortSignal.timeout(5000),
  });
  if (!response.ok) return undefined;
  const parsed = TokenSchema.safeParse(await response.json().catch(() => undefined));
  return parsed.success ? parsed.data.token : undefined;
}

export async function fetchSandboxMessages(fetchImpl: typeof fetch = fetch): Promise<SandboxListing> {
  let response: Response;
  try {
    const token = await devToken(fetchImpl);
    response = await fetchImpl('/api/sandbox/messages', {
      signal: AbortSignal.timeout(5000),
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  } catch {
    return { status: 'not-available', reason: 'the bridge did not answer' };
  }
  if (response.status === 404) return { status: 'not-available', reason: 'this bridge has no IncaMail sandbox' };
  if (!response.ok) return { status: 'not-available', reason: `the bridge answered HTTP ${response.status}` };
  const parsed = SandboxMessageListSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) return { status: 'not-available', reason: 'the bridge sent an unexpected list' };
  return { status: 'available', messages: parsed.data.items };
}
