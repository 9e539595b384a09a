import type { FastifyBaseLogger } from 'fastify';
import { AppError } from '../../contract/errors.js';
import type { AccountingConnector } from '../accounting/connector.js';
import type { SendTransport, SubmitHooks, SubmitOutcome } from '../incamail/smtp-submission.js';
import type { OutboxStore } from './outbox-store.js';

export type RetryPolicy = {
  concurrency: number;
  maxAttempts: number;
  retryBaseMs: number;
  /** Longest wait between two attempts. */
  retryMaxMs: number;
  /** How long stopping waits for attempts in flight before breaking their lines. */
  stopGraceMs: number;
};

export type Log = Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;

/**
 * Submits what the outbox holds, a few at a time, in the order it became due. Every state change is written
 * before the next step starts, so a bridge that stops at any point resumes from the database.
 */
export class OutboxWorker {
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly abort = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private documentsTimer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly store: OutboxStore,
    private readonly transport: SendTransport,
    private readonly policy: RetryPolicy,
    private readonly accounting: Pick<AccountingConnector, 'recordSent'> | undefined,
    private readonly onChange: (id: string) => void,
    private readonly log: Log,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    for (const id of this.store.recoverInterrupted(new Date())) {
      this.log.warn({ sendId: id }, 'send interrupted after its data was transmitted; marked uncertain');
      this.onChange(id);
    }
    void this.recordPendingDocuments();
    this.kick();
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    clearTimeout(this.documentsTimer);
    if (this.inFlight.size === 0) return;
    const grace = setTimeout(() => this.abort.abort(), this.policy.stopGraceMs);
    await Promise.allSettled(this.inFlight.values());
    clearTimeout(grace);
  }

  /** Starts due sends while there is room, then sleeps until the next one is due. */
  kick(): void {
    if (!this.running) return;
    clearTimeout(this.timer);
    const now = Date.now();
    while (this.inFlight.size < this.policy.concurrency) {
      const next = this.store.nextDue(new Set(this.inFlight.keys()));
      if (!next) return;
      if (next.dueAt > now) {
        this.timer = setTimeout(() => this.kick(), next.dueAt - now);
        this.timer.unref();
        return;
      }
      const attempt = this.attempt(next.id).finally(() => {
        this.inFlight.delete(next.id);
        this.kick();
      });
      this.inFlight.set(next.id, attempt);
    }
  }

  private async attempt(id: string): Promise<void> {
    const message = this.store.beginAttempt(id, new Date());
    if (!message) return;
    this.onChange(id);
    let dataComplete = false;
    const hooks: SubmitHooks = {
      onDataStart: () => this.store.setDataPhase(id, 'started'),
      onDataComplete: () => {
        dataComplete = true;
        this.store.setDataPhase(id, 'complete');
      },
    };
    let outcome: SubmitOutcome;
    try {
      outcome = await this.transport.submit(
        { ...message, to: message.recipients.to, cc: message.recipients.cc, bcc: message.recipients.bcc },
        hooks,
        this.abort.signal,
      );
    } catch (error) {
      this.log.error({ err: error, sendId: id }, 'submission failed unexpectedly');
      // The same rule as for a broken line: once the whole message went out, never send it again by itself.
      outcome = dataComplete
        ? { kind: 'uncertain', reason: 'The bridge hit an unexpected error after handing over the message.' }
        : { kind: 'retry', reason: 'The bridge hit an unexpected error while submitting.', response: null };
    }
    // A stopping bridge broke the line itself: it leaves such an attempt as it is on disk, and the next start
    // classifies it from its data phase. An answer that arrived all the same is recorded.
    if (this.abort.signal.aborted && (outcome.kind === 'retry' || outcome.kind === 'uncertain')) return;
    this.apply(id, outcome);
    this.onChange(id);
    if (outcome.kind === 'accepted') await this.recordDocuments(id);
  }

  private apply(id: string, outcome: SubmitOutcome): void {
    const now = new Date();
    switch (outcome.kind) {
      case 'accepted': {
        const warning =
          outcome.rejected.length > 0
            ? {
                code: 'upstream_rejected',
                message: `IncaMail refused these recipients: ${outcome.rejected.join(', ')}`,
              }
            : undefined;
        this.store.settle(
          id,
          {
            status: 'accepted',
            smtpResponse: outcome.response,
            ...(warning ? { warning, refused: outcome.rejected } : {}),
          },
          now,
        );
        this.log.info({ sendId: id, response: outcome.response }, 'send accepted by IncaMail');
        return;
      }
      case 'failed':
        this.store.settle(
          id,
          {
            status: 'failed',
            smtpResponse: outcome.response,
            error: { code: 'upstream_rejected', message: outcome.reason },
          },
          now,
        );
        this.log.warn({ sendId: id, response: outcome.response }, 'send refused by IncaMail');
        return;
      case 'uncertain':
        this.store.settle(
          id,
          { status: 'uncertain', smtpResponse: null, error: { code: 'upstream_unavailable', message: outcome.reason } },
          now,
        );
        this.log.warn({ sendId: id }, outcome.reason);
        return;
      case 'retry': {
        const attempts = this.store.get(id)?.attempts ?? this.policy.maxAttempts;
        if (attempts >= this.policy.maxAttempts) {
          const message = `IncaMail could not be reached after ${attempts} attempts. Last problem: ${outcome.reason}`;
          const error = { code: 'upstream_unavailable', message };
          this.store.settle(id, { status: 'failed', smtpResponse: outcome.response, error }, now);
          this.log.warn({ sendId: id }, message);
          return;
        }
        const delay = Math.min(this.policy.retryMaxMs, this.policy.retryBaseMs * 2 ** (attempts - 1));
        // ±20 % jitter, so sends that failed together do not all come back at the same instant.
        const dueAt = now.getTime() + Math.round(delay * (0.8 + Math.random() * 0.4));
        this.store.scheduleRetry(id, dueAt, {
          code: 'upstream_unavailable',
          message: outcome.reason,
          smtpResponse: outcome.response,
        });
        this.log.info({ sendId: id, attempts, retryInMs: dueAt - now.getTime() }, outcome.reason);
      }
    }
  }

  /** Tells the accounting which documents went out; a failure is retried later and never undoes the send. */
  private async recordDocuments(id: string): Promise<void> {
    const record = this.store.get(id);
    const sentBy = this.store.sentByOf(id);
    if (!record || !sentBy || record.documentIds.length === 0 || !this.accounting) return;
    try {
      await this.accounting.recordSent({
        documentIds: record.documentIds,
        mode: record.mode,
        sentAt: record.acceptedAt ?? record.updatedAt,
        sentBy,
        sendId: record.id,
      });
      this.store.markDocumentsRecorded(id);
    } catch (error) {
      if (error instanceof AppError && error.status < 500) {
        // The accounting refuses these documents (unknown ids): asking again would get the same answer.
        this.store.markDocumentsRecorded(id);
        this.log.warn({ err: error, sendId: id }, 'the accounting refused to record the sent documents');
        return;
      }
      this.log.error({ err: error, sendId: id }, 'could not record the sent documents; will try again');
      if (this.running && !this.documentsTimer) {
        this.documentsTimer = setTimeout(() => {
          this.documentsTimer = undefined;
          void this.recordPendingDocuments();
        }, 60_000).unref();
      }
    }
  }

  private async recordPendingDocuments(): Promise<void> {
    if (!this.running || !this.accounting) return;
    for (const record of this.store.unrecordedDocuments()) await this.recordDocuments(record.id);
  }
}
