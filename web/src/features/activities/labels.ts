import type { TFunction } from 'i18next';
import type { ActivityKind } from '../../../../common/activities.ts';
import { dateTimeFormat } from '../../../../common/intl-fallback.ts';

// Every label spelled out as a literal key, so that the catalogue check sees them used.
export function activityKindLabel(t: TFunction, kind: ActivityKind): string {
  const labels: Record<ActivityKind, string> = {
    meeting: t('activities.kind.meeting'),
    accompaniment: t('activities.kind.accompaniment'),
    phone_online: t('activities.kind.phone_online'),
    other: t('activities.kind.other'),
  };
  return labels[kind];
}

/** A duration in minutes as people read it: "45 min", "1 h 30 min". */
export function durationLabel(t: TFunction, minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t('activities.duration_minutes', { minutes: rest });
  if (rest === 0) return t('activities.duration_hours', { hours });
  return t('activities.duration_hours_minutes', { hours, minutes: rest });
}

/** A calendar day (YYYY-MM-DD) in the reader's language, the same day in every time zone. */
export function formatDay(day: string, locale: string): string {
  return dateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}
