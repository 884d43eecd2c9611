import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

type HeaderSet = Readonly<Record<string, string>>;

/** A year, with subdomains: sent only when the platform is served over https. */
const HSTS = { maxAge: 31_536_000, includeSubDomains: true };

/**
 * What a browser document (the web app, its static files, the first-run and offline pages) needs:
 * helmet's own defaults, spelled out so that the policy reads here and a new helmet release cannot
 * change it unnoticed.
 */
function pagePolicy(https: boolean, tileSource: string): HelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'base-uri': ["'self'"],
        'font-src': ["'self'", 'https:', 'data:'],
        'form-action': ["'self'"],
        'frame-ancestors': ["'self'"],
        // The directory map's tiles come from the configured tile server, and only its images.
        'img-src': ["'self'", 'data:', tileSource],
        'object-src': ["'none'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'", 'https:', "'unsafe-inline'"],
        // Behind plain http (a local install) the upgrade would break every request.
        ...(https && { 'upgrade-insecure-requests': [] }),
      },
    },
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    originAgentCluster: true,
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: https ? HSTS : false,
    xContentTypeOptions: true,
    xDnsPrefetchControl: { allow: false },
    xDownloadOptions: true,
    xFrameOptions: { action: 'sameorigin' },
    xPermittedCrossDomainPolicies: { permittedPolicies: 'none' },
    xXssProtection: true,
  };
}

/**
 * API answers are JSON, avatars and attachments (which set a stricter CSP of their own), and
 * the small unsubscribe page, whose only active part is a plain form. Kept are the headers that
 * matter when such an answer is fetched, embedded or opened directly:
 * - a CSP that lets nothing load or run and forbids framing (API_CSP below);
 * - nosniff, so a browser never reinterprets JSON or an upload as HTML or script;
 * - CORP same-origin, so other sites cannot pull API answers into their process (Spectre);
 * - no-referrer, so tokens in API URLs (unsubscribe links) never leak onward;
 * - X-Frame-Options DENY for browsers without frame-ancestors; nothing under /api is framed;
 * - HSTS on https, which a browser honours on any response.
 * Left out, because they only affect HTML documents the API does not serve: COOP,
 * Origin-Agent-Cluster, DNS prefetch control, X-Download-Options (old IE), cross-domain policies
 * (Flash/PDF plug-ins) and X-XSS-Protection (a removed browser filter).
 */
function apiPolicy(https: boolean): HelmetOptions {
  return {
    // Set as API_CSP instead: helmet joins directives without a space, and the value stays as it was.
    contentSecurityPolicy: false,
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: false,
    crossOriginResourcePolicy: { policy: 'same-origin' },
    originAgentCluster: false,
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: https ? HSTS : false,
    xContentTypeOptions: true,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xFrameOptions: { action: 'deny' },
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  };
}

/**
 * A JSON or uploaded file opened as a document can never execute script, nor be framed
 * (form-action does not fall back to default-src, so the unsubscribe form still posts).
 */
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * The headers helmet sends for a policy, worked out once at startup: the policy is static.
 * @fastify/helmet builds helmet anew on every request, which cost about 20 µs more CPU per API
 * answer and 30 µs per page than this prepared set (bare routes, one process; see also the
 * security headers row in bench/README.md).
 */
function headersOf(policy: HelmetOptions): HeaderSet {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string) {
      headers[name.toLowerCase()] = value;
    },
    // X-Powered-By, which Fastify never sends.
    removeHeader() {},
  };
  helmet(policy)({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
  });
  return headers;
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
 * Security headers on every response, from helmet: the page policy for documents, the API policy
 * for everything under /api (unknown routes and errors included, so the choice goes by URL rather
 * than by route). Set in onRequest, before any other hook can answer (CSRF), so that a route can
 * still tighten a header (attachments).
 */
export function registerSecurityHeaders(
  app: FastifyInstance,
  options: { https: boolean; tileSource: string },
): void {
  const page = headersOf(pagePolicy(options.https, options.tileSource));
  const api = { 'content-security-policy': API_CSP, ...headersOf(apiPolicy(options.https)) };
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(isApiUrl(request.url) ? api : page);
    done();
  });
}
