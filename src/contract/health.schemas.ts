import { z } from 'zod/mini';
import { AccountingSourceSchema } from './documents.schemas.js';

export const HealthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
});
export type Health = z.infer<typeof HealthSchema>;

/** One dependency of the bridge as `/api/ready` checks it: `problem` is what an admin reads when it fails. */
export const ReadyCheckSchema = z.object({ ok: z.boolean(), problem: z.nullable(z.string()) });

/** `GET /api/ready`: 200 when the bridge can serve, 503 with the failing checks otherwise. */
export const ReadinessSchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.object({
    database: ReadyCheckSchema,
    accounting: z.extend(ReadyCheckSchema, { backend: AccountingSourceSchema.shape.backend }),
    /** The route secure sends take; the relay's SMTP server is reached (connect, TLS) without logging in. */
    incamail: z.extend(ReadyCheckSchema, { route: z.enum(['relay', 'mailbox']) }),
  }),
});
export type Readiness = z.infer<typeof ReadinessSchema>;
