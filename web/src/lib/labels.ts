import type { TFunction } from 'i18next';
import { languageName } from '../../../common/languages.ts';
import type { MentorLevel, NetworkRole, Visibility } from '../../../common/permissions.ts';

// Every label spelled out as a literal key, so scripts/check-i18n.mjs can see that it is used.

export function roleLabel(t: TFunction, role: NetworkRole | string): string {
  const labels: Record<NetworkRole, string> = {
    meta_mentor: t('roles.meta_mentor'),
    office: t('roles.office'),
    mentor: t('roles.mentor'),
  };
  return labels[role as NetworkRole] ?? role;
}

export function levelLabel(t: TFunction, level: MentorLevel | string | null | undefined): string {
  if (!level) return '';
  const labels: Record<MentorLevel, string> = {
    beginner: t('levels.beginner'),
    experienced: t('levels.experienced'),
  };
  return labels[level as MentorLevel] ?? level;
}

export function visibilityLabel(t: TFunction, visibility: Visibility | string): string {
  const labels: Record<Visibility, string> = {
    public: t('visibility.public'),
    unlisted: t('visibility.unlisted'),
    private: t('visibility.private'),
  };
  return labels[visibility as Visibility] ?? visibility;
}

/** Name of an expertise area; the catalogues hold them under expertise.<area>. */
export function expertiseLabel(t: TFunction, area: string): string {
  return t(`expertise.${area}`);
}

/** "Arabic, German" in the reader's language. */
export function listFormat(items: string[], locale: string): string {
  try {
    return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

/** Language names from ISO codes, joined as a list in the reader's language. */
export function languageList(codes: readonly string[], locale: string): string {
  return listFormat(
    codes.map((code) => languageName(code, locale)),
    locale,
  );
}
