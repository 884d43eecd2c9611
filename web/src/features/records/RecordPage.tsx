import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { RecordDepartureBody, VolunteerRecord } from '../../../../common/contracts/volunteer-records.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { UserText } from '../../components/UserText.tsx';
import { formatDay } from '../help/labels.ts';
import { useMembers } from '../members/api.ts';
import { useCurrentNetwork } from '../networks/NetworkLayout.tsx';
import {
  addRecordCheck,
  addRecordTraining,
  endRecordLeave,
  recordDeparture,
  recordKeys,
  removeRecordItem,
  setRecordCommitment,
  setRecordLeave,
  updateRecordCheck,
  updateRecordTraining,
  useVolunteerRecord,
} from './api.ts';
import { CheckForm, CommitmentForm, TrainingForm } from './RecordForms.tsx';
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
  const own = userId === 'me';
  // Actions go to the member's id (the status and removal paths take no `me`).
  const memberId = record.data?.userId ?? userId;
  const members = useMembers(network.slug, '', record.data?.canManage === true);
  const [done, setDone] = useState<Done>(null);
  const change = useMutation({
    mutationFn: (
      a: { kind: 'leave'; until: string } | { kind: 'return' } | { kind: 'left'; body: RecordDepartureBody },
    ) =>
      a.kind === 'leave'
        ? setRecordLeave(network.slug, memberId, a.until)
        : a.kind === 'return'
          ? endRecordLeave(network.slug, memberId)
          : recordDeparture(network.slug, memberId, a.body),
    onSuccess: (next, a) => {
      queryClient.setQueryData(recordKeys.one(network.slug, userId), next);
      setDone(a.kind);
    },
  });
  const key = recordKeys.one(network.slug, userId);
  const store = (next: VolunteerRecord) => queryClient.setQueryData(key, next);
  const editor: RecordEditor = {
    addTraining: (body) => addRecordTraining(network.slug, memberId, body).then(store),
    addCheck: (body) => addRecordCheck(network.slug, memberId, body).then(store),
    updateTraining: (id, body) => updateRecordTraining(network.slug, memberId, id, body).then(store),
    updateCheck: (id, body) => updateRecordCheck(network.slug, memberId, id, body).then(store),
    setCommitment: (body) => setRecordCommitment(network.slug, memberId, body).then(store),
    remove: (id) =>
      removeRecordItem(network.slug, memberId, id).then(() =>
        queryClient.invalidateQueries({ queryKey: key }),
      ),
  };
  const receivers = (members.data?.pages.flatMap((p) => p.members) ?? [])
    .filter((m) => m.userId !== record.data?.userId)
    .map((m) => ({ userId: m.userId, displayName: m.displayName }));

  return (
    <div className="page stack">
      <PageHeading
        title={
          own
            ? t('records.my_title')
            : record.data
              ? t('records.heading_name', { name: `\u2068${record.data.displayName}\u2069` })
              : t('records.title')
        }
      />
      {record.isPending && <Loading />}
      {record.isError && <QueryError error={record.error} onRetry={() => void record.refetch()} />}
      {done && <Alert tone="success">{t(DONE[done])}</Alert>}
      {record.data && (
        <>
          {!record.data.canManage && <p className="muted">{t('records.read_only_note')}</p>}
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
          <RecordDetails record={record.data} editor={editor} />
        </>
      )}
    </div>
  );
}

/** What staff do to training, checks and commitment; each resolves once saved, rejects when refused. */
export interface RecordEditor {
  addTraining: (body: { title: string; completedOn: string }) => Promise<unknown>;
  addCheck: (body: { kind: string; seenOn: string; validUntil: string | null }) => Promise<unknown>;
  updateTraining: (id: string, body: { title: string; completedOn: string }) => Promise<unknown>;
  updateCheck: (
    id: string,
    body: { kind: string; seenOn: string; validUntil: string | null },
  ) => Promise<unknown>;
  setCommitment: (body: { hoursPerWeek: number | null; until: string | null }) => Promise<unknown>;
  remove: (id: string) => Promise<unknown>;
}

type Removal =
  | { kind: 'training'; id: string; label: string }
  | { kind: 'check'; id: string; label: string }
  | { kind: 'commitment' };

/**
 * Training, checks and commitment as recorded; with an editor and a record the caller may manage,
 * the forms to add training and checks, set the commitment, and remove (confirmed first).
 */
