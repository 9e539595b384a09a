import type { CommandRun } from './command-runs';
import { DEFAULT_BLOCK_MESSAGE, smartAlertOf, type SendMode } from './smart-alerts';

const run = (change: Partial<CommandRun>): CommandRun => ({
  id: 1,
  functionName: 'onMessageSendHandler',
  controlId: 'OnMessageSend',
  startedAt: 0,
  status: 'completed',
  completedCalls: 1,
  ...change,
});
const said = (completedWith: unknown) => run({ completedWith });

describe('Smart Alerts in the simulated Outlook', () => {
  it('sends when the handler allows it, whatever the send mode', () => {
    for (const mode of ['PromptUser', 'SoftBlock', 'Block'] as const) {
      expect(smartAlertOf(said({ allowEvent: true }), mode, '1.15')).toBeUndefined();
    }
  });

  it.each<[SendMode, string[]]>([
    ['PromptUser', ['send-anyway', 'dont-send']],
    ['SoftBlock', ['dont-send']],
    ['Block', ['dont-send']],
  ])('offers under %s, when the handler blocks: %j', (mode, choices) => {
    const alert = smartAlertOf(said({ allowEvent: false, errorMessage: 'Nein.' }), mode, '1.12');
    expect(alert).toEqual({ kind: 'blocked', message: 'Nein.', choices });
  });

  it('turns SoftBlock into PromptUser on sendModeOverride from Mailbox 1.14 on, not before', () => {
    const warning = said({ allowEvent: false, errorMessage: 'Gross.', sendModeOverride: 'promptUser' });
    expect(smartAlertOf(warning, 'SoftBlock', '1.14')?.choices).toEqual(['send-anyway', 'dont-send']);
    expect(smartAlertOf(warning, 'SoftBlock', '1.13')?.choices).toEqual(['dont-send']);
  });

  it('shows the Markdown from Mailbox 1.15 on, and Outlook’s own text when the handler gives none', () => {
    const answer = said({ allowEvent: false, errorMessage: 'a', errorMessageMarkdown: '- a\r' });
    expect(smartAlertOf(answer, 'SoftBlock', '1.15')?.markdown).toBe('- a\r');
    expect(smartAlertOf(answer, 'SoftBlock', '1.14')).not.toHaveProperty('markdown');
    expect(smartAlertOf(run({}), 'SoftBlock', '1.15')?.message).toBe(DEFAULT_BLOCK_MESSAGE);
  });

  it('offers Take Action with the handler’s label from Mailbox 1.14 when it names a command, before Don’t Send', () => {
    const answer = said({
      allowEvent: false,
      errorMessage: 'Bezahlt.',
      cancelLabel: 'LedgerMail öffnen',
      commandId: 'X',
    });
    expect(smartAlertOf(answer, 'SoftBlock', '1.14')).toMatchObject({
      choices: ['take-action', 'dont-send'],
      takeAction: { label: 'LedgerMail öffnen', commandId: 'X' },
    });
    expect(smartAlertOf(answer, 'SoftBlock', '1.13')).toEqual({
      kind: 'blocked',
      message: 'Bezahlt.',
      choices: ['dont-send'],
    });
  });

  it.each<[SendMode, string[]]>([
    ['PromptUser', ['send-anyway', 'try-later']],
    ['SoftBlock', ['send-anyway', 'try-later']],
    ['Block', ['try-later']],
  ])('lets an unavailable add-in be sent past under %s: %j', (mode, choices) => {
    expect(smartAlertOf(run({ status: 'threw', completedCalls: 0 }), mode, '1.15')?.choices).toEqual(choices);
    expect(smartAlertOf(run({ status: 'not-associated', completedCalls: 0 }), mode, '1.15')?.kind).toBe('unavailable');
  });

  it('after five minutes, offers Send Anyway under PromptUser only', () => {
    const late = run({ status: 'timed-out', completedCalls: 0 });
    expect(smartAlertOf(late, 'PromptUser', '1.15')?.choices).toEqual(['send-anyway', 'dont-send']);
    expect(smartAlertOf(late, 'SoftBlock', '1.15')?.choices).toEqual(['dont-send']);
  });
});
