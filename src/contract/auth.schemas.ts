import { z } from 'zod';

export const RoleSchema = z.enum(['user', 'admin']);
export type Role = z.infer<typeof RoleSchema>;

/**
 * `GET /api/auth/config` (no token needed): tells the add-in how to obtain a token for the bridge.
 * `dev`: ask the bridge itself (`GET /api/dev/token`), only on a development bridge.
 * `entra`: Microsoft Entra ID through nested app authentication, for the bridge's own API scope.
 */
export const AuthConfigSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('dev') }),
  z.object({
    mode: z.literal('entra'),
    clientId: z.string(),
    authority: z.string(),
    scopes: z.array(z.string()),
  }),
]);
export type AuthConfig = z.infer<typeof AuthConfigSchema>;

export const DevTokenQuerySchema = z.strictObject({
  email: z.email().max(254),
  role: RoleSchema.default('user'),
  name: z.string().max(200).optional(),
});

export const TokenSchema = z.object({ token: z.string() });
export type Token = z.infer<typeof TokenSchema>;

/** `GET /api/me`: who the bridge thinks is calling. */
export const CallerSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: RoleSchema,
});
export type Caller = z.infer<typeof CallerSchema>;
