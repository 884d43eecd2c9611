import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChipPicker } from '../../components/ChipPicker.tsx';
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
  const [text, setText] = useState('');
  const wanted = useDeferredValue(text.trim());
  const found = useQuery({
    queryKey: memberSearchKey(slug, wanted),
    queryFn: () => searchMembers(slug, wanted),
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
  const members = found.data?.members ?? [];
  return (
    <ChipPicker
      legend={t('events.field_organisers')}
      hint={t('events.field_organisers_hint')}
      error={error}
      chips={value.map((organiser) => ({
        value: organiser.id,
        label: shownName(t, organiser),
        removeLabel: t('events.remove_organiser', { name: organiser.displayName }),
      }))}
      chipsLabel={t('events.organisers')}
      onRemove={(userId) => onChange(value.filter((o) => o.id !== userId))}
      addLabel={t('events.add_organiser')}
      onTextChange={setText}
      options={members
        .filter((m) => !value.some((o) => o.id === m.userId))
        .map((m) => ({ value: m.userId, label: m.displayName }))}
      onAdd={(userId) => {
        const member = members.find((m) => m.userId === userId);
        if (member && !value.some((o) => o.id === userId))
          onChange([...value, { id: member.userId, displayName: member.displayName }]);
        setText('');
      }}
    />
  );
}
