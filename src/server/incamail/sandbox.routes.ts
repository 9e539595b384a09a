import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { MailboxSendSchema, type MailboxMessage, type SandboxMessage } from '../../contract/sandbox.schemas.js';
import { SEND_BODY_LIMIT_BYTES } from '../sends/send-body-parser.js';
import { SandboxMailbox } from './sandbox-mailbox.js';
import { z } from 'zod';
import { AppError } from '../../contract/errors.js';
import { parseRequest } from '../http/errors.js';
import type { IncaMailSandbox } from './sandbox-server.js';

/**
 * What the sandbox kept, for the workbench and for developers. Registered only outside production. Each
 * user sees the messages they submitted (the envelope sender the outbox gave them), admins every message,
 * as with sends; another user's message is answered like one that does not exist. Without sign-in (only in
 * tests of this module) every message is shown.
 */
export const sandboxRoutes: FastifyPluginAsync<{
  sandbox: IncaMailSandbox;
  recipientSuffix: string;
  viewerOf?: (request: FastifyRequest) => { sentBy: string } | 'all';
}> = async (app, { sandbox, recipientSuffix, viewerOf = () => 'all' }) => {
  const mailbox = new SandboxMailbox(sandbox, recipientSuffix);
  const visibleTo = (request: FastifyRequest) => {
    const viewer = viewerOf(request);
    return (message: SandboxMessage) =>
      viewer === 'all' || message.envelope.from.toLowerCase() === viewer.sentBy.toLowerCase();
  };

  app.get('/api/sandbox/messages', async (request) => ({ items: sandbox.list().filter(visibleTo(request)) }));

  app.get('/api/sandbox/messages/:id/raw', async (request, reply) => {
    const { id } = parseRequest(z.object({ id: z.string().max(100) }), request.params, 'params');
    const message = sandbox.list().find((m) => m.id === id);
    const raw = message && visibleTo(request)(message) ? sandbox.raw(id) : undefined;
    if (!raw) throw new AppError('not_found', `The sandbox keeps no message ${id}.`);
    return reply.type('message/rfc822').send(raw);
  });

  /**
   * The workbench's Send: the user's own mailbox with an IncaMail domain connection (sandbox-mailbox.ts), so the
   * mailbox route can be tried end to end. 201 with what the mailbox did, IncaMail's refusal included.
   */
  app.post(
    '/api/sandbox/mailbox/messages',
    { bodyLimit: SEND_BODY_LIMIT_BYTES },
    async (request, reply): Promise<MailboxMessage> => {
      const body = parseRequest(MailboxSendSchema, request.body, 'body');
      const viewer = viewerOf(request);
      const sent = await mailbox.send(body, viewer === 'all' ? body.from : viewer.sentBy);
      return reply.status(201).send(sent);
    },
  );

  app.get('/api/sandbox/mailbox/messages', async (request) => {
    const viewer = viewerOf(request);
    return { items: mailbox.list(viewer === 'all' ? undefined : viewer.sentBy) };
  });
};
