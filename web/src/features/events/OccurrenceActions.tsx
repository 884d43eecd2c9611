import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Event, Occurrence } from '../../../../common/contracts/events.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { changeOccurrence, eventKeys } from './api.ts';
import { formatOccurrence } from './format.ts';

/** Organisers: move or cancel one date of a series (the next one). */
export function OccurrenceActions({
  slug,
  event,
  occurrence,
}: {
  slug: string;
  event: Event;
  occurrence: Occurrence;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [startsLocal, setStartsLocal] = useState(occurrence.startsLocal);
  const [endsLocal, setEndsLocal] = useState(occurrence.endsLocal);
  const change = useMutation({
    mutationFn: (body: { state: 'scheduled' | 'cancelled'; startsLocal?: string; endsLocal?: string }) =>
      changeOccurrence(slug, event.id, occurrence.key, body),
    onSuccess: (updated) => {
      queryClient.setQueryData(eventKeys.event(slug, event.id), updated);
      void queryClient.invalidateQueries({ queryKey: eventKeys.all(slug) });
    },
  });
  return (
    <div className="stack">
      <h3>{t('events.this_date', { date: formatOccurrence(occurrence, i18n.language) })}</h3>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          change.mutate({ state: 'scheduled', startsLocal, endsLocal });
        }}
      >
        <TextField
          name="occurrenceStart"
          type="datetime-local"
          label={t('events.field_start')}
          value={startsLocal}
          onChange={(e) => setStartsLocal(e.target.value)}
        />
        <TextField
          name="occurrenceEnd"
          type="datetime-local"
          label={t('events.field_end')}
          value={endsLocal}
          onChange={(e) => setEndsLocal(e.target.value)}
        />
        <div className="actions">
          <Button
            type="submit"
            variant="secondary"
            pending={change.isPending && change.variables?.state === 'scheduled'}
          >
            {t('events.move_date')}
          </Button>
          <Button
            variant="danger"
            pending={change.isPending && change.variables?.state === 'cancelled'}
            onClick={() => change.mutate({ state: 'cancelled' })}
          >
            {t('events.cancel_date')}
          </Button>
        </div>
      </form>
      {change.isError && <Alert tone="error">{change.error.message}</Alert>}
      {change.isSuccess && <Alert tone="success">{t('events.date_changed')}</Alert>}
    </div>
  );
}
