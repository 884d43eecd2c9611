import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_CODES, languageName } from '../../../common/languages.ts';
import { currentLocale } from '../lib/i18n.ts';

interface LanguagesFieldProps {
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  defaultValue?: readonly string[];
  /** Controlled use: the chosen codes and the change (a form that keeps a draft, say). */
  value?: readonly string[];
  onChange?: (codes: string[]) => void;
}

/**
 * Choose several of the ~180 ISO 639-1 languages: a select adds one (names in the reader's
 * language, sorted), chosen ones show as removable chips and are sent as hidden inputs.
 */
export function LanguagesField({
  name,
  legend,
  hint,
  error,
  defaultValue = [],
  value,
  onChange,
}: LanguagesFieldProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [own, setOwn] = useState<string[]>([...defaultValue]);
  const chosen = value ? [...value] : own;
  const setChosen = (change: (list: string[]) => string[]) => {
    const next = change(chosen);
    if (!value) setOwn(next);
    onChange?.(next);
  };
  const locale = i18n.language || currentLocale();
  const sorted = useMemo(() => {
    const collator = new Intl.Collator(locale);
    return LANGUAGE_CODES.map((code) => ({ code, name: languageName(code, locale) })).sort((a, b) =>
      collator.compare(a.name, b.name),
    );
  }, [locale]);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="field choice-group" aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {chosen.length > 0 && (
        <ul className="chips">
          {chosen.map((code) => (
            <li key={code} className="chip">
              <span>{languageName(code, locale)}</span>
              <input type="hidden" name={name} value={code} />
              <button
                type="button"
                className="chip-remove"
                aria-label={t('forms.remove_language', { language: languageName(code, locale) })}
                onClick={() => setChosen((list) => list.filter((c) => c !== code))}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={id} className="visually-hidden">
        {t('forms.add_language')}
      </label>
      <select
        id={id}
        value=""
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => {
          const code = event.target.value;
          if (code) setChosen((list) => (list.includes(code) ? list : [...list, code]));
        }}
      >
        <option value="">{t('forms.add_language')}</option>
        {sorted
          .filter((l) => !chosen.includes(l.code))
          .map((l) => (
            <option key={l.code} value={l.code}>
              {l.name}
            </option>
          ))}
      </select>
      {error && (
        <p id={errorId} className="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </fieldset>
  );
}
