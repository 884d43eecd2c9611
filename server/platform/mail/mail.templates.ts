import type { Locale } from '../../../common/locales.ts';
import { intlLocale, RTL_LOCALES } from '../../../common/locales.ts';
import type { NotificationKindCode } from '../../../common/notifications.ts';
import { translate } from '../../lib/i18n.ts';

type Params = Record<string, string | number>;

/** The mails mentorNET sends, each with the values it needs. */
export type MailTemplate =
  | { name: 'verify'; params: { name: string; url: string; hours: number } }
  | { name: 'register_exists'; params: { name: string; url: string } }
  | { name: 'reset'; params: { name: string; url: string; minutes: number } }
  | { name: 'password_changed'; params: { name: string } }
  /** The person's data export is ready to download (signed in) until `days` have passed. */
  | { name: 'data_export_ready'; params: { name: string; url: string; days: number } }
  /** The account was deactivated and will be erased after `days`, unless the person signs in. */
  | { name: 'account_deletion'; params: { name: string; url: string; days: number } }
  | {
      /** Two-factor sign-in turned on or off, new recovery codes made, a passkey added or removed (other sessions were signed out). */
      name: 'two_factor_changed';
      params: {
        name: string;
        change: 'enabled' | 'disabled' | 'recovery_codes' | 'passkey_added' | 'passkey_removed';
      };
    }
  | {
      name: 'invitation' | 'invitation_reminder';
      /** name is empty when the invitee has no account yet; role is a network role or 'experienced' (mentor). */
      params: { name: string; network: string; inviter: string; role: string; url: string; days: number };
    }
  | {
      /** An invitation to someone who finished a MOOC session: they usually have no account yet. */
      name: 'graduate_invitation' | 'graduate_invitation_reminder';
      params: {
        /** The name the course reported. */
        name: string;
        network: string;
        inviter: string;
        course: string;
        /** The session's first and last day (YYYY-MM-DD). */
        startsOn: string;
        endsOn: string;
        url: string;
        days: number;
      };
    }
  | {
      name: 'application_approved' | 'application_declined';
      params: { name: string; network: string; decider: string; message: string; url: string };
    }
  | {
      name: 'announcement';
      /** text is the announcement's Markdown source, sent as it was written. */
      params: {
        name: string;
        network: string;
        author: string;
        title: string;
        text: string;
        url: string;
        /** Link that turns off the recipient's optional notification e-mail (announcements stay on). */
        unsubscribeUrl?: string;
      };
    }
  | {
      /** Notifications e-mailed at once (one mail for everything pending) or as the daily digest. */
      name: 'notification' | 'notification_digest';
      params: { name: string; items: NotificationMailItem[]; url: string; unsubscribeUrl: string };
    };

/** One line of a notification mail. */
export interface NotificationMailItem {
  kind: NotificationKindCode;
  actor: string;
  network: string;
  title: string;
  count: number;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

interface MailLayout {
  subject: string;
  greeting: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  after: string[];
  /** Shown below the footer, in every notification mail. */
  unsubscribe?: { label: string; url: string };
  /** Why the recipient gets this mail, when it is not "because of your account". */
  footer?: string;
}

/** A course session's days as the language writes a range ("Mar 3 – 28, 2025"); the days are calendar days. */
function sessionDays(locale: Locale, startsOn: string, endsOn: string): string {
  const format = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeZone: 'UTC' });
  return format.formatRange(new Date(`${startsOn}T00:00:00Z`), new Date(`${endsOn}T00:00:00Z`));
}

/** Values that people wrote or chose (names, titles, networks): isolated in the plain-text mail. */
const USER_PARAMS = new Set(['name', 'network', 'inviter', 'course', 'decider', 'author', 'title', 'actor']);

type Isolate = (text: string) => string;
const asIs: Isolate = (text) => text;
/**
 * Unicode isolates (FSI … PDI) around user text in plain text, line by line (a line break ends an
 * isolate): a German title stays "Jobcenter?" in an Arabic mail instead of "?Jobcenter".
 */
