import { z } from 'zod';

export type BatchSettings = {
  /** Batch messages in the outbox at the same time. */
  concurrency: number;
  /** Batch messages handed toward IncaMail per minute at most. */
  ratePerMinute: number;
};

export const BatchEnvSchema = z.object({
  BATCH_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
  // IncaMail publishes no throughput limit; 300 a minute keeps a large reminder run polite to the gateway.
  BATCH_RATE_PER_MINUTE: z.coerce.number().min(1).max(1_000_000).default(300),
});
export type BatchEnv = z.infer<typeof BatchEnvSchema>;

export function toBatchSettings(env: BatchEnv): BatchSettings {
  return { concurrency: env.BATCH_CONCURRENCY, ratePerMinute: env.BATCH_RATE_PER_MINUTE };
}
