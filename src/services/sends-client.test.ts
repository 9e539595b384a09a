import { http, HttpResponse } from 'msw';
import { bridgeBehindMsw, PANE_BRIDGE_ORIGIN } from '../../test/support/pane-bridge';
import { SendRecordSchema } from '../contract/sends.schemas';
import { createSendsClient } from './sends-client';
import { createSignedInBridgeClient } from './signed-in-bridge';

// The client against the real bridge (in-process, over its own SQLite file); msw only puts faults in front.
const { server, bridge } = bridgeBehindMsw();

const ANNA = 'anna.keller@example.ch';
const sends = (timeoutMs = 2000) =>
  createSendsClient(createSignedInBridgeClient({ baseUrl: PANE_BRIDGE_ORIGIN, timeoutMs, userEmail: () => ANNA }));
const BY_KEY = `${PANE_BRIDGE_ORIGIN}/api/sends/by-key`;

describe('sends client: a send by its key', () => {
  it('finds the send handed over under the key, and null where none arrived', async () => {
    const handedOver = await bridge().asUser({
      method: 'POST',
      url: '/api/sends',
      headers: { 'idempotency-key': 'draft/1?generation=0' },
      payload: {
        mode: 'registered',
        from: ANNA,
        to: ['max@example.org'],
        subject: 'Invoice 2026-0042',
        html: '<p>Hi</p>',
      },
    });
    expect(handedOver.statusCode).toBe(202);
    const found = await sends().findSendByKey('draft/1?generation=0');
    expect(found?.id).toBe(SendRecordSchema.parse(handedOver.json()).id);
    expect(await sends().findSendByKey('draft/2?generation=0')).toBeNull();
  });

  it('fails with the codes the commands and the pane explain, never with null', async () => {
    server.use(http.get(BY_KEY, () => new HttpResponse(null, { status: 503 })));
    await expect(sends().findSendByKey('k')).rejects.toMatchObject({ code: 'bridge_unreachable' });
    server.use(http.get(BY_KEY, () => HttpResponse.json({ id: 42 })));
    await expect(sends().findSendByKey('k')).rejects.toMatchObject({ code: 'malformed_response' });
    server.use(
      http.get(BY_KEY, () => HttpResponse.json({ error: { code: 'forbidden', message: 'No.' } }, { status: 403 })),
    );
    await expect(sends().findSendByKey('k')).rejects.toMatchObject({ code: 'forbidden' });
    server.use(
      http.get(BY_KEY, async () => {
        await new Promise((resolve) => setTimeout(resolve, 500));
        return HttpResponse.json({});
      }),
    );
    await expect(sends(100).findSendByKey('k')).rejects.toMatchObject({ code: 'timeout' });
  });
});
