import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageName, languageOptions } from '../../../common/languages.ts';
import { currentLocale } from '../lib/i18n.ts';
import { ChipPicker } from './ChipPicker.tsx';

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
  return (
    <ChipPicker
      legend={legend}
      hint={hint}
      error={error}
      name={name}
      chips={chosen.map((code) => ({
        value: code,
        label: languageName(code, locale),
        removeLabel: t('forms.remove_language', { language: languageName(code, locale) }),
      }))}
      onRemove={(code) => setChosen((list) => list.filter((c) => c !== code))}
      addLabel={t('forms.add_language')}
      options={sorted.filter((l) => !chosen.includes(l.code)).map((l) => ({ value: l.code, label: l.name }))}
      onAdd={(code) => setChosen((list) => (list.includes(code) ? list : [...list, code]))}
    />
  );
}
