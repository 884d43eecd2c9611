import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Event } from '../../../../common/contracts/events.ts';
import type { RsvpResponse } from '../../../../common/events.ts';
import { isHttpUrl } from '../../../../common/urls.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { ServerHtml } from '../../components/ServerHtml.tsx';
import { shownName } from '../../lib/people.ts';
import { useCurrentNetwork } from '../networks/NetworkLayout.tsx';
import { AttendanceSection } from './AttendanceSection.tsx';
import { CancelEventButton } from './CancelEventButton.tsx';
import { answerEvent, eventAccess, eventKeys, icsUrl, useEvent } from './api.ts';
import { formatInEventZone, formatOccurrence } from './format.ts';
import { OccurrenceActions } from './OccurrenceActions.tsx';
import { OriginNote } from '../partners/ShareWithPartnersField.tsx';

/** One event: when (in the reader's zone), where, who goes; RSVP, the calendar file, organiser actions. */
export default function EventPage() {
  const network = useCurrentNetwork();
  const { eventId = '' } = useParams();
  const { t } = useTranslation();
  // A list row of a series names its date, so the page shows (and organisers change) that one.
  const [search] = useSearchParams();
  const event = useEvent(network.slug, eventId);
  if (event.isPending) return <Loading />;
  if (event.isError) return <QueryError error={event.error} onRetry={() => void event.refetch()} />;
  return (
    <EventDetails
      event={event.data}
      date={search.get('date')}
      canAnswer={eventAccess(network).rsvp && event.data.origin === null}
      slug={network.slug}
      t={t}
    />
  );
}

function EventDetails({
  event,
  date,
  canAnswer,
  slug,
  t,
}: {
  event: Event;
  date: string | null;
  canAnswer: boolean;
  slug: string;
  t: ReturnType<typeof useTranslation>['t'];
}) {
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const answer = useMutation({
    mutationFn: (response: RsvpResponse) => answerEvent(slug, event.id, response),
    onSuccess: (result) => {
      setError(null);
      queryClient.setQueryData<Event>(eventKeys.event(slug, event.id), (old) =>
        old ? { ...old, counts: result.counts, myRsvp: result.myRsvp } : old,
      );
      void queryClient.invalidateQueries({ queryKey: eventKeys.all(slug) });
    },
    onError: (e) => setError(e.message),
  });
  const chosen = event.upcoming.find((d) => d.key === date && d.key !== event.next?.key) ?? null;
  const when = chosen ??
    event.next ?? { startsAt: event.startsAt, endsAt: event.endsAt, key: event.startsLocal };
  const cancelled = event.status === 'cancelled' || (chosen ?? event.next)?.state === 'cancelled';
  const open = event.status === 'scheduled' && event.next !== null;
  const mine = event.myRsvp;
  return (
    <article className="page stack">
      <p>
        <Link to={`/networks/${slug}/events`}>{t('events.back')}</Link>
      </p>
      <PageHeading title={event.title}>
        <bdi>{event.title}</bdi>
      </PageHeading>
      <OriginNote origin={event.origin} />
      {cancelled && (
        <Alert tone="error">
          {t('events.cancelled')}
          {event.cancelReason && (
            <>
              {': '}
              <bdi>{event.cancelReason}</bdi>
            </>
          )}
        </Alert>
      )}
      <section className="card stack" aria-labelledby="event-when">
        <h2 id="event-when">{event.next && !chosen ? t('events.next_date') : t('events.date')}</h2>
        <p className="strong">
          <time dateTime={when.startsAt}>{formatOccurrence(when, i18n.language)}</time>
        </p>
        <p className="muted small">
          {t('events.event_time', { time: formatInEventZone(when.startsAt, event.timeZone, i18n.language) })}
        </p>
        {event.recurrence && (
          <p>{event.recurrence.freq === 'weekly' ? t('events.repeat_weekly') : t('events.repeat_monthly')}</p>
        )}
        <p>
          {event.format === 'online' ? (
            event.onlineUrl && isHttpUrl(event.onlineUrl) ? (
              <a href={event.onlineUrl} rel="noopener noreferrer" target="_blank" dir="ltr">
                {t('events.join_online')}
              </a>
            ) : (
              t('events.format_online')
            )
          ) : (
            <bdi>{event.address}</bdi>
          )}
        </p>
        {event.origin === null && (
          <p>
            <a className="button button-secondary" href={icsUrl(slug, event.id)} download>
              {t('events.add_to_calendar')}
            </a>
          </p>
        )}
      </section>

      {event.descriptionHtml && (
        <section className="card" aria-label={t('events.description')}>
          <ServerHtml html={event.descriptionHtml} />
        </section>
      )}

      <section className="card stack" aria-labelledby="event-rsvp" aria-live="polite">
        <h2 id="event-rsvp">{t('events.rsvp_title')}</h2>
        <p>
          {event.capacity === null
            ? t('events.going', { count: event.counts.yes })
            : t('events.going_of', { count: event.counts.yes, capacity: event.capacity })}
          {event.counts.maybe > 0 && ` · ${t('events.maybe_count', { count: event.counts.maybe })}`}
          {event.counts.waiting > 0 && ` · ${t('events.waiting_count', { count: event.counts.waiting })}`}
        </p>
        {mine?.waiting && (
          <Alert tone="info">
            {mine.position
              ? t('events.waiting_position', { position: mine.position })
              : t('events.my_waiting')}
          </Alert>
        )}
        {mine && !mine.waiting && mine.response === 'yes' && <p className="strong">{t('events.my_yes')}</p>}
        {canAnswer && open && (
          <div className="actions">
            {mine?.response !== 'yes' && (
              <Button
                pending={answer.isPending && answer.variables === 'yes'}
                onClick={() => answer.mutate('yes')}
              >
                {t('events.answer_yes')}
              </Button>
            )}
            {mine?.response !== 'maybe' && (
              <Button
                variant="secondary"
                pending={answer.isPending && answer.variables === 'maybe'}
                onClick={() => answer.mutate('maybe')}
              >
                {t('events.answer_maybe')}
              </Button>
            )}
            {mine && mine.response !== 'no' ? (
              <Button
                variant="quiet"
                pending={answer.isPending && answer.variables === 'no'}
                onClick={() => answer.mutate('no')}
              >
                {t('events.cancel_rsvp')}
              </Button>
            ) : (
              !mine && (
                <Button variant="quiet" onClick={() => answer.mutate('no')}>
                  {t('events.answer_no')}
                </Button>
              )
            )}
          </div>
        )}
        {error && <Alert tone="error">{error}</Alert>}
      </section>

      {event.organisers.length > 0 && (
        <p className="muted small">
          {t('events.organisers')}{' '}
          {event.organisers.map((o, i) => (
            <span key={o.id}>
              {i > 0 && ', '}
              <bdi>{shownName(t, o)}</bdi>
            </span>
          ))}
        </p>
      )}

      {event.canEdit && (
        <section className="card stack" aria-labelledby="event-organise">
          <h2 id="event-organise">{t('events.organise')}</h2>
          <p>
            <Link className="button button-secondary" to={`/networks/${slug}/events/${event.id}/edit`}>
              {t('events.edit')}
            </Link>
          </p>
          {event.recurrence && (event.next || event.upcoming.length > 0) && event.status === 'scheduled' && (
            <OccurrenceActions slug={slug} event={event} initial={date} />
          )}
          {event.status === 'scheduled' && <CancelEventButton slug={slug} event={event} />}
        </section>
      )}
      {event.canManageAttendance && <AttendanceSection slug={slug} event={event} />}
    </article>
  );
}
