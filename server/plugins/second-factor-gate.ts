import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { mustSetUpSecondFactor } from '../modules/platform-settings/index.ts';

/**
 * What a person whom the platform requires a second factor of may still reach before setting it
 * up: their own account, its two-factor and passkey routes, signing in and out, and the legal texts.
 */
const OPEN_EXACT = new Set(['/api/me', '/api/session']);
const OPEN_PREFIXES = ['/api/me/two-factor', '/api/me/passkeys', '/api/me/legal', '/api/auth', '/api/legal'];

function isOpen(url: string): boolean {
  const path = url.split('?', 1)[0] ?? url;
  return OPEN_EXACT.has(path) || OPEN_PREFIXES.some((open) => path === open || path.startsWith(`${open}/`));
}

/**
 * While the platform requires a second factor of platform admins, organisation admins and
 * meta-mentors, such a person without one is signed in but refused everything else with
 * SECOND_FACTOR_REQUIRED (403) until they set it up. Runs after the session is resolved.
 */
export function registerSecondFactorGate(app: FastifyInstance, ctx: AppContext): void {
  app.addHook('onRequest', async (request) => {
    if (!request.auth || !request.url.startsWith('/api/') || isOpen(request.url)) return;
    if (await mustSetUpSecondFactor(ctx, request.auth.user))
      throw new AppError('SECOND_FACTOR_REQUIRED', 403);
  });
}
