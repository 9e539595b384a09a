import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse, type RequestHandler } from 'msw';

export type StandIn = { url: string; close(): Promise<void> };

/**
 * Serves msw handlers over real HTTP on loopback, so a bridge in another process (the workbench, the e2e
 * suite, an admin trying LedgerMail on a laptop) talks to the same bexio or WinBIZ stand-in that the
 * connector tests use in-process. A request no handler answers gets a 501 naming it.
 */
export async function startHttpStandIn(handlers: RequestHandler[], port = 0): Promise<StandIn> {
  const server = http.createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks);
        const address = server.address() as AddressInfo;
        const request = new Request(`http://127.0.0.1:${address.port}${incoming.url ?? '/'}`, {
          method: incoming.method ?? 'GET',
          headers: Object.entries(incoming.headers).flatMap(([name, value]) =>
            value === undefined
              ? []
              : (Array.isArray(value) ? value : [value]).map((v) => [name, v] as [string, string]),
          ),
          ...(body.length > 0 ? { body } : {}),
        });
        let response: Response | undefined;
        try {
          response = await getResponse(handlers, request);
        } catch (error) {
          response = new Response(`stand-in failed: ${(error as Error).message}`, { status: 500 });
        }
        response ??= new Response(`no stand-in handler for ${request.method} ${incoming.url}`, { status: 501 });
        // A handler that answers with `HttpResponse.error()` is a network failure: drop the connection.
        if (response.type === 'error') {
          incoming.socket.destroy();
          return;
        }
        outgoing.writeHead(response.status, Object.fromEntries(response.headers.entries()));
        outgoing.end(Buffer.from(await response.arrayBuffer()));
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
