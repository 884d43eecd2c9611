import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Event } from '../../../../common/contracts/events.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { eventKeys, recordAttendance, useAttendees } from './api.ts';

/** The occurrence whose attendance can be recorded now: one that has started, or null. */
export function attendanceOccurrence(event: Event, now = Date.now()): string | null {
  if (event.next) return Date.parse(event.next.startsAt) <= now ? event.next.key : null;
  return event.recurrence ? null : Date.parse(event.startsAt) <= now ? event.startsLocal : null;
}

/** Staff: who answered (with the waiting list) and, once the event has started, who came. */
export function AttendanceSection({ slug, event }: { slug: string; event: Event }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const attendees = useAttendees(slug, event.id, true);
  const occurrence = attendanceOccurrence(event);
  const record = useMutation({
    mutationFn: (ids: string[]) => recordAttendance(slug, event.id, occurrence ?? '', ids),
    onSuccess: (result) => queryClient.setQueryData(eventKeys.attendees(slug, event.id), result),
  });
  const came = new Set(attendees.data?.attendance.find((a) => a.occurrence === occurrence)?.userIds ?? []);
  return (
    <section className="card stack" aria-labelledby="event-attendees">
      <h2 id="event-attendees">{t('events.attendees')}</h2>
      {attendees.isPending && <Loading />}
      {attendees.isError && <QueryError error={attendees.error} onRetry={() => void attendees.refetch()} />}
      {attendees.data && attendees.data.attendees.length === 0 && (
        <p className="empty">{t('events.no_answers')}</p>
      )}
      {attendees.data && attendees.data.attendees.length > 0 && (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            const data = new FormData(e.currentTarget);
            record.mutate(data.getAll('came').map(String));
          }}
        >
          <ul className="plain-list">
            {attendees.data.attendees.map((a) => (
              <li key={a.user.id}>
                {occurrence ? (
                  <label className="choice">
                    <input
                      type="checkbox"
                      name="came"
                      value={a.user.id}
                      defaultChecked={came.has(a.user.id)}
                    />
                    <span>
                      <bdi>{a.user.displayName}</bdi> ·{' '}
                      {a.waiting ? t('events.my_waiting') : t(`events.answer_${a.response}`)}
                    </span>
                  </label>
                ) : (
                  <span>
                    <bdi>{a.user.displayName}</bdi> ·{' '}
                    {a.waiting ? t('events.my_waiting') : t(`events.answer_${a.response}`)}
                  </span>
                )}
              </li>
            ))}
          </ul>
          {occurrence ? (
            <div>
              <Button type="submit" pending={record.isPending}>
                {t('events.record_attendance')}
              </Button>
            </div>
          ) : (
            <p className="muted small">{t('events.attendance_after_start')}</p>
          )}
        </form>
      )}
      {record.isError && <Alert tone="error">{record.error.message}</Alert>}
      {record.isSuccess && <Alert tone="success">{t('events.attendance_saved')}</Alert>}
    </section>
  );
}
