/**
 * The send guard on Outlook's Send, over the simulated Office item and the real bridge on the mailbox route:
 * ordinary mail goes without asking anyone, a marking broken after it was made is held with the reason in the
 * user's language, and without the bridge the marking is still checked while nothing else stands in the way.
 */
import type { FastifyInstance } from 'fastify';
import { markingStrings } from '../../src/commands/marking-strings';
import { ATTACHED_DOCUMENTS_KEY, serializeAttachedDocuments } from '../../src/contract/item-state';
import { runSecureSend } from '../../src/commands/secure-send';
import { guardSend, type GuardDeps } from '../../src/commands/send-guard';
import { buildApp } from '../../src/server/app';
import { createOutgoingItem } from '../../src/services/outgoing-message';
import { createSendsClient } from '../../src/services/sends-client';
import { createSignedInBridgeClient } from '../../src/services/signed-in-bridge';
import { testBridgeConfig } from '../support/bridge-config';
import { base64OfZeroBytes } from '../support/message-at-size';
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
      outlook: { alertActions: true, markdown: true },
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

  const attach = (name: string, base64: string) => sim.host.attachFile(name, base64);
  const MB = 1_000_000;

  it.each(['Rechnung.pdf.exe', 'Rechnung.exe.', 'Rechnung\u202efdp.exe', 'setup.e\u00adxe'])(
    'holds a marked message carrying an executable, also disguised as %j',
    async (name) => {
      await markRegistered();
      attach(name, Buffer.from('MZ\x90\x00program').toString('base64'));
      const answer = await guardSend(deps());
      expect(answer).toMatchObject({ allowEvent: false, errorMessage: expect.stringContaining('IncaMail lehnt ab') });
      expect(answer).not.toHaveProperty('sendModeOverride');
    },
  );

  it('holds a marked message of 31 MB, which IncaMail would refuse', async () => {
    await markRegistered();
    attach('Scan.pdf', base64OfZeroBytes(24 * MB));
    const answer = await guardSend(deps());
    expect(answer).toMatchObject({
      allowEvent: false,
      errorMessage: expect.stringMatching(/IncaMail nimmt etwa [\d.]+ MB/),
    });
    expect(answer).not.toHaveProperty('sendModeOverride');
  });

  it('warns of 12 MB registered with Send Anyway where Outlook offers it (Mailbox 1.14)', async () => {
    await markRegistered();
    attach('Scan.pdf', base64OfZeroBytes(9 * MB));
    const answer = await guardSend(deps());
    expect(answer).toMatchObject({ allowEvent: false, sendModeOverride: 'promptUser' });
    expect(answer).toMatchObject({ errorMessage: expect.stringContaining('10 MB') });
  });

  it('lets 12 MB registered go on an Outlook that could only block it (below Mailbox 1.14)', async () => {
    await markRegistered();
    attach('Scan.pdf', base64OfZeroBytes(9 * MB));
    expect(await guardSend(deps({ outlook: { alertActions: false, markdown: false } }))).toEqual({
      allowEvent: true,
    });
  });

  it('lists the reasons in Markdown where Outlook shows it (Mailbox 1.15), and in plain text beside it', async () => {
    await markRegistered();
    await setSubject('Invoice 2026-0042');
    await addTo('neu_1*@example.org');
    const answer = await guardSend(deps());
    if (answer.allowEvent) throw new Error('the guard let it go');
    const items = answer.errorMessageMarkdown?.split('\r').filter((line) => line.startsWith('- '));
    expect(items?.length).toBeGreaterThanOrEqual(2);
    expect(answer.errorMessageMarkdown).toContain('neu\\_1\\*@example.org');
    expect(answer.errorMessage).toContain('neu_1*@example.org');
    const plainOnly = await guardSend(deps({ outlook: { alertActions: true, markdown: false } }));
    expect(plainOnly).not.toHaveProperty('errorMessageMarkdown');
  });

  it('answers within its deadline when the bridge hangs, judging the marking alone', async () => {
    await markRegistered();
    await addTo('neu@example.org');
    const hanging = () => new Promise<never>(() => undefined);
    const started = Date.now();
    const answer = await guardSend(deps({ policy: hanging, documents: hanging, bridgeDeadlineMs: 300 }));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(answer).toMatchObject({ allowEvent: false, errorMessage: expect.stringContaining('neu@example.org') });
  });

  it('with the bridge down, lets a message marked by hand as Swiss Post documents it go: the route is the bridge’s to say', async () => {
    await setSubject('<r>Invoice 2026-0042');
    await new Promise<void>((resolve) => office().to.setAsync(['max@example.org.incamail.ch'], () => resolve()));
    const down = deps({ policy: () => Promise.reject(new Error('bridge down')) });
    expect(await guardSend(down)).toEqual({ allowEvent: true });
    // An unsuffixed recipient is caught all the same: that holds on either route.
    await addTo('neu@example.org');
    expect(await guardSend(down)).toMatchObject({ allowEvent: false, errorMessage: expect.stringContaining('neu@') });
  });

  it('offers to open LedgerMail’s pane from the alert when a document must come off (Mailbox 1.14), not otherwise', async () => {
    await markRegistered();
    const paid = async () => [
      { id: 'rem-7', number: 'M-2026-0007-2', kind: 'reminder' as const, level: 2 as const, status: 'paid' as const },
    ];
    await new Promise<void>((resolve) =>
      office().loadCustomPropertiesAsync((result) => {
        result.value.set(
          ATTACHED_DOCUMENTS_KEY,
          serializeAttachedDocuments([
            {
              documentId: 'rem-7',
              attachmentId: sim.host.attachFile('M-2026-0007-2.pdf', 'JVBERi0='),
              fileName: 'M-2026-0007-2.pdf',
              kind: 'reminder',
              number: 'M-2026-0007-2',
            },
          ]),
        );
        result.value.saveAsync(() => resolve());
      }),
    );
    const answer = await guardSend(deps({ documents: paid }));
    expect(answer).toMatchObject({
      allowEvent: false,
      cancelLabel: 'LedgerMail öffnen',
      commandId: 'LedgerMail.Invoices',
    });
    expect(
      await guardSend(deps({ documents: paid, outlook: { alertActions: false, markdown: false } })),
    ).not.toHaveProperty('commandId');
    // A marking problem is mended with the ribbon, not in the pane.
    await setSubject('Invoice 2026-0042');
    expect(await guardSend(deps())).not.toHaveProperty('commandId');
  });
});
