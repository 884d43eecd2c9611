import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { RecordDepartureBody, VolunteerRecord } from '../../../../common/contracts/volunteer-records.ts';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { UserText } from '../../components/UserText.tsx';
import { formatDay } from '../help/labels.ts';
import { useMembers } from '../members/api.ts';
import { useCurrentNetwork } from '../networks/NetworkLayout.tsx';
import { endRecordLeave, recordDeparture, recordKeys, setRecordLeave, useVolunteerRecord } from './api.ts';
import { StatusSection } from './StatusSection.tsx';

type Done = 'leave' | 'return' | 'left' | null;
const DONE = {
  leave: 'records.done_leave',
  return: 'records.done_return',
  left: 'records.done_left',
} as const;

/** A volunteer's record (B6): status and its actions for staff, training, checks, commitment. */
export default function RecordPage() {
  const network = useCurrentNetwork();
  const { userId = '' } = useParams();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const record = useVolunteerRecord(network.slug, userId);
  const members = useMembers(network.slug, '');
  const [done, setDone] = useState<Done>(null);
  const change = useMutation({
    mutationFn: (
      a: { kind: 'leave'; until: string } | { kind: 'return' } | { kind: 'left'; body: RecordDepartureBody },
    ) =>
      a.kind === 'leave'
        ? setRecordLeave(network.slug, userId, a.until)
        : a.kind === 'return'
          ? endRecordLeave(network.slug, userId)
          : recordDeparture(network.slug, userId, a.body),
    onSuccess: (next, a) => {
      queryClient.setQueryData(recordKeys.one(network.slug, userId), next);
      setDone(a.kind);
    },
  });
  const receivers = (members.data?.pages.flatMap((p) => p.members) ?? [])
    .filter((m) => m.userId !== record.data?.userId)
    .map((m) => ({ userId: m.userId, displayName: m.displayName }));

  return (
    <div className="page stack">
      <PageHeading
        title={
          record.data
            ? t('records.heading_name', { name: `\u2068${record.data.displayName}\u2069` })
            : t('records.title')
        }
      />
      {record.isPending && <Loading />}
      {record.isError && <QueryError error={record.error} onRetry={() => void record.refetch()} />}
      {done && <Alert tone="success">{t(DONE[done])}</Alert>}
      {record.data && (
        <>
          <StatusSection
            record={record.data}
            receivers={receivers}
            pending={change.isPending}
            error={change.isError ? change.error.message : null}
            today={new Date().toISOString().slice(0, 10)}
            onLeave={(until) => change.mutateAsync({ kind: 'leave', until })}
            onReturn={() => change.mutateAsync({ kind: 'return' })}
            onDepart={(body) => change.mutateAsync({ kind: 'left', body })}
          />
          <RecordDetails record={record.data} />
        </>
      )}
    </div>
  );
}

/** Training, checks and commitment as recorded. */
export function RecordDetails({ record }: { record: VolunteerRecord }) {
  const { t, i18n } = useTranslation();
  const day = (d: string) => formatDay(d, i18n.language);
  return (
    <>
      <section className="stack-tight">
        <h2>{t('records.trainings_heading')}</h2>
        {record.trainings.length === 0 ? (
          <p className="empty">{t('records.none')}</p>
        ) : (
          <ul className="rows">
            {record.trainings.map((x) => (
              <li key={x.id} className="row">
                <UserText>{x.title}</UserText>
                {x.completedOn && <span className="muted small"> · {day(x.completedOn)}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="stack-tight">
        <h2>{t('records.checks_heading')}</h2>
        {record.checks.length === 0 ? (
          <p className="empty">{t('records.none')}</p>
        ) : (
          <ul className="rows">
            {record.checks.map((c) => (
              <li key={c.id} className="row">
                <UserText>{c.kind}</UserText>
                <span className="muted small">
                  {' · '}
                  {t('records.check_seen', { date: day(c.seenOn) })}
                  {c.validUntil && ` · ${t('records.check_valid_until', { date: day(c.validUntil) })}`}
                </span>
                {!c.valid && <span className="badge badge-warn">{t('records.check_expired')}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="stack-tight">
        <h2>{t('records.commitment_heading')}</h2>
        <p>
          {record.commitment
            ? record.commitment.until
              ? t('records.commitment_until', {
                  hours: record.commitment.hoursPerWeek,
                  date: day(record.commitment.until),
                })
              : t('records.commitment_open', { hours: record.commitment.hoursPerWeek })
            : t('records.none')}
        </p>
      </section>
    </>
  );
}
