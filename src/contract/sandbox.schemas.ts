import { z } from 'zod';
import { SecureModeSchema } from './modes.js';

/**
 * `GET /api/sandbox/messages` (bridges on the embedded IncaMail sandbox, outside production): what the
 * sandbox received, newest first, as the workbench's panel and the end-to-end tests read it.
 */
export const SandboxMessageSchema = z.object({
  id: z.string(),
  receivedAt: z.iso.datetime({ offset: true }),
  envelope: z.object({ from: z.string(), to: z.array(z.string()) }),
  from: z.string(),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  subject: z.string(),
  mode: SecureModeSchema,
  sizeBytes: z.number().int(),
  hasHtml: z.boolean(),
  hasText: z.boolean(),
  attachments: z.array(
    z.object({ name: z.string(), contentType: z.string(), sizeBytes: z.number().int(), sha256: z.string() }),
  ),
});
export type SandboxMessage = z.infer<typeof SandboxMessageSchema>;
export const SandboxMessageListSchema = z.object({ items: z.array(SandboxMessageSchema) });