export const isolateText: Isolate = (text) =>
  text
    .split('\n')
    .map((line) => (line ? `\u2068${line}\u2069` : line))
    .join('\n');

// Private-use characters that never occur in a catalogue stand for <bdi dir="auto"> and </bdi>.
const BDI_OPEN = '\uE010';
const BDI_CLOSE = '\uE011';
const markForBdi: Isolate = (text) =>
  text
    .replace(/[\uE010\uE011]/g, '')
    .split('\n')
    .map((line) => (line ? `${BDI_OPEN}${line}${BDI_CLOSE}` : line))
    .join('\n');

/** Escapes HTML, then turns the marks of markForBdi into <bdi dir="auto"> elements. */
function bdiHtml(value: string): string {
  return escapeHtml(value).replaceAll(BDI_OPEN, '<bdi dir="auto">').replaceAll(BDI_CLOSE, '</bdi>');
}

function isolateParams(params: Params | undefined, iso: Isolate): Params | undefined {
  if (!params || iso === asIs) return params;
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [
      k,
      typeof v === 'string' && USER_PARAMS.has(k) && v ? iso(v) : v,
    ]),
  );
}

function layoutFor(
  locale: Locale,
  template: MailTemplate,
  platformName: string,
  iso: Isolate = asIs,
): MailLayout {
  const plain = mailTranslator(locale, platformName);
  const tm = (key: string, params?: Params) => plain(key, isolateParams(params, iso));
  const t = (key: string, params?: Params) => tm(`mail.${template.name}.${key}`, params);
  const greeting = tm('mail.greeting', { name: template.params.name });
  switch (template.name) {
    case 'verify':
      return {
        subject: t('subject'),
        greeting,
        paragraphs: [t('body')],
        action: { label: t('action'), url: template.params.url },
        after: [t('expiry', { hours: template.params.hours }), t('ignore')],
      };
    case 'register_exists':
      return {
        subject: t('subject'),
        greeting,
        paragraphs: [t('body')],
        action: { label: t('action'), url: template.params.url },
        after: [t('ignore')],
      };
    case 'reset':
      return {
        subject: t('subject'),
        greeting,
        paragraphs: [t('body')],
        action: { label: t('action'), url: template.params.url },
        after: [t('expiry', { minutes: template.params.minutes }), t('ignore')],
      };
    case 'password_changed':
      return { subject: t('subject'), greeting, paragraphs: [t('body')], after: [t('ignore')] };
    case 'two_factor_changed': {
      const { change } = template.params;
      return {
        subject: t('subject', { change }),
        greeting,
        paragraphs: [t('body', { change })],
        after: [t('ignore')],
      };
    }
    case 'data_export_ready':
      return {
        subject: t('subject'),
        greeting,
        paragraphs: [t('body')],
        action: { label: t('action'), url: template.params.url },
        after: [t('expiry', { days: template.params.days })],
      };
    case 'account_deletion':
      return {
        subject: t('subject'),
        greeting,
        paragraphs: [t('body', { days: template.params.days })],
        action: { label: t('action'), url: template.params.url },
        after: [t('ignore')],
      };
    case 'invitation':
    case 'invitation_reminder': {
      const { network, inviter, role, url, days } = template.params;
      return {
        subject: t('subject', { network }),
        greeting: template.params.name ? greeting : t('greeting'),
        paragraphs: [t('body', { inviter, network, role })],
        action: { label: t('action'), url },
        after: [t('expiry', { days }), t('ignore')],
      };
    }
    case 'graduate_invitation':
    case 'graduate_invitation_reminder': {
      const { network, inviter, course, url, days } = template.params;
      const session = sessionDays(locale, template.params.startsOn, template.params.endsOn);
      return {
        subject: t('subject', { network, course }),
        greeting,
        paragraphs: [t('body', { inviter, network, course, session }), t('next')],
        action: { label: t('action'), url },
        after: [t('expiry', { days }), t('ignore')],
        footer: t('footer', { course, network, inviter }),
      };
    }
    case 'application_approved':
    case 'application_declined': {
      const { network, decider, message, url } = template.params;
      return {
        subject: t('subject', { network }),
        greeting,
        paragraphs: [t('body', { network }), ...(message ? [t('message', { decider }), iso(message)] : [])],
        action: { label: t('action'), url },
        after: [],
      };
    }
    case 'announcement': {
      const { network, author, title, text, url, unsubscribeUrl } = template.params;
      return {
        subject: t('subject', { network, title }),
        greeting,
        paragraphs: [t('body', { author, network }), iso(title), iso(text)],
        action: { label: t('action'), url },
        after: [],
        ...(unsubscribeUrl && {
          unsubscribe: { label: tm('mail.unsubscribe.announcement'), url: unsubscribeUrl },
        }),
      };
    }
    case 'notification':
    case 'notification_digest':
      return notificationLayout(locale, template.name, template.params, greeting, platformName, iso);
  }
}

