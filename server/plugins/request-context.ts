import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isLocale, type Locale, negotiateLocale } from '../../common/locales.ts';
import { NETWORK_ACTIONS } from '../../common/permissions.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { type PreloadedStanding, resolveSessionWithNetwork } from '../modules/networks/index.ts';
import { resolveSession, SESSION_COOKIE } from '../platform/sessions/index.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The language for messages: the account's, else the browser's, else English. */
    locale: Locale;
    /** On a network route: the caller's standing there, read with the session (see authorize). */
    preloadedStanding: PreloadedStanding | null;
  }
}

const networkActions: ReadonlySet<string> = new Set(NETWORK_ACTIONS);

/** The slug of a route that declares a network action (authorize loads that network), else undefined. */
function networkSlugOf(request: FastifyRequest): string | undefined {
  const action = request.routeOptions.config?.action;
  if (action === undefined || !networkActions.has(action)) return undefined;
  const { slug } = (request.params ?? {}) as { slug?: unknown };
  return typeof slug === 'string' ? slug : undefined;
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Resolves session and locale for API requests, and rejects cross-site changes (CSRF). */
export function registerRequestContext(app: FastifyInstance, ctx: AppContext): void {
  const allowedOrigins = new Set([new URL(ctx.config.publicUrl).origin]);
  app.decorateRequest('auth', null);
  app.decorateRequest('locale', 'en');
  app.decorateRequest('preloadedStanding', null);

  app.addHook('onRequest', async (request, reply) => {
    ctx.database.freshReads();
    reply.header('x-request-id', request.id);
    request.locale = negotiateLocale(request.headers['accept-language']) ?? 'en';
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      // A network route needs the caller's standing in the network too: one statement for both.
      const slug = networkSlugOf(request);
      if (slug === undefined) request.auth = await resolveSession(ctx, token);
      else {
        const resolved = await resolveSessionWithNetwork(ctx, token, slug);
        request.auth = resolved.auth;
        request.preloadedStanding = resolved.preloaded;
      }
      if (request.auth && isLocale(request.auth.user.locale)) request.locale = request.auth.user.locale;
      if (!request.auth) reply.clearCookie(SESSION_COOKIE, { path: '/' });
    }
    if (UNSAFE_METHODS.has(request.method) && !isSameOrigin(request, allowedOrigins, Boolean(token))) {
      throw new AppError('CSRF_FAILED', 403);
    }
  });
}

/**
 * Browsers send Origin with every cross-site or same-site POST/PATCH/DELETE; a request that
 * carries our cookie must come from our own origin. Requests without a cookie (API clients,
 * curl) and without Origin are not cross-site requests by a browser and pass.
 */
function isSameOrigin(request: FastifyRequest, allowed: Set<string>, hasCookie: boolean): boolean {
  const origin = request.headers.origin;
  const own = `${request.protocol}://${request.host}`;
  if (origin) return origin !== 'null' && (allowed.has(origin) || origin === own);
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite) return fetchSite === 'same-origin' || fetchSite === 'none';
  return !hasCookie;
}
