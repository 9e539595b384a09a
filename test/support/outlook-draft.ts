import type { SecureSendDeps } from '../../src/commands/secure-send';
import { markingStrings } from '../../src/commands/marking-strings';
import { commandStrings } from '../../src/commands/strings';
import { createOutgoingItem } from '../../src/services/outgoing-message';
import { interactiveEntraSignIn } from '../../src/services/entra-sign-in';
import { createSendsClient } from '../../src/services/sends-client';
import { createSignedInBridgeClient } from '../../src/services/signed-in-bridge';
import { createSimulatedOffice, type SimulatedOffice } from '../../src/workbench/office-sim';

export const ANNA = 'anna.keller@example.ch';

/**
 * Anna Keller's draft to Max Muster in a simulated Outlook (Mailbox 1.15), installed as the global `Office`
 * the command code reads; `uninstall` removes it again.
 */
export function annasDraftInOutlook(): SimulatedOffice & { uninstall: () => void } {
  const sim = createSimulatedOffice({
    version: '1.15',
    userProfile: { displayName: 'Anna Keller', emailAddress: ANNA },
    compose: {
      to: [{ displayName: 'Max Muster', emailAddress: 'max@example.org' }],
      subject: 'Invoice 2026-0042',
      body: { type: 'html', content: '<p>Dear Max, please find the invoice attached.</p>' },
    },
  });
  Object.assign(globalThis, { Office: sim.office });
  return { ...sim, uninstall: () => Reflect.deleteProperty(globalThis, 'Office') };
}

/** What the Registered / Confidential command needs, wired to the real bridge at `origin` as Outlook's user. */
export function secureSendDeps(sim: SimulatedOffice, origin: string): SecureSendDeps {
  return {
    item: createOutgoingItem(sim.office.context.mailbox.item as unknown as Office.MessageCompose, ANNA),
    sends: createSendsClient(
      createSignedInBridgeClient({
        baseUrl: origin,
        userEmail: () => ANNA,
        entra: interactiveEntraSignIn({ bridgeBase: origin }),
      }),
    ),
    strings: commandStrings.en,
    markingStrings: markingStrings.en,
    canDiscard: sim.office.context.requirements.isSetSupported('Mailbox', '1.14'),
    settleTimeoutMs: 10_000,
    // Below the test client's default 15 s time-out.
    waitSeconds: 5,
  };
}

/** The command's notification on the draft, as the person reads it. */
export function sendNotification(sim: SimulatedOffice): string | undefined {
  return sim.state.get().notifications.find((n) => n.key === 'ledgermail-send')?.message;
}

/** What must not change when a send fails: recipients, subject, body and attachments. */
export function draftContent(sim: SimulatedOffice) {
  const { to, cc, bcc, subject, body, attachments } = sim.state.get();
  return { to, cc, bcc, subject, body, attachments };
}
