import type { FastifyInstance, InjectOptions } from 'fastify';
import { TokenSchema } from '../../src/contract/auth.schemas';

export const TEST_USER = 'anna.keller@example.ch';

/** A development token from the bridge itself (`AUTH=dev`), as the workbench and the add-in get one. */
export async function devToken(
  app: FastifyInstance,
  email = TEST_USER,
  role: 'user' | 'admin' = 'user',
): Promise<string> {
  const response = await app.inject({ url: `/api/dev/token?${new URLSearchParams({ email, role })}` });
  if (response.statusCode !== 200) throw new Error(`no dev token: ${response.statusCode} ${response.body}`);
  return TokenSchema.parse(response.json()).token;
}

/**
 * Makes every later `app.inject` of a test carry this user's bearer token (unless the call sets its own
 * Authorization header). The bridge still verifies the token on every request.
 */
export async function signInAs(
  app: FastifyInstance,
  email = TEST_USER,
  role: 'user' | 'admin' = 'user',
): Promise<string> {
  const token = await devToken(app, email, role);
  const inject = app.inject.bind(app) as (options: InjectOptions | string) => ReturnType<FastifyInstance['inject']>;
  const signed = (options: InjectOptions | string) => {
    const request = typeof options === 'string' ? { url: options } : options;
    return inject({ ...request, headers: { authorization: `Bearer ${token}`, ...request.headers } });
  };
  Object.assign(app, { inject: signed });
  return token;
}

/** Headers for `fetch` against a listening bridge. */
export async function devAuthHeaders(origin: string, email = TEST_USER): Promise<Record<string, string>> {
  const response = await fetch(`${origin}/api/dev/token?${new URLSearchParams({ email })}`);
  const { token } = TokenSchema.parse(await response.json());
  return { authorization: `Bearer ${token}` };
}
