import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  BulkSendResult,
  Graduate,
  GraduateStatus,
  MoocSession,
} from '../../../../common/contracts/mooc.ts';
import { GRADUATE_STATUSES } from '../../../../common/mooc.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Loading } from '../../components/Loading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RowMenu } from '../../components/RowMenu.tsx';
import { UserText } from '../../components/UserText.tsx';
import { inviteGraduates, markBounced, moocKeys, remindGraduates, useGraduates } from './api.ts';
import { graduateStatusLabel, statusTone } from './labels.ts';

type Bulk = 'invite' | 'remind';

/** The session's graduates with their status, a filter by status, and the bulk invitations and reminders. */
export function GraduatesSection({ slug, session }: { slug: string; session: MoocSession }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<GraduateStatus | ''>('');
  const [asking, setAsking] = useState<Bulk | null>(null);
  const [outcome, setOutcome] = useState<{ kind: Bulk; result: BulkSendResult } | null>(null);
  const [bouncing, setBouncing] = useState<Graduate | null>(null);
  const graduates = useGraduates(slug, session.id, status);
  const refresh = () => queryClient.invalidateQueries({ queryKey: moocKeys.all(slug) });
  const counts = session.graduates;
  const toInvite = counts.imported;
  // The server reminds those whose invitation is still open; expired ones are not counted.
  const toRemind = counts.invited + counts.reminded;

  const send = useMutation({
    mutationFn: (kind: Bulk) =>
      kind === 'invite' ? inviteGraduates(slug, session.id) : remindGraduates(slug, session.id),
    onSuccess: (result, kind) => {
      setAsking(null);
      setOutcome({ kind, result });
      void refresh();
    },
  });
  const bounce = useMutation({
    mutationFn: (g: Graduate) => markBounced(slug, session.id, g.id),
    onSuccess: () => {
      setBouncing(null);
      void refresh();
    },
  });

  const list = graduates.data?.pages.flatMap((p) => p.graduates) ?? [];
  const filters: { value: GraduateStatus | ''; label: string; count: number }[] = [
    { value: '', label: t('mooc.graduates.all'), count: counts.total },
    ...GRADUATE_STATUSES.map((s) => ({ value: s, label: graduateStatusLabel(t, s), count: counts[s] })),
  ];

  return (
    <section className="stack" aria-labelledby="graduates-heading">
      <h2 id="graduates-heading">{t('mooc.graduates.title')}</h2>
      {(toInvite > 0 || toRemind > 0) && (
        <div className="actions">
          {toInvite > 0 && (
            <Button
              onClick={() => {
                setOutcome(null);
                setAsking('invite');
              }}
            >
              {t('mooc.graduates.invite_all', { count: toInvite })}
            </Button>
          )}
          {toRemind > 0 && (
            <Button
              variant="secondary"
              onClick={() => {
                setOutcome(null);
                setAsking('remind');
              }}
            >
              {t('mooc.graduates.remind_all', { count: toRemind })}
            </Button>
          )}
        </div>
      )}
      {outcome && (
        <Alert tone="success">
          {outcome.kind === 'invite'
            ? t('mooc.graduates.invited_result', {
                sent: outcome.result.sent,
                skipped: outcome.result.skipped,
              })
            : t('mooc.graduates.reminded_result', {
                sent: outcome.result.sent,
                skipped: outcome.result.skipped,
              })}
          {outcome.result.remaining > 0 &&
            ` ${t('mooc.graduates.remaining', {
              count: outcome.result.remaining,
              minutes: Math.ceil((outcome.result.retryAfterSeconds ?? 60) / 60),
            })}`}
        </Alert>
      )}
      <fieldset className="filter-chips">
        <legend className="visually-hidden">{t('mooc.graduates.filter')}</legend>
        {filters.map((f) => (
          <Button
            key={f.value || 'all'}
            variant={status === f.value ? 'primary' : 'secondary'}
            aria-pressed={status === f.value}
            onClick={() => setStatus(f.value)}
          >
            {f.label} <span className="count">{f.count}</span>
          </Button>
        ))}
      </fieldset>
      {graduates.isPending && <Loading />}
      {graduates.isError && <QueryError error={graduates.error} onRetry={() => void graduates.refetch()} />}
      {graduates.isSuccess && list.length === 0 && (
        <p className="empty">{status ? t('mooc.graduates.none_with_status') : t('mooc.graduates.empty')}</p>
      )}
      {list.length > 0 && (
        <ul className="rows">
          {list.map((g) => (
            <li key={g.id} className="row">
              <div className="row-main">
                <p className="strong">
                  <UserText>{g.name}</UserText>
                  <span className={statusTone(g.status)}>{graduateStatusLabel(t, g.status)}</span>
                </p>
                <p className="muted small">
                  <span dir="ltr">{g.email}</span>
                  {g.language && ` · ${g.language.toUpperCase()}`}
                  {g.joinedAt
                    ? ` · ${t('mooc.graduates.joined_at', { date: new Date(g.joinedAt) })}`
                    : g.remindedAt
                      ? ` · ${t('mooc.graduates.reminded_at', { date: new Date(g.remindedAt) })}`
                      : g.invitedAt &&
                        ` · ${t('mooc.graduates.invited_at', { date: new Date(g.invitedAt) })}`}
                </p>
              </div>
              {(g.status === 'invited' || g.status === 'reminded' || g.status === 'expired') && (
                <RowMenu
                  label={t('mooc.graduates.actions_named', { name: g.name })}
                  items={[{ label: t('mooc.graduates.mark_bounced'), onSelect: () => setBouncing(g) }]}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {graduates.hasNextPage && (
        <div>
          <Button
            variant="secondary"
            pending={graduates.isFetchingNextPage}
            onClick={() => void graduates.fetchNextPage()}
          >
            {t('common.load_more')}
          </Button>
        </div>
      )}
      <ConfirmDialog
        open={asking !== null}
        tone="primary"
        message={
          asking === 'remind'
            ? t('mooc.graduates.remind_confirm', { count: toRemind })
            : t('mooc.graduates.invite_confirm', { count: toInvite })
        }
        confirmLabel={asking === 'remind' ? t('mooc.graduates.remind') : t('mooc.graduates.invite')}
        pending={send.isPending}
        onConfirm={() => asking && send.mutate(asking)}
        onCancel={() => {
          setAsking(null);
          send.reset();
        }}
      >
        {send.isError && <Alert tone="error">{send.error.message}</Alert>}
      </ConfirmDialog>
      <ConfirmDialog
        open={bouncing !== null}
        message={t('mooc.graduates.bounced_confirm', { name: bouncing?.name ?? '' })}
        confirmLabel={t('mooc.graduates.mark_bounced')}
        pending={bounce.isPending}
        onConfirm={() => bouncing && bounce.mutate(bouncing)}
        onCancel={() => {
          setBouncing(null);
          bounce.reset();
        }}
      >
        {bounce.isError && <Alert tone="error">{bounce.error.message}</Alert>}
      </ConfirmDialog>
    </section>
  );
}
