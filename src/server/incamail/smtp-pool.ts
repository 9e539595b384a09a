import type { MarkedMessage } from './compose-message.js';
import {
  SmtpSession,
  type SendTransport,
  type SmtpEndpoint,
  type SubmitHooks,
  type SubmitOutcome,
} from './smtp-submission.js';

export type SmtpPoolOptions = {
  timeoutMs: number;
  /** An idle session is ended (QUIT) after this long: well below the 5 minutes RFC 5321 §4.5.3.2.7 lets a server wait. */
  idleMs?: number;
  /** Messages per session before it is ended and a fresh one opened, as mail servers like it. */
  maxMessagesPerSession?: number;
};

export type PooledTransport = SendTransport & {
  /** Sessions open now, busy or idle. */
  openSessions(): number;
  /** Ends every idle session; a busy one ends after its message. */
  close(): void;
};

const DEFAULT_IDLE_MS = 20_000;
const DEFAULT_MAX_MESSAGES = 100;

/**
 * IncaMail's SMTP submission with its sessions kept open between messages: a message goes over an idle session
 * when there is one, else over a new one, so a burst costs one TLS handshake and one login per parallel lane
 * instead of one per message. The exactly-once rules are those of one message (decision record 003): each
 * message reports its own data phase, and a line that breaks marks only the message on it. A message that
 * failed before any of its data left, on a session the server had closed while it was idle, goes over a fresh
 * session at once; anything else is the outbox's to decide. The number of sessions is the outbox's concurrency.
 */
export function pooledSmtpTransport(endpoint: SmtpEndpoint, options: SmtpPoolOptions): PooledTransport {
  const idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
  const maxMessages = options.maxMessagesPerSession ?? DEFAULT_MAX_MESSAGES;
  const idle: { session: SmtpSession; timer: NodeJS.Timeout }[] = [];
  let busy = 0;
  let closed = false;

  function takeIdle(): SmtpSession | undefined {
    while (idle.length > 0) {
      const { session, timer } = idle.pop()!;
      clearTimeout(timer);
      if (session.usable) return session;
    }
    return undefined;
  }

  function release(session: SmtpSession, outcome: SubmitOutcome): void {
    if (closed || outcome.kind !== 'accepted' || !session.usable || session.messages >= maxMessages) {
      if (session.usable) session.quit();
      return;
    }
    const timer = setTimeout(() => {
      const at = idle.findIndex((entry) => entry.session === session);
      if (at >= 0) idle.splice(at, 1);
      session.quit();
    }, idleMs);
    timer.unref();
    idle.push({ session, timer });
  }

  async function overFreshSession(
    message: MarkedMessage,
    hooks: SubmitHooks,
    signal: AbortSignal,
  ): Promise<SubmitOutcome> {
    const session = await SmtpSession.open(endpoint, options.timeoutMs, signal);
    if (!(session instanceof SmtpSession)) return session;
    const { outcome } = await session.send(message, hooks, signal);
    release(session, outcome);
    return outcome;
  }

  return {
    async submit(message, hooks, signal) {
      busy += 1;
      try {
        const reused = takeIdle();
        if (reused) {
          const { outcome, untouched, refusedByServer } = await reused.send(message, hooks, signal);
          // The server closed the idle line (silently, or with a 421): the message never left, so it may go now.
          const closing = 'response' in outcome && outcome.response?.startsWith('421') === true;
          const stale = untouched && (!refusedByServer || closing);
          if (!stale || signal.aborted) {
            release(reused, outcome);
            return outcome;
          }
        }
        return await overFreshSession(message, hooks, signal);
      } finally {
        busy -= 1;
      }
    },
    openSessions: () => busy + idle.filter((entry) => entry.session.usable).length,
    close() {
      closed = true;
      for (const { session, timer } of idle.splice(0)) {
        clearTimeout(timer);
        session.quit();
      }
    },
  };
}
