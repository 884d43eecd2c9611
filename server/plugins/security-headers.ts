import type { FastifyInstance } from 'fastify';

type HeaderSet = Readonly<Record<string, string>>;

const ONE_YEAR_HSTS = 'max-age=31536000; includeSubDomains';

/**
 * What a browser document (the web app, its static files, the first-run and offline pages) needs:
 * the helmet defaults this app sent until now, value for value.
 */
function pageHeaders(https: boolean): HeaderSet {
  const csp = [
    "default-src 'self'",
    "base-uri 'self'",
    "font-src 'self' https: data:",
    "form-action 'self'",
    "frame-ancestors 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "script-src 'self'",
    "script-src-attr 'none'",
    "style-src 'self' https: 'unsafe-inline'",
    // Behind plain http (a local install) the upgrade would break every request.
    ...(https ? ['upgrade-insecure-requests'] : []),
  ];
  return {
    'content-security-policy': csp.join(';'),
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'no-referrer',
    ...(https && { 'strict-transport-security': ONE_YEAR_HSTS }),
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'SAMEORIGIN',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
  };
}

/**
 * API answers are JSON, avatars and attachments (which set a stricter CSP of their own), and
 * the small unsubscribe page, whose only active part is a plain form. Kept are the headers that
 * matter when such an answer is fetched, embedded or opened directly:
 * - a CSP that lets nothing load or run and forbids framing: a JSON or uploaded file opened as
 *   a document can never execute script (form-action does not fall back to default-src, so the
 *   unsubscribe form still posts);
 * - nosniff, so a browser never reinterprets JSON or an upload as HTML or script;
 * - CORP same-origin, so other sites cannot pull API answers into their process (Spectre);
 * - no-referrer, so tokens in API URLs (unsubscribe links) never leak onward;
 * - X-Frame-Options DENY for browsers without frame-ancestors; nothing under /api is framed;
 * - HSTS on https, which a browser honours on any response.
 * Left out, because they only affect HTML documents the API does not serve: COOP,
 * Origin-Agent-Cluster, DNS prefetch control, X-Download-Options (old IE), cross-domain policies
 * (Flash/PDF plug-ins) and X-XSS-Protection (a removed browser filter).
 */
function apiHeaders(https: boolean): HeaderSet {
  return {
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'cross-origin-resource-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
    ...(https && { 'strict-transport-security': ONE_YEAR_HSTS }),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
  };
}

const API_PREFIX = '/api/';
/** The OpenAPI UI (served by the swagger plugin, which sets its own CSP) is a page with scripts. */
const DOCS_PREFIX = '/api/docs';

function isApiUrl(url: string): boolean {
  if (!url.startsWith(API_PREFIX)) return false;
  if (!url.startsWith(DOCS_PREFIX)) return true;
  const next = url.charAt(DOCS_PREFIX.length);
  return next !== '' && next !== '/' && next !== '?';
}

/**
 * Security headers on every response, from two header sets built once at startup (the config is
 * static, so nothing is computed per request). Set in onRequest, so routes can still tighten a
 * header (attachments) and error answers carry the set too.
 */
export function registerSecurityHeaders(app: FastifyInstance, options: { https: boolean }): void {
  const page = pageHeaders(options.https);
  const api = apiHeaders(options.https);
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(isApiUrl(request.url) ? api : page);
    done();
  });
}