export function RecordDetails({ record, editor }: { record: VolunteerRecord; editor?: RecordEditor }) {
  const { t, i18n } = useTranslation();
  const day = (d: string) => formatDay(d, i18n.language);
  const manage = record.canManage && editor !== undefined && record.status.state !== 'left';
  const [removal, setRemoval] = useState<Removal | null>(null);
  // The entry being corrected, in place of its row.
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState(false);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const name = `\u2068${record.displayName}\u2069`;
  const confirmRemoval = () => {
    if (!editor || !removal) return;
    setRemoving(true);
    setRemoveError(null);
    const saving =
      removal.kind === 'commitment'
        ? editor.setCommitment({ hoursPerWeek: null, until: null })
        : editor.remove(removal.id);
    saving.then(
      () => {
        setRemoving(false);
        setRemoval(null);
      },
      (e: unknown) => {
        setRemoving(false);
        setRemoveError(e instanceof Error ? e.message : String(e));
      },
    );
  };
  return (
    <>
      <section className="stack-tight">
        <h2>{t('records.trainings_heading')}</h2>
        {record.trainings.length === 0 ? (
          <p className="empty">{t('records.none_trainings')}</p>
        ) : (
          <ul className="rows">
            {record.trainings.map((x) =>
              manage && editor && editing === x.id ? (
                <li key={x.id}>
                  <TrainingForm
                    initial={{ title: x.title, completedOn: x.completedOn ?? '' }}
                    onSave={(body) => editor.updateTraining(x.id, body)}
                    onClose={() => setEditing(null)}
                  />
                </li>
              ) : (
                <li key={x.id} className="row">
                  <UserText>{x.title}</UserText>
                  {x.completedOn && <span className="muted small"> · {day(x.completedOn)}</span>}
                  {x.source === 'mooc' && <span className="badge">{t('records.training_mooc')}</span>}
                  {manage && x.source === 'manual' && (
                    <div className="row-actions">
                      <Button
                        variant="quiet"
                        aria-label={t('records.edit_training_label', { title: `\u2068${x.title}\u2069` })}
                        onClick={() => setEditing(x.id)}
                      >
                        {t('records.edit_button')}
                      </Button>
                      <Button
                        variant="quiet"
                        aria-label={t('records.remove_training_label', { title: `\u2068${x.title}\u2069` })}
                        onClick={() => setRemoval({ kind: 'training', id: x.id, label: x.title })}
                      >
                        {t('records.remove_button')}
                      </Button>
                    </div>
                  )}
                </li>
              ),
            )}
          </ul>
        )}
        {manage && editor && <TrainingForm onSave={editor.addTraining} />}
      </section>
      <section className="stack-tight">
        <h2>{t('records.checks_heading')}</h2>
        {record.checks.length === 0 ? (
          <p className="empty">{t('records.none_checks')}</p>
        ) : (
          <ul className="rows">
            {record.checks.map((c) =>
              manage && editor && editing === c.id ? (
                <li key={c.id}>
                  <CheckForm
                    initial={{ kind: c.kind, seenOn: c.seenOn, validUntil: c.validUntil }}
                    onSave={(body) => editor.updateCheck(c.id, body)}
                    onClose={() => setEditing(null)}
                  />
                </li>
              ) : (
                <li key={c.id} className="row">
                  <UserText>{c.kind}</UserText>
                  <span className="muted small">
                    {' · '}
                    {t('records.check_seen', { date: day(c.seenOn) })}
                    {c.validUntil && ` · ${t('records.check_valid_until', { date: day(c.validUntil) })}`}
                  </span>
                  {!c.valid && <span className="badge badge-warn">{t('records.check_expired')}</span>}
                  {manage && (
                    <div className="row-actions">
                      <Button
                        variant="quiet"
                        aria-label={t('records.edit_check_label', { kind: `\u2068${c.kind}\u2069` })}
                        onClick={() => setEditing(c.id)}
                      >
                        {t('records.edit_button')}
                      </Button>
                      <Button
                        variant="quiet"
                        aria-label={t('records.remove_check_label', { kind: `\u2068${c.kind}\u2069` })}
                        onClick={() => setRemoval({ kind: 'check', id: c.id, label: c.kind })}
                      >
                        {t('records.remove_button')}
                      </Button>
                    </div>
                  )}
                </li>
              ),
            )}
          </ul>
        )}
        {manage && editor && <CheckForm onSave={editor.addCheck} />}
      </section>
      <section className="stack-tight">
        <h2>{t('records.commitment_heading')}</h2>
        <p className={record.commitment ? undefined : 'empty'}>
          {record.commitment
            ? record.commitment.until
              ? t('records.commitment_until', {
                  hours: record.commitment.hoursPerWeek,
                  date: day(record.commitment.until),
                })
              : t('records.commitment_open', { hours: record.commitment.hoursPerWeek })
            : t('records.none_commitment')}
        </p>
        {manage && editor && (
          <CommitmentForm
            key={`${record.commitment?.hoursPerWeek ?? ''}/${record.commitment?.until ?? ''}`}
            commitment={record.commitment}
            onSave={editor.setCommitment}
            onClear={() => setRemoval({ kind: 'commitment' })}
          />
        )}
      </section>
      {manage && (
        <ConfirmDialog
          open={removal !== null}
          message={
            removal?.kind === 'training'
              ? t('records.remove_training_confirm', { title: `\u2068${removal.label}\u2069`, name })
              : removal?.kind === 'check'
                ? t('records.remove_check_confirm', { kind: `\u2068${removal.label}\u2069`, name })
                : removal?.kind === 'commitment'
                  ? t('records.commitment_clear_confirm', { name })
                  : ''
          }
          confirmLabel={
            removal?.kind === 'commitment' ? t('records.commitment_clear') : t('records.remove_button')
          }
          pending={removing}
          onConfirm={confirmRemoval}
          onCancel={() => {
            setRemoval(null);
            setRemoveError(null);
          }}
        >
          {removeError && <Alert tone="error">{removeError}</Alert>}
        </ConfirmDialog>
      )}
    </>
  );
}
