/**
 * The first path segments of the web app's pages (web/src/app/AppRoutes.tsx). The server answers
 * these with the app shell and 200; any other path outside the API and the assets gets the shell
 * too, so the browser shows the app's "not found" page, but with status 404 — a scraper or a
 * monitor asking for `/metrics` or `/wp-login.php` must not see a success. A test keeps this
 * list and the routes in step.
 */
export const WEB_PAGE_SECTIONS: ReadonlySet<string> = new Set([
  '',
  'signup',
  'verify-email',
  'signin',
  'forgot-password',
  'reset-password',
  'setup',
  'home',
  'account',
  'admin',
  'profile',
  'organisations',
  'networks',
  'messages',
  'notifications',
  'search',
  'unsubscribe',
  'invitations',
  'moderation',
  'log',
  'directory',
  'privacy',
  'terms',
]);

/** Whether a path (without query) is one of the web app's pages. */
export function isWebPage(path: string): boolean {
  const end = path.indexOf('/', 1);
  return WEB_PAGE_SECTIONS.has(path.slice(1, end === -1 ? undefined : end));
}