const NOTIFICATION_LINES: Record<NotificationMailItem['kind'], string> = {
  mention: 'mail.notification.item.mention',
  reply: 'mail.notification.item.reply',
  message: 'mail.notification.item.message',
  announcement: 'mail.notification.item.announcement',
  buddy_requested: 'mail.notification.item.buddy_requested',
  buddy_proposed: 'mail.notification.item.buddy_proposed',
  buddy_accepted: 'mail.notification.item.buddy_accepted',
  buddy_declined: 'mail.notification.item.buddy_declined',
  buddy_ended: 'mail.notification.item.buddy_ended',
  buddy_checkin: 'mail.notification.item.buddy_checkin',
  help_suggested: 'mail.notification.item.help_suggested',
  help_case: 'mail.notification.item.help_case',
  help_response: 'mail.notification.item.help_response',
  help_offer: 'mail.notification.item.help_offer',
  help_thanks: 'mail.notification.item.help_thanks',
  help_escalated: 'mail.notification.item.help_escalated',
  event_reminder: 'mail.notification.item.event_reminder',
  event_changed: 'mail.notification.item.event_changed',
  event_cancelled: 'mail.notification.item.event_cancelled',
  event_place: 'mail.notification.item.event_place',
  application_received: 'mail.notification.item.application_received',
  moderation_warning: 'mail.notification.item.moderation_warning',
  moderation_suspended: 'mail.notification.item.moderation_suspended',
  report_actioned: 'mail.notification.item.report_actioned',
  report_dismissed: 'mail.notification.item.report_dismissed',
  progression_experienced: 'mail.notification.item.progression_experienced',
  progression_candidate: 'mail.notification.item.progression_candidate',
  nudge_reengagement: 'mail.notification.item.nudge_reengagement',
  nudge_missed: 'mail.notification.item.nudge_missed',
  nudge_help_wanted: 'mail.notification.item.nudge_help_wanted',
  nudge_upcoming_events: 'mail.notification.item.nudge_upcoming_events',
  record_check_expiring: 'mail.notification.item.record_check_expiring',
  record_commitment_ending: 'mail.notification.item.record_commitment_ending',
  record_handover: 'mail.notification.item.record_handover',
  partnership_requested: 'mail.notification.item.partnership_requested',
  partnership_accepted: 'mail.notification.item.partnership_accepted',
  partnership_declined: 'mail.notification.item.partnership_declined',
  partnership_ended: 'mail.notification.item.partnership_ended',
  organisation_join_requested: 'mail.notification.item.organisation_join_requested',
  organisation_join_approved: 'mail.notification.item.organisation_join_approved',
  organisation_join_declined: 'mail.notification.item.organisation_join_declined',
  network_handed_over: 'mail.notification.item.network_handed_over',
};

