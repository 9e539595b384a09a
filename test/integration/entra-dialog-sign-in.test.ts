/**
 * The Registered command on an Outlook without nested app authentication, against a bridge that accepts
 * only Microsoft Entra ID tokens: the real command code opens LedgerMail's sign-in dialog through the
 * simulated Office, the test plays the dialog page (it hands back a token signed by a local stand-in for
 * Entra's keys), and the real bridge validates that token before anything goes to IncaMail.
 */
import type { FastifyInstance } from 'fastify';
import { runSecureSend } from '../../src/commands/secure-send';
import { commandStrings } from '../../src/commands/strings';
import { buildApp } from '../../src/server/app';
import type { SimulatedDialog } from '../../src/workbench/office-sim';
import { startEntraKeys, TEST_AUDIENCE, TEST_CLIENT_ID, TEST_TENANT, type EntraKeys } from '../support/entra-keys';
import { ANNA, annasDraftInOutlook, draftContent, secureSendDeps, sendNotification } from '../support/outlook-draft';
import { testBridgeConfig } from '../support/bridge-config';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { useTempDir } from '../support/temp-dir';

describe('Registered command signed in through the Office dialog (Entra ID, no nested app authentication)', () => {
  const tempDir = useTempDir();
  let keys: EntraKeys;
  let sink: SmtpSink;
  let app: FastifyInstance;
  let origin: string;
  let sim: ReturnType<typeof annasDraftInOutlook>;
  let playDialog: (dialog: SimulatedDialog) => void | Promise<void>;
  let stopPlaying: () => void;

  beforeEach(async () => {
    keys = await startEntraKeys();
    sink = await startSmtpSink({ parse: true });
    const config = testBridgeConfig(tempDir(), sink.port, {
      AUTH: 'entra',
      ENTRA_CLIENT_ID: TEST_CLIENT_ID,
      ENTRA_AUDIENCE: TEST_AUDIENCE,
      ENTRA_TENANT_IDS: TEST_TENANT,
      ENTRA_JWKS_URL: keys.jwksUrl,
    });
    app = await buildApp({ config, logger: false });
    origin = await app.listen({ host: '127.0.0.1', port: 0 });
    sim = annasDraftInOutlook();
    stopPlaying = sim.host.dialogs.onOpen((dialog) => void playDialog(dialog));
  });

  afterEach(async () => {
    stopPlaying();
    await app.close();
    await sink.close();
    await keys.close();
    sim.uninstall();
  });

  const deps = () => ({ ...secureSendDeps(sim, origin), canDiscard: true });
  const notification = () => sendNotification(sim);
  const draft = () => draftContent(sim);

  it("opens the bridge's sign-in dialog once and sends as the person the token names", async () => {
    playDialog = async (dialog) =>
      dialog.messageParent(JSON.stringify({ status: 'signed-in', token: await keys.sign({}) }));

    expect(await runSecureSend('registered', deps())).toBe('discarded');

    expect(sim.host.dialogs.opened().map((d) => d.url)).toEqual([
      `${origin}/auth-dialog.html?hint=anna.keller%40example.ch`,
    ]);
    expect(sink.messages).toHaveLength(1);
    expect(sink.messages[0]!.parsed.from?.value[0]?.address).toBe(ANNA);
    expect(sink.messages[0]!.parsed.subject).toBe('<r>Invoice 2026-0042');
  });

  it("refuses to send Anna's draft with a token for somebody else, and keeps the draft", async () => {
    playDialog = async (dialog) =>
      dialog.messageParent(
        JSON.stringify({
          status: 'signed-in',
          token: await keys.sign({ oid: 'oid-bob', preferred_username: 'bob@example.ch', name: 'Bob' }),
        }),
      );
    const before = draft();

    // The bridge answers 403 to the submission: the sender is the caller's own address or nobody's.
    expect(await runSecureSend('registered', deps())).toBe('failed');

    expect(sink.messages).toHaveLength(0);
    expect(draft()).toEqual(before);
    expect(notification()).toBe(commandStrings.en.notSent(commandStrings.en.errors.byCode.forbidden!));
  });

  it('sends nothing and says so when the person closes the sign-in dialog', async () => {
    playDialog = (dialog) => dialog.closeByUser();
    const before = draft();

    expect(await runSecureSend('confidential', deps())).toBe('refused');

    expect(sink.messages).toHaveLength(0);
    expect(draft()).toEqual(before);
    expect(sim.state.get().lifecycle).not.toBe('discarded');
    expect(notification()).toBe('Not sent: Sign-in was cancelled. Your draft is unchanged.');
  });

  it('sends nothing when the dialog hands back a token Entra did not sign', async () => {
    playDialog = async (dialog) =>
      dialog.messageParent(JSON.stringify({ status: 'signed-in', token: await keys.sign({}, { key: 'unpublished' }) }));

    expect(await runSecureSend('registered', deps())).toBe('refused');

    expect(sink.messages).toHaveLength(0);
    expect(notification()).toBe(commandStrings.en.notSent(commandStrings.en.errors.byCode.unauthorized!));
    // The bridge answered 401; the client signed in once more before giving up.
    expect(sim.host.dialogs.opened()).toHaveLength(2);
  });
});
