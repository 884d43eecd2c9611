import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminJob, JobAttentionState } from '../../../../common/contracts/operations.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useMe } from '../auth/api.ts';
import { dropJob, retryJob, useAttentionJobs } from './api.ts';
import { JobList } from './JobList.tsx';

type Pending = { kind: 'retry' | 'drop'; job: AdminJob } | null;

/** The operator view (platform admins): failed and stuck jobs, mail first, to retry or drop. */
export default function JobsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (me && !me.isPlatformAdmin) {
    return (
      <div className="page stack">
        <PageHeading title={t('operations.title')} />
        <Alert tone="error">{t('errors.FORBIDDEN')}</Alert>
      </div>
    );
  }
  return <JobsView />;
}

function JobsView() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [state, setState] = useState<JobAttentionState>('failed');
  const [confirming, setConfirming] = useState<Pending>(null);
  const [done, setDone] = useState<string | null>(null);
  const jobs = useAttentionJobs(state);
  const act = useMutation({
    mutationFn: (target: NonNullable<Pending>) =>
      target.kind === 'retry' ? retryJob(target.job.id) : dropJob(target.job.id),
    onSuccess: (_, target) => {
      setConfirming(null);
      setDone(target.kind === 'retry' ? t('operations.retried') : t('operations.dropped'));
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['admin', 'jobs'] }),
  });
  const list = jobs.data?.pages.flatMap((page) => page.jobs) ?? [];
  const tabs: { value: JobAttentionState; label: string }[] = [
    { value: 'failed', label: t('operations.failed') },
    { value: 'stuck', label: t('operations.stuck') },
  ];
  const ask = (kind: 'retry' | 'drop') => (job: AdminJob) => {
    setDone(null);
    act.reset();
    setConfirming({ kind, job });
  };

  return (
    <div className="page stack">
      <PageHeading title={t('operations.title')} />
      <p className="muted">{t('operations.intro')}</p>
      <fieldset className="segmented">
        <legend className="visually-hidden">{t('operations.filter')}</legend>
        {tabs.map((tab) => (
          <Button
            key={tab.value}
            variant={state === tab.value ? 'primary' : 'secondary'}
            aria-pressed={state === tab.value}
            onClick={() => {
              setDone(null);
              setState(tab.value);
            }}
          >
            {tab.label}
          </Button>
        ))}
      </fieldset>
      {done && <Alert tone="success">{done}</Alert>}
      {jobs.isPending && <Loading />}
      {jobs.isError && <QueryError error={jobs.error} onRetry={() => void jobs.refetch()} />}
      {jobs.isSuccess && list.length === 0 && <p className="empty">{t('operations.empty')}</p>}
      {list.length > 0 && (
        <>
          <p className="muted small">{t('operations.count', { count: jobs.data?.pages[0]?.total ?? 0 })}</p>
          <JobList jobs={list} onRetry={ask('retry')} onDrop={ask('drop')} />
        </>
      )}
      {jobs.hasNextPage && (
        <div>
          <Button
            variant="secondary"
            pending={jobs.isFetchingNextPage}
            onClick={() => void jobs.fetchNextPage()}
          >
            {t('common.load_more')}
          </Button>
        </div>
      )}
      <ConfirmDialog
        open={confirming !== null}
        tone={confirming?.kind === 'retry' ? 'primary' : 'danger'}
        message={
          confirming?.kind === 'retry'
            ? t('operations.retry_confirm', { kind: confirming.job.kind })
            : t('operations.drop_confirm', { kind: confirming?.job.kind ?? '' })
        }
        confirmLabel={confirming?.kind === 'retry' ? t('operations.retry') : t('operations.drop')}
        pending={act.isPending}
        onConfirm={() => confirming && act.mutate(confirming)}
        onCancel={() => {
          setConfirming(null);
          act.reset();
        }}
      >
        {act.isError && <Alert tone="error">{act.error.message}</Alert>}
      </ConfirmDialog>
    </div>
  );
}