/** A line per notification; the digest groups them under their network. */
function notificationLayout(
  locale: Locale,
  name: 'notification' | 'notification_digest',
  params: { items: NotificationMailItem[]; url: string; unsubscribeUrl: string },
  greeting: string,
  platformName: string,
  iso: Isolate,
): MailLayout {
  const plain = mailTranslator(locale, platformName);
  const tm = (key: string, params?: Params) => plain(key, isolateParams(params, iso));
  const line = (item: NotificationMailItem) => tm(NOTIFICATION_LINES[item.kind], { ...item });
  const unsubscribe = { label: tm('mail.unsubscribe.label'), url: params.unsubscribeUrl };
  const action = { label: tm('mail.notification.action'), url: params.url };
  const [only] = params.items;
  if (name === 'notification' && params.items.length === 1 && only) {
    return {
      subject: tm(`mail.notification.subject.${only.kind}`, { ...only }),
      greeting,
      paragraphs: [line(only)],
      action,
      after: [],
      unsubscribe,
    };
  }
  const byNetwork = new Map<string, string[]>();
  for (const item of params.items)
    byNetwork.set(item.network, [...(byNetwork.get(item.network) ?? []), line(item)]);
  const count = params.items.length;
  return {
    subject:
      name === 'notification_digest'
        ? tm('mail.notification_digest.subject', { count })
        : tm('mail.notification.subject.many', { count }),
    greeting,
    paragraphs: [
      tm(`mail.${name}.body`),
      ...[...byNetwork].map(([network, lines]) =>
        [network ? iso(network) : tm('mail.notification_digest.direct'), ...lines.map((l) => `• ${l}`)].join(
          '\n',
        ),
      ),
    ],
    action,
    after: [],
    unsubscribe,
  };
}

/** Where mails come from: the platform's address and the name it signs with. */
export interface MailSite {
  url: string;
  name: string;
}

/** Translates a mail string; every one may name the platform as {platformName}. */
function mailTranslator(locale: Locale, platformName: string) {
  return (key: string, params?: Params) => translate(locale, key, { platformName, ...params });
}

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** Renders a mail as plain text and HTML in the recipient's language. */
export function renderMail(locale: Locale, template: MailTemplate, site: MailSite): RenderedMail {
  const tm = mailTranslator(locale, site.name);
  const platformUrl = site.url;
  const layout = layoutFor(locale, template, site.name);
  // The plain text isolates user text (the HTML does the same with <bdi>); the subject stays as written.
  const textLayout = layoutFor(locale, template, site.name, isolateText);
  const signature = tm('mail.signature');
  const footer = layout.footer ?? tm('mail.footer', { platform: platformUrl });
  const text = [
    textLayout.greeting,
    ...textLayout.paragraphs,
    ...(textLayout.action ? [`${textLayout.action.label}:\n${textLayout.action.url}`] : []),
    ...textLayout.after,
    signature,
    '--',
    textLayout.footer ?? footer,
    ...(textLayout.unsubscribe ? [`${textLayout.unsubscribe.label}:\n${textLayout.unsubscribe.url}`] : []),
  ].join('\n\n');
  const dir = RTL_LOCALES.includes(locale) ? 'rtl' : 'ltr';
  // The HTML isolates the same user text in <bdi dir="auto">: marked before escaping, tags after.
  const htmlLayout = layoutFor(locale, template, site.name, markForBdi);
  const p = (s: string) => `<p style="margin:0 0 16px;white-space:pre-line">${bdiHtml(s)}</p>`;
  const button = layout.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(layout.action.url)}" style="background:#1f5f8b;color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(layout.action.label)}</a></p><p style="margin:0 0 16px;font-size:13px;color:#555;word-break:break-all">${escapeHtml(layout.action.url)}</p>`
    : '';
  const html = `<!doctype html><html lang="${locale}" dir="${dir}"><head><meta charset="utf-8"><title>${escapeHtml(layout.subject)}</title></head><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1b1b1b;max-width:560px;margin:0 auto;padding:24px">${p(htmlLayout.greeting)}${htmlLayout.paragraphs.map(p).join('')}${button}${htmlLayout.after.map(p).join('')}${p(signature)}<hr style="border:none;border-top:1px solid #ddd"><p style="font-size:12px;color:#666">${bdiHtml(htmlLayout.footer ?? footer)}</p>${layout.unsubscribe ? `<p style="font-size:12px"><a href="${escapeHtml(layout.unsubscribe.url)}" style="color:#666">${escapeHtml(layout.unsubscribe.label)}</a></p>` : ''}</body></html>`;
  return { subject: layout.subject, text, html };
}
