import { z } from 'zod/mini';

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
  email: z.email().check(z.maxLength(254)),
  role: z._default(RoleSchema, 'user'),
  name: z.optional(z.string().check(z.maxLength(200))),
});

export const TokenSchema = z.object({ token: z.string() });
export type Token = z.infer<typeof TokenSchema>;

/** `GET /api/me`: who the bridge thinks is calling. */
export const CallerSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.nullable(z.string()),
  role: RoleSchema,
});
export type Caller = z.infer<typeof CallerSchema>;
