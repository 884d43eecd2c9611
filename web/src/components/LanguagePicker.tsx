import { useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../common/contracts/auth.ts';
import { isLocale, isUnreviewed, LOCALES, TRANSLATION_GUIDE_PATH } from '../../../common/locales.ts';
import { authKeys, useMe } from '../features/auth/api.ts';
import { updateMe } from '../features/users/api.ts';
import { autonym, changeLocale, currentLocale } from '../lib/i18n.ts';

const TRANSLATION_NOTE_ID = 'translation-note';

/**
 * Under the header while the UI speaks a language no native speaker has reviewed yet: says so and
 * links to how to propose corrections (docs/translations.md).
 */
export function TranslationNote() {
  const { t, i18n } = useTranslation();
  if (!isUnreviewed(i18n.language)) return null;
  return (
    <p className="translation-note" id={TRANSLATION_NOTE_ID}>
      {t('common.unreviewed_note')}{' '}
      <a href={TRANSLATION_GUIDE_PATH} target="_blank" rel="noopener">
        {t('common.unreviewed_link')}
      </a>
    </p>
  );
}

/** Language switch on every page; when signed in, the choice is saved to the account too. */
export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const id = useId();

  async function onChange(value: string) {
    if (!isLocale(value) || value === currentLocale()) return;
    if (me) {
      const optimistic: Me = { ...me, locale: value };
      queryClient.setQueryData(authKeys.me, optimistic);
    }
    await changeLocale(value);
    if (me) {
      try {
        queryClient.setQueryData(authKeys.me, await updateMe({ locale: value }));
      } catch {
        // The UI already speaks the new language; the account keeps the old one until the next try.
      }
    }
  }

  const unreviewed = isUnreviewed(i18n.language);

  return (
    <div className="language-picker">
      <label htmlFor={id}>
        <svg className="language-icon" aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
          <circle cx="12" cy="12" r="9" />
          <path d="M3 12h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9c-2.5-2.7-3.8-5.7-3.8-9S9.5 5.7 12 3z" />
        </svg>
        <span className="visually-hidden">{t('common.language')}</span>
      </label>
      <select
        id={id}
        value={i18n.language}
        onChange={(e) => void onChange(e.target.value)}
        aria-describedby={unreviewed ? TRANSLATION_NOTE_ID : undefined}
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={isUnreviewed(locale) ? undefined : locale}>
            {isUnreviewed(locale)
              ? t('common.unreviewed_option', { language: autonym(locale) })
              : autonym(locale)}
          </option>
        ))}
      </select>
    </div>
  );
}
