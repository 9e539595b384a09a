import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type CountingSmtpServer = { port: number; count: () => number; close: () => Promise<void> };

/** An SMTP server on loopback that counts what it accepts and keeps nothing, so the benchmark stays small. */
export async function startCountingServer(): Promise<CountingSmtpServer> {
  let count = 0;
  const server = new SMTPServer({
    logger: false,
    // Reverse DNS of 127.0.0.1 can take seconds where no resolver answers; nobody reads the name.
    disableReverseLookup: true,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: 64 * 1024 * 1024,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        count++;
        callback(null, 'Ok');
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    count: () => count,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
