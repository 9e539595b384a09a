/**
 * Registered / Confidential on the mailbox route: the real command code over the simulated Office item and
 * the real bridge (INCAMAIL_ROUTE=mailbox) on a loopback port. The draft itself is marked and nothing is
 * submitted; Remove marking gives back exactly what the user wrote.
 */
import type { FastifyInstance } from 'fastify';
import { removeIncaMailMarking } from '../../src/commands/mailbox-marking';
import { markingStrings } from '../../src/commands/marking-strings';
import { runSecureSend } from '../../src/commands/secure-send';
import { commandStrings } from '../../src/commands/strings';
import { MARKING_STATE_KEY } from '../../src/contract/item-state';
import { buildApp } from '../../src/server/app';
import { createOutgoingItem } from '../../src/services/outgoing-message';
import { testBridgeConfig } from '../support/bridge-config';
import { ANNA, annasDraftInOutlook, draftContent, secureSendDeps, sendNotification } from '../support/outlook-draft';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { useTempDir } from '../support/temp-dir';

describe('the mailbox route from the ribbon', () => {
  const tempDir = useTempDir();
  let sink: SmtpSink;
  let app: FastifyInstance;
  let origin: string;
  let sim: ReturnType<typeof annasDraftInOutlook>;

  beforeEach(async () => {
    sink = await startSmtpSink();
    const config = testBridgeConfig(tempDir(), sink.port, { INCAMAIL_ROUTE: 'mailbox', SEND_MODES: 'registered' });
    app = await buildApp({ config, logger: false });
    origin = await app.listen({ host: '127.0.0.1', port: 0 });
    sim = annasDraftInOutlook();
  });
  afterEach(async () => {
    sim.uninstall();
    await app.close();
    await sink.close();
  });

  const item = () => createOutgoingItem(sim.office.context.mailbox.item as unknown as Office.MessageCompose, ANNA);
  const addresses = () => sim.state.get().to.map((r) => r.emailAddress);
  const notification = () => sim.state.get().notifications.find((n) => n.key === 'ledgermail-send');

  it('marks the draft, sends nothing, and says so lastingly with the way back; twice changes nothing', async () => {
    const before = draftContent(sim);
    expect(await runSecureSend('registered', secureSendDeps(sim, origin))).toBe('marked');
    expect(sim.state.get().subject).toBe('<r>Invoice 2026-0042');
    expect(sim.state.get().to).toEqual([{ displayName: 'Max Muster', emailAddress: 'max@example.org.incamail.ch' }]);
    expect(notification()).toMatchObject({ type: 'informationalMessage', persistent: true });
    expect(sendNotification(sim)).toBe(markingStrings.en.marked('registered'));
    expect(sim.state.get().lifecycle).not.toBe('discarded');
    expect(sink.messages).toHaveLength(0);
    const marked = draftContent(sim);
    expect(await runSecureSend('registered', secureSendDeps(sim, origin))).toBe('marked');
    expect(draftContent(sim)).toEqual(marked);
    expect(marked.body).toEqual(before.body);
  });

  it('refuses a mode the policy does not offer, leaving the draft as it was', async () => {
    const before = draftContent(sim);
    expect(await runSecureSend('confidential', secureSendDeps(sim, origin))).toBe('refused');
    expect(draftContent(sim)).toEqual(before);
    // Outlook cannot hide the Personal button where the policy does not offer it: it explains itself.
    expect(await runSecureSend('personal', secureSendDeps(sim, origin))).toBe('refused');
    expect(sendNotification(sim)).toBe(commandStrings.en.modeNotAllowed('personal'));
    expect(draftContent(sim)).toEqual(before);
  });

  it('gives back exactly what the user wrote on Remove marking, and forgets the marking', async () => {
    const before = draftContent(sim);
    await runSecureSend('registered', secureSendDeps(sim, origin));
    const deps = { item: item(), strings: markingStrings.en, recipientSuffix: '.incamail.ch' };
    expect(await removeIncaMailMarking(deps)).toBe('removed');
    expect(draftContent(sim)).toEqual(before);
    expect(addresses()).toEqual(['max@example.org']);
    expect(sim.state.get().customProperties[MARKING_STATE_KEY]).toBeUndefined();
    expect(await removeIncaMailMarking(deps)).toBe('not-marked');
    expect(draftContent(sim)).toEqual(before);
  });
});
