import type { SendAttempt } from '../contract/item-state';
import type { SendRecord, SendStatus } from '../contract/sends.schemas';
import { ARRIVAL_WINDOW_MS, judgeEarlierSend } from './earlier-send';

const attempt: SendAttempt = {
  key: 'a'.repeat(48),
  generation: 0,
  mode: 'registered',
  startedAt: '2026-12-03T13:05:00.000Z',
};
const started = Date.parse(attempt.startedAt);

const record = (status: SendStatus): SendRecord => ({
  id: '0f8fad5b-d9cb-469f-a165-70867728950e',
  status,
  mode: 'registered',
  from: 'anna.keller@example.ch',
  subject: '<r>Invoice 2026-0042',
  recipients: { to: ['max@example.org.incamail.ch'], cc: [], bcc: [] },
  documentIds: [],
  attachmentCount: 1,
  sizeBytes: 8_400_000,
  attempts: 1,
  smtpResponse: null,
  messageId: null,
  error: null,
  refusedRecipients: [],
  accountingUpdate: 'none',
  createdAt: attempt.startedAt,
  updatedAt: attempt.startedAt,
  acceptedAt: null,
});

describe('what became of a send an interrupted add-in had started', () => {
  it.each([
    ['accepted', 'sent'],
    ['received', 'sending'],
    ['submitting', 'sending'],
    ['failed', 'refused'],
    ['uncertain', 'uncertain'],
  ] as const)('a send the bridge holds as %s was %s', (status, outcome) => {
    // However old: what the bridge recorded is the answer.
    for (const now of [started, started + 24 * 3_600_000]) {
      expect(judgeEarlierSend(attempt, record(status), now)).toEqual({ outcome, record: record(status) });
    }
  });

  it('without a send under the key: may still arrive while the upload can last, then was not sent', () => {
    expect(judgeEarlierSend(attempt, null, started)).toEqual({ outcome: 'not-received-yet' });
    expect(judgeEarlierSend(attempt, null, started + ARRIVAL_WINDOW_MS)).toEqual({ outcome: 'not-received-yet' });
    expect(judgeEarlierSend(attempt, null, started + ARRIVAL_WINDOW_MS + 1)).toEqual({ outcome: 'not-received' });
  });

  it('waits out the upload for as long as the command’s request may take, and a little more', () => {
    expect(ARRIVAL_WINDOW_MS).toBeGreaterThan(120_000);
    expect(ARRIVAL_WINDOW_MS).toBeLessThan(5 * 60_000);
  });
});
