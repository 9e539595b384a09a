import type { FastifyRequest } from 'fastify';
import { AppError } from '../../contract/errors.js';
import { createRateLimiter } from '../security/rate-limit.js';
import type { SendCaller } from '../sends/outbox.js';
import type { AuthSettings } from './auth-config.js';
import { callerOf } from './auth.plugin.js';

/**
 * Who may send as whom, who sees which sends, and how fast: the bridge's rules over the verified caller.
 * The identity of a send comes from the token only; the message's `from` must be the caller's own address
 * or an alias an admin allowed for them.
 */
export function createSendAccess(settings: AuthSettings) {
  const limiter = createRateLimiter({
    limit: settings.sendRatePerMinute,
    windowMs: 60_000,
    what: 'secure sends in a short time',
  });

  function mayUseSender(email: string, from: string): boolean {
    const own = email.toLowerCase();
    const wanted = from.toLowerCase();
    return own === wanted || (settings.senderAliases.get(own)?.has(wanted) ?? false);
  }

  return {
    /**
     * The caller of a send or a reminder run; refuses a foreign `from`. The send rate is charged only when
     * something new is recorded: a replayed click and a preview of a run cost nothing.
     */
    senderOf(request: FastifyRequest, from: string | undefined): SendCaller {
      const caller = callerOf(request);
      if (from !== undefined && !mayUseSender(caller.email, from)) {
        throw new AppError('forbidden', `You can send only as ${caller.email}, not as ${from}.`);
      }
      return {
        email: caller.email,
        admitNew: () => limiter.take(caller.id),
        mayAdmitNew: () => limiter.check(caller.id),
      };
    },
    /** Admins see every send; a user only their own. */
    viewerOf(request: FastifyRequest): { sentBy: string } | 'all' {
      const caller = callerOf(request);
      return caller.role === 'admin' ? 'all' : { sentBy: caller.email };
    },
    /** Read access for batches: a user's own; admins all. */
    readerOf(request: FastifyRequest): SendCaller | undefined {
      const caller = callerOf(request);
      return caller.role === 'admin' ? undefined : { email: caller.email };
    },
  };
}
