import { AppError } from '../contract/errors';
import { PolicySchema, SendRecordSchema, type Policy, type SendRecord } from '../contract/sends.schemas';
import type { SendRequestInput } from '../contract/send-request.schemas';
import type { BridgeTransport } from './bridge-transport';

/**
 * How long the command's hand-over of a message may take (a 30 MB message on an ordinary line): its request's
 * time-out, and so the time after which a send that never arrived at the bridge cannot arrive any more.
 */
export const SEND_REQUEST_TIMEOUT_MS = 120_000;

/** The bridge's send API, on top of the typed bridge client. */
export function createSendsClient(bridge: Pick<BridgeTransport, 'requestJson'>) {
  return {
    getPolicy: (): Promise<Policy> => bridge.requestJson(PolicySchema, '/api/policy'),
    submitSend: (idempotencyKey: string, request: SendRequestInput): Promise<SendRecord> =>
      bridge.requestJson(SendRecordSchema, '/api/sends', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
        body: JSON.stringify(request),
      }),
    /**
     * The send as it stands; with `waitSeconds`, the bridge holds the answer until the send is settled or that
     * time has passed (`?wait=`, at most 60), so the caller learns IncaMail's answer without asking again.
     */
    getSend: (id: string, options: { waitSeconds?: number } = {}): Promise<SendRecord> =>
      bridge.requestJson(
        SendRecordSchema,
        `/api/sends/${encodeURIComponent(id)}${options.waitSeconds ? `?wait=${options.waitSeconds}` : ''}`,
      ),
    /** The caller's send handed over under this key, or null when none reached the bridge. */
    async findSendByKey(idempotencyKey: string): Promise<SendRecord | null> {
      try {
        return await bridge.requestJson(
          SendRecordSchema,
          `/api/sends/by-key?key=${encodeURIComponent(idempotencyKey)}`,
        );
      } catch (error) {
        if (error instanceof AppError && error.code === 'not_found') return null;
        throw error;
      }
    },
  };
}

export type SendsClient = ReturnType<typeof createSendsClient>;

/** SHA-256 of a text as hex, with the browser's Web Crypto (also in Node 20 and Outlook's runtimes). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
