import { z } from 'zod/mini';

/** IncaMail's delivery modes. Registered gives signed receipts; confidential is encrypted, no account needed. */
export const SECURE_MODES = ['registered', 'confidential', 'personal'] as const;
export const SecureModeSchema = z.enum(SECURE_MODES);
export type SecureMode = z.infer<typeof SecureModeSchema>;

/** How a document went out: one of the IncaMail modes, or as a plain e-mail through the user's mailbox. */
export const DELIVERY_MODES = [...SECURE_MODES, 'plain'] as const;
export const DeliveryModeSchema = z.enum(DELIVERY_MODES);
export type DeliveryMode = z.infer<typeof DeliveryModeSchema>;
