import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { TextAreaField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { UserText } from '../../components/UserText.tsx';
import { languageList } from '../../lib/labels.ts';
import { networkKeys } from '../networks/api.ts';
import { useCurrentNetwork } from '../networks/NetworkLayout.tsx';
import { type Application, applicationKeys, decideApplication, useApplications } from './api.ts';

type Status = 'pending' | 'approved' | 'declined';
type Deciding = { application: Application; decision: 'approve' | 'decline' } | null;

/** The decision queue: meta-mentors and the office approve or decline applications, with a message. */
export default function ApplicationsPage() {
  const network = useCurrentNetwork();
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<Status>('pending');
  const [deciding, setDeciding] = useState<Deciding>(null);
  const [message, setMessage] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const applications = useApplications(network.slug, status);
  const decide = useMutation({
    mutationFn: (d: NonNullable<Deciding>) =>
      decideApplication(network.slug, d.application.id, d.decision, message),
    onSuccess: (_r, d) => {
      setDeciding(null);
      setMessage('');
      setDone(
        d.decision === 'approve'
          ? t('applications.approved_done', { name: d.application.applicant.displayName })
          : t('applications.declined_done', { name: d.application.applicant.displayName }),
      );
      void queryClient.invalidateQueries({ queryKey: applicationKeys.all(network.slug) });
      void queryClient.invalidateQueries({ queryKey: networkKeys.detail(network.slug), exact: true });
    },
  });
  const tabs: { value: Status; label: string }[] = [
    { value: 'pending', label: t('applications.status.pending') },
    { value: 'approved', label: t('applications.status.approved') },
    { value: 'declined', label: t('applications.status.declined') },
  ];
  const list = applications.data?.applications ?? [];
  return (
    <div className="page stack">
      <PageHeading title={t('applications.title')} />
      <fieldset className="segmented">
        <legend className="visually-hidden">{t('applications.filter')}</legend>
        {tabs.map((tab) => (
          <Button
            key={tab.value}
            variant={status === tab.value ? 'primary' : 'secondary'}
            aria-pressed={status === tab.value}
            onClick={() => setStatus(tab.value)}
          >
            {tab.label}
          </Button>
        ))}
      </fieldset>
      {done && <Alert tone="success">{done}</Alert>}
      {applications.isPending && <Loading />}
      {applications.isError && (
        <QueryError error={applications.error} onRetry={() => void applications.refetch()} />
      )}
      {applications.isSuccess && list.length === 0 && (
        <p className="empty">
          {status === 'pending' ? t('applications.empty_pending') : t('applications.empty')}
        </p>
      )}
      {list.map((a) => (
        <article key={a.id} className="card stack" aria-labelledby={`app-${a.id}`}>
          <header>
            <h2 id={`app-${a.id}`}>
              <UserText>{a.applicant.displayName}</UserText>
            </h2>
            <p className="muted small">
              <span dir="ltr">{a.applicant.email}</span> ·{' '}
              {t('applications.sent', { date: new Date(a.createdAt) })}
            </p>
          </header>
          <dl className="facts">
            <dt>{t('applications.languages')}</dt>
            <dd>{languageList(a.languages, i18n.language)}</dd>
            <dt>{t('applications.motivation')}</dt>
            <dd className="prewrap" dir="auto">
              <UserText>{a.motivation}</UserText>
            </dd>
            <dt>{t('applications.experience')}</dt>
            <dd className="prewrap" dir="auto">
              {a.experience}
            </dd>
            {a.decisionMessage && (
              <>
                <dt>{t('applications.message')}</dt>
                <dd className="prewrap" dir="auto">
                  {a.decisionMessage}
                </dd>
              </>
            )}
          </dl>
          {a.status === 'pending' && (
            <div className="actions">
              <Button
                aria-label={t('applications.approve_named', { name: a.applicant.displayName })}
                onClick={() => {
                  setDone(null);
                  setDeciding({ application: a, decision: 'approve' });
                }}
              >
                {t('applications.approve')}
              </Button>
              <Button
                variant="secondary"
                aria-label={t('applications.decline_named', { name: a.applicant.displayName })}
                onClick={() => {
                  setDone(null);
                  setDeciding({ application: a, decision: 'decline' });
                }}
              >
                {t('applications.decline')}
              </Button>
            </div>
          )}
        </article>
      ))}
      <ConfirmDialog
        open={deciding !== null}
        tone={deciding?.decision === 'approve' ? 'primary' : 'danger'}
        message={
          deciding?.decision === 'approve'
            ? t('applications.approve_confirm', { name: deciding.application.applicant.displayName })
            : t('applications.decline_confirm', { name: deciding?.application.applicant.displayName ?? '' })
        }
        confirmLabel={
          deciding?.decision === 'approve' ? t('applications.approve') : t('applications.decline')
        }
        pending={decide.isPending}
        onConfirm={() => deciding && decide.mutate(deciding)}
        onCancel={() => {
          setDeciding(null);
          decide.reset();
        }}
      >
        <div className="dialog-body">
          <TextAreaField
            name="message"
            label={t('applications.message')}
            hint={t('applications.message_hint')}
            value={message}
            onChange={(e) => setMessage(e.target.value)}
            rows={3}
            maxLength={2000}
          />
        </div>
        {decide.isError && <Alert tone="error">{decide.error.message}</Alert>}
      </ConfirmDialog>
    </div>
  );
}
