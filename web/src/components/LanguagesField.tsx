import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageName, languageOptions } from '../../../common/languages.ts';
import { currentLocale } from '../lib/i18n.ts';
import { Combobox } from './Combobox.tsx';

interface LanguagesFieldProps {
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  defaultValue?: readonly string[];
  /** Controlled use: the chosen codes and the change (a form that keeps a draft, say). */
  value?: readonly string[];
  onChange?: (codes: string[]) => void;
  /** Offered first (with the common migrant languages): the network's languages, say. */
  first?: readonly string[];
}

/**
 * Choose several of the ~180 ISO 639-1 languages: a searchable combobox adds one (names in the
 * reader's language, sorted), chosen ones show as removable chips and are sent as hidden inputs.
 */
export function LanguagesField({
  name,
  legend,
  hint,
  error,
  defaultValue = [],
  value,
  onChange,
  first = [],
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
  const firstKey = first.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: firstKey stands for the list's content.
  const sorted = useMemo(() => languageOptions(locale, first), [locale, firstKey]);
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
      <Combobox
        label={t('forms.add_language')}
        labelHidden
        placeholder={t('forms.add_language')}
        clearOnSelect
        describedBy={describedBy}
        invalid={Boolean(error)}
        options={sorted
          .filter((l) => !chosen.includes(l.code))
          .map((l) => ({ value: l.code, label: l.name }))}
        onChange={(code) => {
          if (code) setChosen((list) => (list.includes(code) ? list : [...list, code]));
        }}
      />
      {error && (
        <p id={errorId} className="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </fieldset>
  );
}
