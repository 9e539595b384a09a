/**
 * The Registered / Confidential command end to end below the browser: the real command code over the
 * simulated Office item, the real bridge (outbox, SMTP submission, built-in ledger) on a loopback port, and
 * a real SMTP server standing in for IncaMail.
 */
import type { FastifyInstance } from 'fastify';
import { ATTACHED_DOCUMENTS_KEY } from '../../src/contract/item-state';
import { runSecureSend, type SecureSendDeps } from '../../src/commands/secure-send';
import { sendRegistered } from '../../src/commands/secure-send-handlers';
import { commandStrings } from '../../src/commands/strings';
import { buildApp } from '../../src/server/app';
import { devAuthHeaders } from '../support/dev-auth';
import { ANNA, annasDraftInOutlook, draftContent, secureSendDeps, sendNotification } from '../support/outlook-draft';
import { testBridgeConfig } from '../support/bridge-config';
import { startSmtpFaultProxy, type SmtpFault, type SmtpFaultProxy } from '../support/smtp-faults';
import { startSmtpSink, type SmtpSink, type SmtpSinkOptions, type SinkReply } from '../support/smtp-sink';
import { createSendsClient } from '../../src/services/sends-client';
import { createSignedInBridgeClient } from '../../src/services/signed-in-bridge';
import { useTempDir } from '../support/temp-dir';
import { eventually } from '../support/eventually';
import { REGISTERED_WARN_BYTES } from '../../src/contract/message-size';
import { base64OfZeroBytes, messageOfEncodedSize } from '../support/message-at-size';

