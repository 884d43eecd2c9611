import type { TFunction } from 'i18next';
import type { HelperReason } from '../../../../common/contracts/help-requests.ts';
import type { HelpRequestKind, HelpRequestStatus, HelpUrgency } from '../../../../common/help-requests.ts';
import { dateTimeFormat } from '../../../../common/intl-fallback.ts';
import { expertiseLabel, languageList, listFormat } from '../../lib/labels.ts';

// Every label spelled out as a literal key, so that the catalogue check sees them used.

/** Text the user wrote keeps its own direction inside a sentence of the page's language. */
export const isolate = (text: string) => `\u2068${text}\u2069`;

export function helpStatusLabel(t: TFunction, status: HelpRequestStatus): string {
  const labels: Record<HelpRequestStatus, string> = {
    open: t('help.status.open'),
    answered: t('help.status.answered'),
    resolved: t('help.status.resolved'),
  };
  return labels[status];
}

export const HELP_STATUS_BADGES: Record<HelpRequestStatus, string> = {
  open: 'badge badge-warn',
  answered: 'badge badge-new',
  resolved: 'badge badge-ok',
};

export function helpKindLabel(t: TFunction, kind: HelpRequestKind): string {
  const labels: Record<HelpRequestKind, string> = {
    question: t('help.kind.question'),
    case: t('help.kind.case'),
  };
  return labels[kind];
}

export function urgencyLabel(t: TFunction, urgency: HelpUrgency): string {
  const labels: Record<HelpUrgency, string> = {
    this_week: t('help.urgency.this_week'),
    soon: t('help.urgency.soon'),
    whenever: t('help.urgency.whenever'),
  };
  return labels[urgency];
}

/** A calendar day (YYYY-MM-DD) in the reader's language, without shifting it across time zones. */
export function formatDay(day: string, locale: string): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return dateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** Why someone is suggested as a helper, in the reader's language. */
export function helperReasonText(t: TFunction, reason: HelperReason, locale: string): string {
  switch (reason.code) {
    case 'shared_expertise':
      return t('help.reason.shared_expertise', {
        areas: listFormat(
          reason.areas.map((a) => expertiseLabel(t, a)),
          locale,
        ),
      });
    case 'shared_languages':
      return t('help.reason.shared_languages', { languages: languageList(reason.languages, locale) });
    case 'same_region':
      return t('help.reason.same_region', { region: isolate(reason.region) });
    case 'available':
      return t('help.reason.available', { availability: isolate(reason.availability) });
    case 'experienced':
      return t('help.reason.experienced');
    case 'helped_before':
      return t('help.reason.helped_before', { count: reason.resolvedCount });
    case 'open_offers':
      return t('help.reason.open_offers', { count: reason.count });
  }
}
