import type { UnsubscribeInfo } from '../../../common/contracts/notifications.ts';
import { type Locale, RTL_LOCALES } from '../../../common/locales.ts';
import { translate } from '../../lib/i18n.ts';

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

const SCOPE_KEYS = {
  mention: 'notifications.unsubscribe.scope_mention',
  reply: 'notifications.unsubscribe.scope_reply',
  message: 'notifications.unsubscribe.scope_message',
  buddies: 'notifications.unsubscribe.scope_buddies',
  help: 'notifications.unsubscribe.scope_help',
  events: 'notifications.unsubscribe.scope_events',
  applications: 'notifications.unsubscribe.scope_applications',
  progression: 'notifications.unsubscribe.scope_progression',
  reengagement: 'notifications.unsubscribe.scope_reengagement',
  help_wanted: 'notifications.unsubscribe.scope_help_wanted',
  upcoming_events: 'notifications.unsubscribe.scope_upcoming_events',
  missed: 'notifications.unsubscribe.scope_missed',
  records: 'notifications.unsubscribe.scope_records',
  all: 'notifications.unsubscribe.scope_all',
} as const;

/**
 * The page behind the link in a mail (no web app or session needed): says what the link turns
 * off and asks to confirm with a POST, so that link scanners in mail systems change nothing.
 */
export function renderUnsubscribePage(
  locale: Locale,
  state: { info: UnsubscribeInfo; token: string } | { error: 'invalid' | 'expired' },
): string {
  const t = (key: string, params?: Record<string, string>) => escapeHtml(translate(locale, key, params));
  let body: string;
  if ('error' in state) {
    body = `<p>${t(state.error === 'expired' ? 'notifications.unsubscribe.expired' : 'notifications.unsubscribe.invalid')}</p>`;
  } else {
    const { info, token } = state;
    const what = `<p>${t(SCOPE_KEYS[info.scope], { email: info.email })}</p><p>${t('notifications.unsubscribe.announcements')}</p>`;
    body = info.done
      ? `<p>${t('notifications.unsubscribe.done')}</p>${what}`
      : `${what}<form method="post" action="/api/notifications/unsubscribe?token=${encodeURIComponent(token)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${t('notifications.unsubscribe.confirm')}</button></form>`;
  }
  const dir = RTL_LOCALES.includes(locale) ? 'rtl' : 'ltr';
  return `<!doctype html><html lang="${locale}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t('notifications.unsubscribe.title')}</title></head><body><main><h1>${t('notifications.unsubscribe.title')}</h1>${body}</main></body></html>`;
}