describe('Registered command over the real bridge', () => {
  const tempDir = useTempDir();
  let sink: SmtpSink;
  let proxy: SmtpFaultProxy | undefined;
  let app: FastifyInstance;
  let origin: string;
  let sim: ReturnType<typeof annasDraftInOutlook>;
  let dataReplies: (SinkReply | undefined)[];
  let rcptReplies: Record<string, SinkReply>;

  async function startBridge(sinkOptions: SmtpSinkOptions = {}, faults?: SmtpFault[]) {
    sink = await startSmtpSink({
      parse: true,
      replyToData: (n) => dataReplies[n - 1],
      replyToRcpt: (_n, address) => rcptReplies[address],
      ...sinkOptions,
    });
    proxy = faults ? await startSmtpFaultProxy(sink.port, faults) : undefined;
    const config = testBridgeConfig(tempDir(), proxy?.port ?? sink.port, {
      INCAMAIL_RETRY_SECONDS: '0.05',
      INCAMAIL_MAX_ATTEMPTS: '2',
    });
    app = await buildApp({ config, logger: false });
    origin = await app.listen({ host: '127.0.0.1', port: 0 });
  }

  beforeEach(async () => {
    dataReplies = [];
    rcptReplies = {};
    await startBridge();
    sim = annasDraftInOutlook();
  });

  /** The bridge again, over a gateway that answers each message only after `ms`. */
  async function restartWithSlowIncaMail(ms: number) {
    await app.close();
    await sink.close();
    await startBridge({ dataReplyDelayMs: ms });
  }

  /** The command's own client, over a fetch that notes each request to a send's state. */
  function depsSeeingStateRequests(change: Partial<SecureSendDeps> = {}) {
    const stateRequests: string[] = [];
    const seeing: typeof fetch = (input, init) => {
      const url = String(input);
      if (/\/api\/sends\/[^/?]+/.test(url)) stateRequests.push(url);
      return fetch(input, init);
    };
    return { deps: { ...deps(), sends: sendsOver(seeing), ...change }, stateRequests };
  }

  /** The command's own client, as Outlook's user, over a fetch the test controls. */
  const sendsOver = (over: typeof fetch) =>
    createSendsClient(createSignedInBridgeClient({ baseUrl: origin, userEmail: () => ANNA, fetch: over }));

  afterEach(async () => {
    await app?.close();
    await proxy?.close();
    await sink?.close();
    sim.uninstall();
  });

  async function attachLedgerInvoice(): Promise<{ documentId: string; pdf: Buffer }> {
    const headers = await devAuthHeaders(origin, ANNA);
    const page = (await (
      await fetch(`${origin}/api/documents?kind=invoice&status=open&limit=1`, { headers })
    ).json()) as {
      items: { id: string; number: string }[];
    };
    const document = page.items[0]!;
    const pdf = Buffer.from(
      await (await fetch(`${origin}/api/documents/${document.id}/pdf`, { headers })).arrayBuffer(),
    );
    const attachmentId = sim.host.attachFile(`Invoice-${document.number}.pdf`, pdf.toString('base64'));
    // What the task pane leaves on the item for the commands (see src/contract/item-state.ts).
    const properties = sim.state.get().customProperties;
    sim.state.update({
      customProperties: {
        ...properties,
        [ATTACHED_DOCUMENTS_KEY]: JSON.stringify([
          {
            documentId: document.id,
            attachmentId,
            fileName: `Invoice-${document.number}.pdf`,
            kind: 'invoice',
            number: document.number,
          },
        ]),
      },
    });
    return { documentId: document.id, pdf };
  }

  const deps = () => secureSendDeps(sim, origin);
  const contentOf = () => draftContent(sim);

  it('submits once with the marking, records the invoice as sent, and only then discards the draft', async () => {
    const { documentId, pdf } = await attachLedgerInvoice();

    expect(await runSecureSend('registered', deps())).toBe('discarded');

    expect(sink.messages).toHaveLength(1);
    const [message] = sink.messages;
    expect(message!.parsed.subject).toBe('<r>Invoice 2026-0042');
    expect(message!.envelope.to).toEqual(['max@example.org.incamail.ch']);
    expect(message!.parsed.from?.value[0]?.address).toBe(ANNA);
    expect(Buffer.compare(message!.parsed.attachments[0]!.content, pdf)).toBe(0);
    expect(sim.state.get().lifecycle).toBe('discarded');
    const document = (await (
      await fetch(`${origin}/api/documents/${documentId}`, { headers: await devAuthHeaders(origin) })
    ).json()) as {
      lastSent: { mode: string } | null;
    };
    expect(document.lastSent?.mode).toBe('registered');
  });

  it("waits on the bridge for IncaMail's answer (long poll), instead of asking again and again", async () => {
    await restartWithSlowIncaMail(1500);
    await attachLedgerInvoice();
    const { deps: waiting, stateRequests } = depsSeeingStateRequests();
    expect(await runSecureSend('registered', waiting)).toBe('discarded');
    expect(sink.messages).toHaveLength(1);
    // One request held open by the bridge until IncaMail answered; polling every 500 ms would ask 3 times.
    expect(stateRequests).toHaveLength(1);
    expect(stateRequests[0]).toMatch(/\?wait=\d+$/);
  });

  it('tells the user it is pending when IncaMail has not answered by the deadline, and waits no longer', async () => {
    await restartWithSlowIncaMail(4000);
    await attachLedgerInvoice();
    const before = contentOf();
    const { deps: waiting, stateRequests } = depsSeeingStateRequests({ settleTimeoutMs: 1000 });
    const started = Date.now();
    expect(await runSecureSend('registered', waiting)).toBe('pending');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(stateRequests.every((url) => /\?wait=1$/.test(url))).toBe(true);
    expect(sendNotification(sim)).toBe(commandStrings.en.pending);
    expect(contentOf()).toEqual(before);
  });

  it('leaves the draft exactly as it was when IncaMail refuses the message', async () => {
    await attachLedgerInvoice();
    dataReplies = [{ code: 554, message: '5.7.1 Recipient address rejected by gateway' }];
    const before = contentOf();

    expect(await runSecureSend('registered', deps())).toBe('failed');

    expect(contentOf()).toEqual(before);
    expect(sim.state.get().lifecycle).not.toBe('discarded');
    expect(sink.messages).toHaveLength(0);
    const notification = sendNotification(sim);
    expect(notification).toMatch(/^Not sent: IncaMail refused the message \(554/);
  });

  it('sends once when the button is clicked twice at the same time', async () => {
    await attachLedgerInvoice();
    const outcomes = await Promise.all([runSecureSend('confidential', deps()), runSecureSend('confidential', deps())]);
    expect(outcomes).toContain('discarded');
    expect(sink.messages).toHaveLength(1);
    expect(sink.messages[0]!.parsed.subject).toBe('<c>Invoice 2026-0042');
  });

  it('keeps the draft and says it was sent where the host cannot discard (Mailbox 1.13)', async () => {
    sim.host.configure({ version: '1.13' });
    expect(await runSecureSend('registered', deps())).toBe('sent-draft-kept');
    expect(sink.messages).toHaveLength(1);
    expect(sim.state.get().lifecycle).not.toBe('discarded');
    const notification = sendNotification(sim);
    expect(notification).toMatch(/You can delete this draft\.$/);
  });

  it('keeps the draft and names them when IncaMail refuses some recipients', async () => {
    rcptReplies = { 'lea@example.ch.incamail.ch': { code: 550, message: '5.1.1 Mailbox unavailable' } };
    sim.state.update({ cc: [{ displayName: 'Lea', emailAddress: 'lea@example.ch' }] });
    expect(await runSecureSend('registered', deps())).toBe('sent-draft-kept');
    expect(sink.messages).toHaveLength(1);
    expect(sim.state.get().lifecycle).not.toBe('discarded');
    const notification = sendNotification(sim);
    expect(notification).toContain('lea@example.ch.incamail.ch');
  });

  it('never sends a kept draft twice, even after it was edited', async () => {
    sim.host.configure({ version: '1.13' });
    expect(await runSecureSend('registered', deps())).toBe('sent-draft-kept');
    sim.host.editSubject('Invoice 2026-0042 (corrected)');
    expect(await runSecureSend('registered', deps())).toBe('sent-draft-kept');
    expect(sink.messages).toHaveLength(1);
    expect(sendNotification(sim)).toMatch(/^Already sent as registered via IncaMail on .*; nothing was sent again\./);

    // A draft whose send state names no attempt (kept by an add-in before it recorded them): the bridge
    // refuses the changed message under the draft's key.
    const properties = sim.state.get().customProperties;
    sim.state.update({ customProperties: { ...properties, 'ledgermail.send': JSON.stringify({ generation: 0 }) } });
    expect(await runSecureSend('registered', deps())).toBe('refused');
    expect(sink.messages).toHaveLength(1);
    expect(sendNotification(sim)).toBe(commandStrings.en.alreadySent);
  });

  it('refuses images in the text instead of sending them as loose attachments', async () => {
    const attachments = sim.state.get().attachments;
    sim.state.update({
      attachments: [
        ...attachments,
        { id: 'inline-1', name: 'logo.png', base64: 'iVBORw0KGgo=', size: 8, isInline: true, contentType: 'image/png' },
      ],
    });
    expect(await runSecureSend('registered', deps())).toBe('refused');
    expect(sink.dataAttempts()).toBe(0);
  });

  it('refuses a message without recipients before anything leaves', async () => {
    sim.state.update({ to: [] });
    expect(await runSecureSend('registered', deps())).toBe('refused');
    expect(sink.dataAttempts()).toBe(0);
  });

  describe('a send interrupted before the command could tell its outcome (a reload, a closed window)', () => {
    /** A runtime whose line drops the bridge's answer to the hand-over: the bridge has the message, the command never learns. */
    function interruptedDeps() {
      const lossy: typeof fetch = async (input, init) => {
        const response = await fetch(input, init);
        if (init?.method === 'POST' && String(input).includes('/api/sends')) throw new TypeError('Failed to fetch');
        return response;
      };
      return { ...deps(), sends: sendsOver(lossy) };
    }
    /** The add-in opened again on the same draft, noting what it asks the bridge. */
    function reopenedDeps() {
      const requests: string[] = [];
      const noting: typeof fetch = (input, init) => {
        requests.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
        return fetch(input, init);
      };
      return { deps: { ...deps(), sends: sendsOver(noting) }, requests };
    }
    /** The states of Anna's sends as the bridge holds them, newest first. */
    const sendStatuses = async () => {
      const headers = await devAuthHeaders(origin, ANNA);
      const { items } = (await (await fetch(`${origin}/api/sends`, { headers })).json()) as {
        items: { status: string }[];
      };
      return items.map((i) => i.status);
    };
    const sendState = () => JSON.parse(String(sim.state.get().customProperties['ledgermail.send'])) as unknown;

    it('records the send on the draft before handing it over', async () => {
      let atHandOver: { state: unknown; saved: unknown; key: string | null } | undefined;
      const watching: typeof fetch = async (input, init) => {
        if (init?.method === 'POST' && String(input).includes('/api/sends')) {
          const [draft] = await sim.host.savedDrafts();
          atHandOver = {
            state: sendState(),
            // What a reopened draft carries: the item was saved again after the attempt was recorded.
            saved: JSON.parse(String(draft?.customProperties['ledgermail.send'])),
            key: new Headers(init.headers).get('idempotency-key'),
          };
        }
        return fetch(input, init);
      };
      expect(await runSecureSend('registered', { ...deps(), sends: sendsOver(watching) })).toBe('discarded');
      const recorded = {
        generation: 0,
        attempt: { key: atHandOver?.key, generation: 0, mode: 'registered', startedAt: expect.any(String) },
      };
      expect(atHandOver?.state).toEqual(recorded);
      expect(atHandOver?.saved).toEqual(recorded);
    });

    it('says it was sent, and when, and sends nothing again', async () => {
      expect(await runSecureSend('registered', interruptedDeps())).toBe('pending');
      await sink.waitForMessages(1);
      await eventually(async () => expect(await sendStatuses()).toEqual(['accepted']));

      const { deps: reopened, requests } = reopenedDeps();
      expect(await runSecureSend('registered', reopened)).toBe('sent-draft-kept');
      expect(requests).not.toContain('POST /api/sends');
      expect(sink.messages).toHaveLength(1);
      expect(sim.state.get().lifecycle).not.toBe('discarded');
      expect(sendNotification(sim)).toMatch(
        /^Already sent as registered via IncaMail on \d{2}\.\d{2}\.\d{4} at \d{2}:\d{2} \(ref\. [0-9a-f]{8}\); nothing was sent again\. You can delete this draft\.$/,
      );
    });

    it('waits for a send the bridge is still submitting instead of handing it over again', async () => {
      await restartWithSlowIncaMail(1500);
      expect(await runSecureSend('registered', interruptedDeps())).toBe('pending');
      const { deps: reopened, requests } = reopenedDeps();
      expect(await runSecureSend('registered', reopened)).toBe('discarded');
      expect(requests).not.toContain('POST /api/sends');
      expect(sink.messages).toHaveLength(1);
    });

    it('says delivery is uncertain when the line broke after the hand-over, and sends nothing', async () => {
      await app.close();
      await sink.close();
      await startBridge({}, ['drop-after-data']);
      expect(await runSecureSend('registered', interruptedDeps())).toBe('pending');
      // The gateway kept the message; its answer never reached the bridge.
      await eventually(() => expect(sink.messages).toHaveLength(1));
      await eventually(async () => expect(await sendStatuses()).toEqual(['uncertain']));
      const { deps: reopened, requests } = reopenedDeps();
      expect(await runSecureSend('registered', reopened)).toBe('uncertain');
      expect(requests).not.toContain('POST /api/sends');
      expect(sendNotification(sim)).toBe(commandStrings.en.uncertain);
      expect(sink.messages).toHaveLength(1);
    });

    it('takes a click after a send IncaMail refused for a new attempt', async () => {
      dataReplies = [{ code: 554, message: '5.7.1 Message refused' }];
      expect(await runSecureSend('registered', interruptedDeps())).toBe('pending');
      await eventually(() => expect(sink.dataAttempts()).toBe(1));
      const { deps: reopened, requests } = reopenedDeps();
      expect(await runSecureSend('registered', reopened)).toBe('discarded');
      expect(requests).toContain('POST /api/sends');
      expect(sink.messages).toHaveLength(1);
    });

    it('hands the message over under the same key when the first hand-over never arrived', async () => {
      const refused: typeof fetch = (input, init) =>
        init?.method === 'POST' ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init);
      expect(await runSecureSend('registered', { ...deps(), sends: sendsOver(refused) })).toBe('pending');
      expect(sink.dataAttempts()).toBe(0);
      expect(await runSecureSend('registered', deps())).toBe('discarded');
      expect(sink.messages).toHaveLength(1);
    });
  });

  describe('a registered message over IncaMail’s size advice', () => {
    /** Anna's draft grown to exactly `target` bytes as IncaMail counts it (a Cc and a scan make up the size). */
    function draftOfEncodedSize(target: number) {
      const { to, subject, body } = sim.state.get();
      const { extraRecipient, attachmentBytes } = messageOfEncodedSize(target, {
        subject,
        html: body.content,
        addresses: [ANNA, ...to.map((r) => r.emailAddress)],
        attachmentName: 'Scan.pdf',
      });
      sim.state.update({ cc: [{ displayName: extraRecipient, emailAddress: extraRecipient }] });
      sim.host.attachFile('Scan.pdf', base64OfZeroBytes(attachmentBytes));
    }
    /** The user's clock, moved on by the test: a confirmation counts only once the warning could be read. */
    let clock = 0;
    const withClock = (change: Partial<SecureSendDeps> = {}) => ({ ...deps(), now: () => clock, ...change });
    beforeEach(() => {
      clock = Date.parse('2026-12-03T10:00:00Z');
    });

    it('sends a message of exactly the advised size at once, without asking', async () => {
      const { registeredWarnBytes } = (await await fetch(`${origin}/api/policy`, {
        headers: await devAuthHeaders(origin, ANNA),
      }).then((r) => r.json())) as { registeredWarnBytes: number };
      expect(registeredWarnBytes).toBe(REGISTERED_WARN_BYTES);
      draftOfEncodedSize(registeredWarnBytes);
      expect(await runSecureSend('registered', withClock())).toBe('discarded');
      expect(sink.messages).toHaveLength(1);
    });

    it('one byte more: warns with the size in the user’s language and sends nothing until a second click', async () => {
      draftOfEncodedSize(REGISTERED_WARN_BYTES + 1);
      const before = contentOf();
      expect(await runSecureSend('registered', withClock({ strings: commandStrings.de }))).toBe(
        'awaiting-confirmation',
      );
      expect(sink.dataAttempts()).toBe(0);
      expect(contentOf()).toEqual(before);
      expect(sim.state.get().lifecycle).not.toBe('discarded');
      expect(sendNotification(sim)).toBe(
        'IncaMail rät von Eingeschriebenen über 10 MB ab (Verschlüsselung kann sie verdoppeln); diese hat 10.1 MB. Erneut klicken sendet sie trotzdem.',
      );

      clock += 5_000;
      expect(await runSecureSend('registered', withClock({ strings: commandStrings.de }))).toBe('discarded');
      expect(sink.messages).toHaveLength(1);
      expect(sink.messages[0]!.parsed.subject).toBe('<r>Invoice 2026-0042');
    });

    it('takes a click right after the warning (a double click) for no answer, and asks again', async () => {
      draftOfEncodedSize(REGISTERED_WARN_BYTES + 1);
      expect(await runSecureSend('registered', withClock())).toBe('awaiting-confirmation');
      clock += 300;
      expect(await runSecureSend('registered', withClock())).toBe('awaiting-confirmation');
      expect(sink.dataAttempts()).toBe(0);
      expect(sendNotification(sim)).toMatch(/^IncaMail advises against registered mail over 10 MB/);
    });

    it('asks again when the message changed after the warning, or the warning is old', async () => {
      draftOfEncodedSize(REGISTERED_WARN_BYTES + 1);
      expect(await runSecureSend('registered', withClock())).toBe('awaiting-confirmation');
      sim.host.editSubject('Invoice 2026-0042 and the scans');
      clock += 5_000;
      expect(await runSecureSend('registered', withClock())).toBe('awaiting-confirmation');
      clock += 60 * 60_000;
      expect(await runSecureSend('registered', withClock())).toBe('awaiting-confirmation');
      expect(sink.dataAttempts()).toBe(0);
    });

    it('sends confidential mail of that size without asking: the advice is about registered mail', async () => {
      draftOfEncodedSize(REGISTERED_WARN_BYTES + 1);
      expect(await runSecureSend('confidential', withClock())).toBe('discarded');
      expect(sink.messages).toHaveLength(1);
    });
  });

  it('completes the ribbon event through the real handler wiring, here with no bridge at its address', async () => {
    sim.office.actions.associate('sendRegistered', sendRegistered as never);
    const run = await sim.host.runFunction('sendRegistered', 'LedgerMail.Registered');
    expect(run.status).toBe('completed');
    expect(run.completedCalls).toBe(1);
    expect(sink.dataAttempts()).toBe(0);
    expect(sim.state.get().lifecycle).not.toBe('discarded');
  });
});
