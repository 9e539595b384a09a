import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import { isMarkedAddress } from '../../contract/marking.js';
import type { MailboxMessage, MailboxSendSchema } from '../../contract/sandbox.schemas.js';
import type { z } from 'zod';
import { plainTextOf } from './compose-message.js';
import type { IncaMailSandbox } from './sandbox-server.js';

type MailboxSend = z.output<typeof MailboxSendSchema>;

/** The sandbox answers on loopback at once; longer means it is gone. */
const SANDBOX_TIMEOUT_MS = 10_000;

/**
 * The user's own mailbox, as the workbench needs it to try the mailbox route end to end: an Exchange with an
 * IncaMail domain connection. What the person sends through Outlook's Send is kept here (their Sent Items);
 * the recipients that carry IncaMail's suffix are routed to the IncaMail sandbox by SMTP, with the message as
 * written (the sandbox then checks the marking as IncaMail would), and the others go nowhere: an ordinary
 * e-mail would leave the organisation, and nothing leaves this machine. Development only, in memory.
 */
export class SandboxMailbox {
  private readonly sent: { message: MailboxMessage; sentBy: string }[] = [];

  constructor(
    private readonly sandbox: IncaMailSandbox,
    private readonly recipientSuffix: string,
    private readonly maxMessages = 200,
  ) {}

  async send(message: MailboxSend, sentBy: string): Promise<MailboxMessage> {
    const everyone = [...message.to, ...message.cc, ...message.bcc];
    const marked = everyone.filter((a) => isMarkedAddress(a, this.recipientSuffix));
    const ordinaryRecipients = everyone.filter((a) => !isMarkedAddress(a, this.recipientSuffix));
    const record: MailboxMessage = {
      id: randomUUID(),
      sentAt: new Date().toISOString(),
      from: message.from,
      to: message.to,
      cc: message.cc,
      bcc: message.bcc,
      subject: message.subject,
      attachments: message.attachments.map((a) => ({
        name: a.name,
        sizeBytes: Buffer.byteLength(a.contentBase64, 'base64'),
      })),
      incamail: marked.length === 0 ? { status: 'not-addressed' } : await this.route(message, marked),
      ordinaryRecipients,
    };
    this.sent.push({ message: record, sentBy: sentBy.toLowerCase() });
    if (this.sent.length > this.maxMessages) this.sent.shift();
    return record;
  }

  /** Newest first; `sentBy` restricts to one user's messages. */
  list(sentBy?: string): MailboxMessage[] {
    const wanted = sentBy?.toLowerCase();
    return this.sent
      .filter((s) => wanted === undefined || s.sentBy === wanted)
      .map((s) => s.message)
      .reverse();
  }

  /** The domain connection: the marked recipients in the envelope, every header as the person wrote it. */
  private async route(message: MailboxSend, marked: string[]): Promise<MailboxMessage['incamail']> {
    const { host, port } = this.sandbox.endpoint();
    const transport = nodemailer.createTransport({
      host,
      port,
      secure: false,
      ignoreTLS: true,
      connectionTimeout: SANDBOX_TIMEOUT_MS,
      greetingTimeout: SANDBOX_TIMEOUT_MS,
      socketTimeout: SANDBOX_TIMEOUT_MS,
      disableFileAccess: true,
      disableUrlAccess: true,
    });
    try {
      const info = await transport.sendMail({
        envelope: { from: message.from, to: marked },
        from: message.from,
        to: message.to,
        cc: message.cc,
        subject: message.subject,
        html: message.html,
        text: plainTextOf(message.html),
        attachments: message.attachments.map((a) => ({
          filename: a.name,
          contentType: a.contentType,
          content: Buffer.from(a.contentBase64, 'base64'),
        })),
      });
      return { status: 'accepted', recipients: marked, response: info.response };
    } catch (error) {
      const response = (error as { response?: unknown }).response;
      return {
        status: 'refused',
        recipients: marked,
        response: typeof response === 'string' ? response : error instanceof Error ? error.message : String(error),
      };
    } finally {
      transport.close();
    }
  }
}
