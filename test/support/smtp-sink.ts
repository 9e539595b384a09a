import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

/** A message as the loopback server got it: the SMTP envelope, the raw bytes and mailparser's reading of them. */
export type SinkMessage = { envelope: { from: string; to: string[] }; raw: Buffer; parsed: ParsedMail };

export type SinkReply = { code: number; message: string };

export type SmtpSinkOptions = {
  /** Require this login (and advertise AUTH). */
  auth?: { user: string; pass: string };
  /** Serve STARTTLS with this certificate; otherwise STARTTLS is not offered. */
  tls?: { key: string; cert: string };
  /** Answer the n-th message (1-based) with this reply instead of 250; the message is then not kept. */
  replyToData?: (n: number) => SinkReply | undefined;
  /** Hold the reply to each message's data this long, as a slow gateway does. */
  dataReplyDelayMs?: number;
  /** Answer RCPT TO of the n-th transaction with this reply. */
  replyToRcpt?: (n: number, address: string) => SinkReply | undefined;
  /** Parse messages with mailparser (skip for throughput measurements). */
  parse?: boolean;
  /** The limit advertised in EHLO (SIZE) and enforced at MAIL FROM, as a gateway does; 40 MiB by default. */
  size?: number;
};

export type SmtpSink = {
  port: number;
  messages: SinkMessage[];
  /** The MAIL FROM parameters of each transaction, e.g. `{ SIZE: '1234' }`, whether or not the data followed. */
  mailFromArgs: Record<string, string>[];
  /** Data transactions seen, accepted or not. */
  dataAttempts: () => number;
  logins: () => number;
  /** SMTP connections the server accepted. */
  connections: () => number;
  waitForMessages: (count: number, timeoutMs?: number) => Promise<SinkMessage[]>;
  close: () => Promise<void>;
};

function smtpError({ code, message }: SinkReply): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/** A real SMTP server (the `smtp-server` package) on a loopback port that keeps what it accepts. */
export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const messages: SinkMessage[] = [];
  const mailFromArgs: Record<string, string>[] = [];
  const waiters: (() => void)[] = [];
  let dataCount = 0;
  let rcptTransaction = 0;
  let loginCount = 0;
  let connectionCount = 0;
  const serverOptions: SMTPServerOptions = {
    logger: false,
    // Reverse DNS of 127.0.0.1 can take seconds where no resolver answers; nobody reads the name.
    disableReverseLookup: true,
    size: options.size ?? 40 * 1024 * 1024,
    disabledCommands: [...(options.auth ? [] : ['AUTH']), ...(options.tls ? [] : ['STARTTLS'])],
    authOptional: !options.auth,
    ...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : {}),
    onConnect(_session, callback) {
      connectionCount++;
      callback();
    },
    onAuth(auth, _session, callback) {
      loginCount++;
      if (auth.username === options.auth?.user && auth.password === options.auth?.pass) {
        return callback(null, { user: auth.username });
      }
      return callback(smtpError({ code: 535, message: '5.7.8 Authentication failed' }));
    },
    onMailFrom(address, _session, callback) {
      rcptTransaction++;
      mailFromArgs.push({ ...(address.args as Record<string, string>) });
      callback();
    },
    onRcptTo(address, _session, callback) {
      const reply = options.replyToRcpt?.(rcptTransaction, address.address);
      callback(reply ? smtpError(reply) : null);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        if (options.dataReplyDelayMs) await new Promise((resolve) => setTimeout(resolve, options.dataReplyDelayMs));
        dataCount++;
        const reply = options.replyToData?.(dataCount);
        if (reply) return callback(smtpError(reply));
        const raw = Buffer.concat(chunks);
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
        };
        const keep = (parsed: ParsedMail) => {
          messages.push({ envelope, raw, parsed });
          waiters.splice(0).forEach((wake) => wake());
          callback(null, `2.0.0 Ok: queued as M${messages.length}`);
        };
        if (options.parse === false) return keep({} as ParsedMail);
        simpleParser(raw).then(keep, (error: Error) => callback(error));
      });
    },
  };
  const server = new SMTPServer(serverOptions);
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;

  const waitForMessages = async (count: number, timeoutMs = 5000) => {
    const deadline = Date.now() + timeoutMs;
    while (messages.length < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} messages, got ${messages.length}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    return messages;
  };
  return {
    port,
    messages,
    mailFromArgs,
    dataAttempts: () => dataCount,
    logins: () => loginCount,
    connections: () => connectionCount,
    waitForMessages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
