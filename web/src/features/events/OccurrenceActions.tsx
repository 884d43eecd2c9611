import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Event, Occurrence } from '../../../../common/contracts/events.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { changeOccurrence, eventKeys } from './api.ts';
import { formatOccurrence } from './format.ts';

/**
 * Organisers: move, cancel or restore one date of a series, chosen among its next dates (`initial`
 * names the date a list row led here from; the next one otherwise).
 */
export function OccurrenceActions({
  slug,
  event,
  initial,
}: {
  slug: string;
  event: Event;
  initial?: string | null;
}) {
  const { t, i18n } = useTranslation();
  const dates = event.upcoming.length ? event.upcoming : event.next ? [event.next] : [];
  const [key, setKey] = useState(dates.find((d) => d.key === initial)?.key ?? dates[0]?.key ?? '');
  const chosen = dates.find((d) => d.key === key) ?? dates[0];
  if (!chosen) return null;
  return (
    <div className="stack">
      {dates.length > 1 && (
        <SelectField
          name="occurrence"
          label={t('events.which_date')}
          value={chosen.key}
          onChange={(e) => setKey(e.target.value)}
          options={dates.map((d) => ({
            value: d.key,
            label:
              d.state === 'cancelled'
                ? t('events.date_cancelled_option', { date: formatOccurrence(d, i18n.language) })
                : formatOccurrence(d, i18n.language),
          }))}
        />
      )}
      {/* A fresh form per date, so its fields start from that date's times. */}
      <DateForm key={chosen.key} slug={slug} event={event} occurrence={chosen} />
    </div>
  );
}

function DateForm({ slug, event, occurrence }: { slug: string; event: Event; occurrence: Occurrence }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [startsLocal, setStartsLocal] = useState(occurrence.startsLocal);
  const [endsLocal, setEndsLocal] = useState(occurrence.endsLocal);
  const [confirming, setConfirming] = useState(false);
  const change = useMutation({
    mutationFn: (body: { state: 'scheduled' | 'cancelled'; startsLocal?: string; endsLocal?: string }) =>
      changeOccurrence(slug, event.id, occurrence.key, body),
    onSuccess: (updated) => {
      setConfirming(false);
      queryClient.setQueryData(eventKeys.event(slug, event.id), updated);
      void queryClient.invalidateQueries({ queryKey: eventKeys.all(slug) });
    },
  });
  const cancelled = occurrence.state === 'cancelled';
  return (
    <div className="stack">
      <h3>{t('events.this_date', { date: formatOccurrence(occurrence, i18n.language) })}</h3>
      {cancelled ? (
        <div className="actions">
          <p className="muted">{t('events.date_is_cancelled')}</p>
          <Button
            variant="secondary"
            pending={change.isPending}
            onClick={() => change.mutate({ state: 'scheduled' })}
          >
            {t('events.restore_date')}
          </Button>
        </div>
      ) : (
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
            <Button variant="danger" onClick={() => setConfirming(true)}>
              {t('events.cancel_date')}
            </Button>
          </div>
        </form>
      )}
      {/* Those who answered are told of a cancelled date: ask first. */}
      <ConfirmDialog
        open={confirming}
        message={t('events.cancel_date_confirm', { date: formatOccurrence(occurrence, i18n.language) })}
        confirmLabel={t('events.cancel_date')}
        pending={change.isPending && change.variables?.state === 'cancelled'}
        onConfirm={() => change.mutate({ state: 'cancelled' })}
        onCancel={() => {
          setConfirming(false);
          // The dialog also closes after a success, whose message must stay.
          if (change.isError) change.reset();
        }}
      >
        {confirming && change.isError && <Alert tone="error">{change.error.message}</Alert>}
      </ConfirmDialog>
      {!confirming && change.isError && <Alert tone="error">{change.error.message}</Alert>}
      {change.isSuccess && <Alert tone="success">{t('events.date_changed')}</Alert>}
    </div>
  );
}
