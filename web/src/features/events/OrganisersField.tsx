import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Combobox } from '../../components/Combobox.tsx';
import { shownName } from '../../lib/people.ts';
import { memberSearchKey, searchMembers } from './api.ts';
import type { DraftOrganiser } from './draft.ts';

/**
 * The organisers of an event (they may edit it): removable chips, and a combobox that searches the
 * network's members by name to add a co-organiser (keyboard: type, arrows, Enter).
 */
export function OrganisersField({
  slug,
  value,
  onChange,
  error,
}: {
  slug: string;
  value: readonly DraftOrganiser[];
  onChange: (organisers: DraftOrganiser[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const wanted = useDeferredValue(text.trim());
  const found = useQuery({
    queryKey: memberSearchKey(slug, wanted),
    queryFn: () => searchMembers(slug, wanted),
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
  const members = found.data?.members ?? [];
  const hintId = `${id}-hint`;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ');
  return (
    <fieldset className="field choice-group" aria-describedby={describedBy}>
      <legend>{t('events.field_organisers')}</legend>
      <p id={hintId} className="field-hint">
        {t('events.field_organisers_hint')}
      </p>
      {value.length > 0 && (
        <ul className="chips" aria-label={t('events.organisers')}>
          {value.map((organiser) => (
            <li key={organiser.id} className="chip">
              <bdi>{shownName(t, organiser)}</bdi>
              <button
                type="button"
                className="chip-remove"
                aria-label={t('events.remove_organiser', { name: organiser.displayName })}
                onClick={() => onChange(value.filter((o) => o.id !== organiser.id))}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <Combobox
        label={t('events.add_organiser')}
        labelHidden
        placeholder={t('events.add_organiser')}
        clearOnSelect
        describedBy={describedBy}
        invalid={Boolean(error)}
        onTextChange={setText}
        options={members
          .filter((m) => !value.some((o) => o.id === m.userId))
          .map((m) => ({ value: m.userId, label: m.displayName }))}
        onChange={(userId) => {
          const member = members.find((m) => m.userId === userId);
          if (member && !value.some((o) => o.id === userId))
            onChange([...value, { id: member.userId, displayName: member.displayName }]);
          setText('');
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
