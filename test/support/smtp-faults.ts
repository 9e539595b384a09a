import net, { type AddressInfo } from 'node:net';

/**
 * Where a connection through the proxy breaks:
 * - `refuse`: closed right after connecting, before the greeting;
 * - `drop-at-data`: cut when the client sends the DATA command, before the server sees it;
 * - `drop-mid-data`: cut after part of the message data reached the server (no terminating dot);
 * - `drop-after-data`: the whole message reaches the server (which keeps it), but its reply is never passed on;
 * - `stall-after-data`: as `drop-after-data`, but the line stays open and silent (the client has to give up).
 */
export type SmtpFault = 'pass' | 'refuse' | 'drop-at-data' | 'drop-mid-data' | 'drop-after-data' | 'stall-after-data';

/** A fault on one connection: at its first message, or (`atMessage`, from 1) at a later one of a reused line. */
export type SmtpFaultPlan = SmtpFault | { fault: SmtpFault; atMessage: number };

export type SmtpFaultProxy = {
  port: number;
  connections: () => number;
  /** Cuts every open line at once, as a server that drops its idle connections does. */
  cutAll: () => void;
  close: () => Promise<void>;
};

const END_OF_DATA = '\r\n.\r\n';

/**
 * A TCP proxy in front of a real loopback SMTP server that breaks the n-th connection as `plan[n]` says
 * (connections beyond the plan pass). It follows the client's side of the dialogue (commands, possibly
 * pipelined, then the message data, message after message) to cut at exactly the planned point.
 */
export async function startSmtpFaultProxy(targetPort: number, plan: SmtpFaultPlan[]): Promise<SmtpFaultProxy> {
  let count = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const planned = plan[count++] ?? 'pass';
    const { fault: plannedFault, atMessage } = typeof planned === 'string' ? { fault: planned, atMessage: 1 } : planned;
    let messages = 0;
    // The fault of the message now on the line: the planned one at its message, else none.
    let fault: SmtpFault = atMessage === 1 ? plannedFault : 'pass';
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    if (plannedFault === 'refuse') return client.destroy();

    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    const cut = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());

    let mode: 'command' | 'data' = 'command';
    let pending = '';
    let dataBytes = 0;
    let tail = '';
    let swallowReplies: 'no' | 'cut' | 'stall' = 'no';
    upstream.on('data', (chunk: Buffer) => {
      if (swallowReplies !== 'no') return swallowReplies === 'stall' ? undefined : cut();
      client.write(chunk);
    });
    client.on('data', (chunk: Buffer) => {
      let text = chunk.toString('latin1');
      while (text.length > 0) {
        if (mode === 'command') {
          pending += text;
          text = '';
          const match = /(^|\r\n)DATA\r\n/i.exec(pending);
          if (!match) {
            const lastBreak = pending.lastIndexOf('\r\n');
            if (lastBreak >= 0) {
              upstream.write(Buffer.from(pending.slice(0, lastBreak + 2), 'latin1'));
              pending = pending.slice(lastBreak + 2);
            }
            return;
          }
          const dataEnd = match.index + match[0].length;
          if (fault === 'drop-at-data') {
            upstream.write(Buffer.from(pending.slice(0, match.index + match[1]!.length), 'latin1'));
            return cut();
          }
          upstream.write(Buffer.from(pending.slice(0, dataEnd), 'latin1'));
          text = pending.slice(dataEnd);
          pending = '';
          mode = 'data';
          continue;
        }
        // Data mode: pass bytes on until the terminating dot, cutting where the fault says.
        const window = tail + text;
        const endAt = window.indexOf(END_OF_DATA);
        const consumed = endAt >= 0 ? endAt + END_OF_DATA.length - tail.length : text.length;
        const part = text.slice(0, consumed);
        if (fault === 'drop-mid-data' && dataBytes + part.length > 2048) {
          // The server gets the first 2 KB, never the terminating dot. The proxy stops reading first, so the
          // client is held up by TCP flow control mid-message (as on a stalled line) when the cut comes.
          upstream.write(Buffer.from(part.slice(0, Math.max(0, 2048 - dataBytes)), 'latin1'));
          dataBytes = Number.POSITIVE_INFINITY;
          client.pause();
          setTimeout(cut, 200);
          return;
        }
        upstream.write(Buffer.from(part, 'latin1'));
        dataBytes += part.length;
        tail = window.slice(-4);
        text = text.slice(consumed);
        if (endAt >= 0) {
          mode = 'command';
          tail = '';
          dataBytes = 0;
          if (fault === 'drop-after-data') swallowReplies = 'cut';
          if (fault === 'stall-after-data') swallowReplies = 'stall';
          messages += 1;
          fault = messages + 1 === atMessage ? plannedFault : 'pass';
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => count,
    cutAll: () => {
      for (const socket of sockets) socket.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
