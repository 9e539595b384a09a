import { showNotification } from '../../services/office-item';
import { createSimulatedOffice, MAX_BASE64_LENGTH, OfficeArgumentError } from './index';

function call<T>(run: (callback: (result: Office.AsyncResult<T>) => void) => void): Promise<Office.AsyncResult<T>> {
  return new Promise((resolve) => run(resolve));
}

const info = (message: string) =>
  ({ type: 'informationalMessage', message, icon: 'Icon.16', persistent: false }) as Office.NotificationMessageDetails;

describe('simulated Office: notification limits', () => {
  it('keeps 5 notifications and refuses the sixth with code 9025', async () => {
    const { office, state } = createSimulatedOffice();
    const messages = office.context.mailbox.item.notificationMessages;
    for (let i = 1; i <= 5; i++) {
      expect((await call<void>((cb) => messages.addAsync(`k${i}`, info(`n${i}`), cb))).status).toBe('succeeded');
    }
    const sixth = await call<void>((cb) => messages.addAsync('k6', info('n6'), cb));
    expect(sixth.status).toBe('failed');
    expect(sixth.error).toMatchObject({ code: 9025, name: 'NumberOfNotificationsExceeded' });
    // replaceAsync of a new key adds, so the same limit applies.
    expect((await call<void>((cb) => messages.replaceAsync('k6', info('n6'), cb))).error?.code).toBe(9025);
    expect(state.get().notifications).toHaveLength(5);
  });

  it('throws for a message over 150 characters and answers 9023/9024 for duplicate and unknown keys', async () => {
    const { office } = createSimulatedOffice();
    const messages = office.context.mailbox.item.notificationMessages;
    expect(() => messages.addAsync('long', info('x'.repeat(151)))).toThrow(OfficeArgumentError);
    expect(() => messages.addAsync('k'.repeat(33), info('key too long'))).toThrow(OfficeArgumentError);
    await call<void>((cb) => messages.addAsync('send', info('first'), cb));
    expect((await call<void>((cb) => messages.addAsync('send', info('again'), cb))).error?.code).toBe(9023);
    expect((await call<void>((cb) => messages.removeAsync('nothing', cb))).error?.code).toBe(9024);
  });

  it('serves the product’s notification wrapper', async () => {
    const { office, state } = createSimulatedOffice();
    const globals = globalThis as { Office?: unknown };
    const previous = globals.Office;
    globals.Office = office;
    try {
      const item = office.context.mailbox.item as unknown as Office.MessageCompose;
      await showNotification(item, 'ledgermail-send', 'error', 'IncaMail refused the message.');
      await showNotification(item, 'ledgermail-send', 'info', 'x'.repeat(400));
      expect(state.get().notifications).toEqual([
        expect.objectContaining({
          key: 'ledgermail-send',
          type: 'informationalMessage',
          message: `${'x'.repeat(149)}…`,
        }),
      ]);
    } finally {
      globals.Office = previous;
    }
  });
});

describe('simulated Office: attachment limits', () => {
  const pdfBase64 = Buffer.from('%PDF-1.7 LedgerMail test').toString('base64');

  it('adds, lists with decoded size, reads back byte-identical and removes an attachment', async () => {
    const { office } = createSimulatedOffice();
    const item = office.context.mailbox.item;
    const added = await call<string>((cb) => item.addFileAttachmentFromBase64Async(pdfBase64, 'R-2024-017.pdf', cb));
    expect(added.status).toBe('succeeded');
    const list = await call<Office.AttachmentDetailsCompose[]>((cb) => item.getAttachmentsAsync(cb));
    expect(list.value).toEqual([
      expect.objectContaining({ id: added.value, name: 'R-2024-017.pdf', size: 24, isInline: false }),
    ]);
    const content = await call<Office.AttachmentContent>((cb) => item.getAttachmentContentAsync(added.value, cb));
    expect(content.value).toEqual({ format: 'base64', content: pdfBase64 });
    expect((await call<void>((cb) => item.removeAttachmentAsync(added.value, cb))).status).toBe('succeeded');
    expect((await call<void>((cb) => item.removeAttachmentAsync(added.value, cb))).error?.code).toBe(9003);
  });

  it('refuses more than 34,865,152 base64 characters with AttachmentSizeExceeded (9000)', async () => {
    const { office } = createSimulatedOffice();
    const tooLong = 'A'.repeat(MAX_BASE64_LENGTH + 4);
    const result = await call<string>((cb) =>
      office.context.mailbox.item.addFileAttachmentFromBase64Async(tooLong, 'big.pdf', cb),
    );
    expect(result.error).toMatchObject({ code: 9000, name: 'AttachmentSizeExceeded' });
  });

  it('refuses an attachment that takes the item over 25 MB in total', async () => {
    const { office, state } = createSimulatedOffice();
    // 13,500,000 bytes each: one fits, two pass 25 MB (26,214,400 bytes).
    const thirteenMegabytes = 'A'.repeat(18_000_000);
    const item = office.context.mailbox.item;
    expect(
      (await call<string>((cb) => item.addFileAttachmentFromBase64Async(thirteenMegabytes, 'a.pdf', cb))).status,
    ).toBe('succeeded');
    const second = await call<string>((cb) => item.addFileAttachmentFromBase64Async(thirteenMegabytes, 'b.pdf', cb));
    expect(second.error?.code).toBe(9000);
    expect(state.get().attachments).toHaveLength(1);
  });

  it('lets 3 attachment calls run at once and fails a fourth', async () => {
    const { office, state } = createSimulatedOffice({ latencyMs: 20 });
    const item = office.context.mailbox.item;
    const results = await Promise.all(
      [1, 2, 3, 4].map((n) => call<string>((cb) => item.addFileAttachmentFromBase64Async(pdfBase64, `R-${n}.pdf`, cb))),
    );
    expect(results.map((r) => r.status)).toEqual(['succeeded', 'succeeded', 'succeeded', 'failed']);
    expect(results[3]!.error?.code).toBe(9007);
    expect(state.get().attachments.map((a) => a.name)).toEqual(['R-1.pdf', 'R-2.pdf', 'R-3.pdf']);
    // Once the first three finished, a new call goes through.
    expect((await call<string>((cb) => item.addFileAttachmentFromBase64Async(pdfBase64, 'R-4.pdf', cb))).status).toBe(
      'succeeded',
    );
  });

  it('throws for an attachment name over 255 characters', () => {
    const { office } = createSimulatedOffice();
    expect(() =>
      office.context.mailbox.item.addFileAttachmentFromBase64Async(pdfBase64, `${'n'.repeat(252)}.pdf`),
    ).toThrow(OfficeArgumentError);
  });
});

describe('simulated Office: function commands', () => {
  it('records whether and when completed() was called', async () => {
    const { office, host } = createSimulatedOffice({ commandTimeLimitMs: 100 });
    office.actions.associate('sendRegistered', (event) => setTimeout(() => event.completed(), 10));
    office.actions.associate('forgetsToComplete', () => undefined);
    office.actions.associate('throws', () => {
      throw new Error('boom');
    });
    const done = await host.runFunction('sendRegistered', 'LedgerMail.Registered');
    expect(done).toMatchObject({ status: 'completed', completedCalls: 1, controlId: 'LedgerMail.Registered' });
    expect(done.completedAfterMs).toBeGreaterThanOrEqual(5);
    expect((await host.runFunction('forgetsToComplete', 'x')).status).toBe('timed-out');
    expect((await host.runFunction('throws', 'x')).status).toBe('threw');
    expect((await host.runFunction('sendConfidential', 'x')).status).toBe('not-associated');
  });
});
