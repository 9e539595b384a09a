import { createHash, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { isMarkedAddress, subjectMode } from '../../contract/marking.js';
import { MAX_MESSAGE_BYTES } from '../../contract/message-size.js';
import type { SandboxMessage } from '../../contract/sandbox.schemas.js';
import type { SmtpEndpoint } from './smtp-submission.js';

export type SandboxOptions = {
  recipientSuffix: string;
  /** Oldest messages are forgotten beyond this count or total size, so a long demo cannot fill the memory. */
  maxMessages?: number;
  maxBytes?: number;
};

const addresses = (field: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) => a.value.map((v) => v.address ?? ''));

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * The IncaMail sandbox: a local SMTP server that stands in for IncaMail's submission on a laptop. Like the
 * gateway, it refuses what is not marked (a recipient without the suffix, a subject without a prefix) with a
 * 5xx, and it keeps what it accepted, raw and summarised, for the workbench and for inspection.
 */
export class IncaMailSandbox {
  private readonly kept: { summary: SandboxMessage; raw: Buffer }[] = [];

  private readonly server: SMTPServer;
  private readonly options: Required<SandboxOptions>;
  private listeningPort = 0;

  private constructor(options: SandboxOptions) {
    const settings = { maxMessages: 200, maxBytes: 200 * 1024 * 1024, ...options };
    this.options = settings;
    this.server = new SMTPServer({
      logger: false,
      // Reverse DNS of 127.0.0.1 can take seconds where no resolver answers; nobody reads the name.
      disableReverseLookup: true,
      // IncaMail's limit, on the message as it arrives (base64 attachments included), announced in EHLO so the
      // bridge's SIZE lets it refuse before the upload.
      size: MAX_MESSAGE_BYTES,
      disabledCommands: ['AUTH', 'STARTTLS'],
      authOptional: true,
      onRcptTo(address, _session, callback) {
        if (isMarkedAddress(address.address, settings.recipientSuffix)) return callback();
        callback(
          smtpError(550, `5.1.1 <${address.address}>: not an IncaMail address (no ${settings.recipientSuffix})`),
        );
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
            return callback(smtpError(552, '5.3.4 Message larger than IncaMail accepts'));
          }
          const envelope = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
          };
          this.receive(Buffer.concat(chunks), envelope).then(
            (id) => callback(null, `2.0.0 Ok: kept by the IncaMail sandbox as ${id}`),
            (error: Error) => callback(error),
          );
        });
      },
    });
    this.server.on('error', () => undefined);
  }

  /** Listens on loopback only: the sandbox is for this machine. Port 0 picks a free one. */
  static async start(options: SandboxOptions, port = 0): Promise<IncaMailSandbox> {
    const sandbox = new IncaMailSandbox(options);
    await new Promise<void>((resolve) => sandbox.server.listen(port, '127.0.0.1', resolve));
    sandbox.listeningPort = (sandbox.server.server.address() as AddressInfo).port;
    return sandbox;
  }

  get port(): number {
    return this.listeningPort;
  }

  endpoint(): SmtpEndpoint {
    return { host: '127.0.0.1', port: this.port, secure: false, requireTLS: false };
  }

  /** Newest first. */
  list(): SandboxMessage[] {
    return this.kept.map((m) => m.summary).reverse();
  }

  raw(id: string): Buffer | undefined {
    return this.kept.find((m) => m.summary.id === id)?.raw;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async receive(raw: Buffer, envelope: SandboxMessage['envelope']): Promise<string> {
    const parsed = await simpleParser(raw);
    const subject = parsed.subject ?? '';
    const mode = subjectMode(subject);
    if (!mode) throw smtpError(554, '5.6.0 Subject carries no IncaMail marking (<r>, <c> or <p>)');
    const to = addresses(parsed.to);
    const cc = addresses(parsed.cc);
    const unmarked = [...to, ...cc].filter((a) => !isMarkedAddress(a, this.options.recipientSuffix));
    if (unmarked.length > 0) throw smtpError(554, `5.6.0 Unmarked recipients in the headers: ${unmarked.join(', ')}`);
    const summary: SandboxMessage = {
      id: randomUUID(),
      receivedAt: new Date().toISOString(),
      envelope,
      from: addresses(parsed.from)[0] ?? '',
      to,
      cc,
      subject,
      mode,
      sizeBytes: raw.length,
      hasHtml: typeof parsed.html === 'string',
      hasText: typeof parsed.text === 'string' && parsed.text.length > 0,
      attachments: parsed.attachments.map((a) => ({
        name: a.filename ?? '',
        contentType: a.contentType,
        sizeBytes: a.content.length,
        sha256: createHash('sha256').update(a.content).digest('hex'),
      })),
    };
    this.kept.push({ summary, raw });
    let total = this.kept.reduce((sum, m) => sum + m.raw.length, 0);
    while (this.kept.length > this.options.maxMessages || (total > this.options.maxBytes && this.kept.length > 1)) {
      total -= this.kept.shift()!.raw.length;
    }
    return summary.id;
  }
}
