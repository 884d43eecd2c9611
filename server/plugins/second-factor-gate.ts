import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { mustSetUpSecondFactor } from '../modules/platform-settings/index.ts';

/**
 * What a person whom the platform requires a second factor of may still reach before setting it
 * up: their own account, its two-factor and passkey routes, signing in and out, and the legal texts.
 */
const OPEN_EXACT = new Set(['/api/me', '/api/session']);
const OPEN_PREFIXES = ['/api/me/two-factor', '/api/me/passkeys', '/api/me/legal', '/api/auth', '/api/legal'];

function isOpenPath(path: string): boolean {
  return OPEN_EXACT.has(path) || OPEN_PREFIXES.some((open) => path === open || path.startsWith(`${open}/`));
}

/** Openness by route pattern, worked out once per route rather than on every request's path. */
const openByRoute = new Map<string, boolean>();

function isOpen(request: FastifyRequest): boolean {
  // The open paths are whole static segments, so a route's pattern is open exactly when its paths
  // are; a wildcard's (or no route's) paths are judged one by one.
  const route = request.routeOptions.url;
  if (route === undefined || route.includes('*'))
    return isOpenPath(request.url.split('?', 1)[0] ?? request.url);
  let open = openByRoute.get(route);
  if (open === undefined) {
    open = isOpenPath(route);
    openByRoute.set(route, open);
  }
  return open;
}

/**
 * While the platform requires a second factor of platform admins, organisation admins and
 * meta-mentors, such a person without one is signed in but refused everything else with
 * SECOND_FACTOR_REQUIRED (403) until they set it up. Runs after the session is resolved.
 */
export function registerSecondFactorGate(app: FastifyInstance, ctx: AppContext): void {
  app.addHook('onRequest', async (request) => {
    if (!request.auth || !request.url.startsWith('/api/') || isOpen(request)) return;
    if (await mustSetUpSecondFactor(ctx, request.auth.user))
      throw new AppError('SECOND_FACTOR_REQUIRED', 403);
  });
}
