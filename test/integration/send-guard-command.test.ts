/**
 * The send guard on Outlook's Send, over the simulated Office item and the real bridge on the mailbox route:
 * ordinary mail goes without asking anyone, a marking broken after it was made is held with the reason in the
 * user's language, and without the bridge the marking is still checked while nothing else stands in the way.
 */
import type { FastifyInstance } from 'fastify';
import { markingStrings } from '../../src/commands/marking-strings';
import { runSecureSend } from '../../src/commands/secure-send';
import { guardSend, type GuardDeps } from '../../src/commands/send-guard';
import { buildApp } from '../../src/server/app';
import { createOutgoingItem } from '../../src/services/outgoing-message';
import { createSendsClient } from '../../src/services/sends-client';
import { createSignedInBridgeClient } from '../../src/services/signed-in-bridge';
import { testBridgeConfig } from '../support/bridge-config';
import { ANNA, annasDraftInOutlook, secureSendDeps } from '../support/outlook-draft';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { useTempDir } from '../support/temp-dir';

describe('the send guard on Outlook’s Send', () => {
  const tempDir = useTempDir();
  let sink: SmtpSink;
  let app: FastifyInstance;
  let origin: string;
  let sim: ReturnType<typeof annasDraftInOutlook>;
  let bridgeAsked: number;

  beforeEach(async () => {
    sink = await startSmtpSink();
    app = await buildApp({
      config: testBridgeConfig(tempDir(), sink.port, { INCAMAIL_ROUTE: 'mailbox' }),
      logger: false,
    });
    origin = await app.listen({ host: '127.0.0.1', port: 0 });
    sim = annasDraftInOutlook();
    bridgeAsked = 0;
  });
  afterEach(async () => {
    sim.uninstall();
    await app.close();
    await sink.close();
  });

  const office = () => sim.office.context.mailbox.item as unknown as Office.MessageCompose;
  function deps(change: Partial<GuardDeps> = {}): GuardDeps {
    const sends = createSendsClient(createSignedInBridgeClient({ baseUrl: origin, userEmail: () => ANNA }));
    return {
      item: createOutgoingItem(office(), ANNA),
      policy: () => {
        bridgeAsked += 1;
        return sends.getPolicy();
      },
      documents: async () => [],
      language: 'de',
      ...change,
    };
  }
  const setSubject = (subject: string) =>
    new Promise<void>((resolve) => office().subject.setAsync(subject, () => resolve()));
  const addTo = (address: string) => new Promise<void>((resolve) => office().to.addAsync([address], () => resolve()));
  const markRegistered = async () =>
    expect(
      await runSecureSend('registered', { ...secureSendDeps(sim, origin), markingStrings: markingStrings.de }),
    ).toBe('marked');

  it('lets ordinary mail go without asking the bridge', async () => {
    expect(await guardSend(deps())).toEqual({ allowEvent: true });
    expect(bridgeAsked).toBe(0);
  });

  it('lets a message marked by LedgerMail go as it is', async () => {
    await markRegistered();
    expect(await guardSend(deps())).toEqual({ allowEvent: true });
    expect(bridgeAsked).toBe(1);
  });

  it('holds a marked message whose prefix was removed, saying it would go as confidential', async () => {
    await markRegistered();
    await setSubject('Invoice 2026-0042');
    const answer = await guardSend(deps());
    expect(answer.allowEvent).toBe(false);
    expect(answer).toMatchObject({ errorMessage: expect.stringMatching(/eingeschrieben|Einschreiben/) });
  });

  it('holds a recipient added after marking, naming them, even with the bridge down', async () => {
    await markRegistered();
    await addTo('neu@example.org');
    const down = deps({ policy: () => Promise.reject(new Error('bridge down')) });
    const answer = await guardSend(down);
    expect(answer).toMatchObject({ allowEvent: false, errorMessage: expect.stringContaining('neu@example.org') });
  });

  it('lets a consistent marked message go with the bridge down', async () => {
    await markRegistered();
    const down = deps({
      policy: () => Promise.reject(new Error('bridge down')),
      documents: () => Promise.reject(new Error('bridge down')),
    });
    expect(await guardSend(down)).toEqual({ allowEvent: true });
  });
});
