import { useTranslation } from 'react-i18next';
import type { AdminJob } from '../../../../common/contracts/operations.ts';
import { Button } from '../../components/Button.tsx';

interface JobListProps {
  jobs: AdminJob[];
  onRetry: (job: AdminJob) => void;
  onDrop: (job: AdminJob) => void;
}

/** Jobs that need an operator: kind, attempts, when due or locked, the last error; retry and drop. */
export function JobList({ jobs, onRetry, onDrop }: JobListProps) {
  const { t } = useTranslation();
  return (
    <ul className="job-list">
      {jobs.map((job) => (
        <li key={job.id} className="card stack job">
          <p className="job-kind">
            <code dir="ltr">{job.kind}</code>
            {job.isMail && <span className="badge badge-warn">{t('operations.mail')}</span>}
          </p>
          <p className="muted small">
            {t('operations.attempts', { attempts: job.attempts, max: job.maxAttempts })}
            {' · '}
            {t('operations.due', { when: new Date(job.runAt) })}
            {job.lockedUntil && (
              <>
                {' · '}
                {t('operations.locked_until', { when: new Date(job.lockedUntil) })}
              </>
            )}
          </p>
          {job.lastError ? (
            <pre className="job-error" dir="ltr">
              {job.lastError}
            </pre>
          ) : (
            <p className="muted small">{t('operations.no_error')}</p>
          )}
          <div className="row-actions">
            <Button
              variant="secondary"
              onClick={() => onRetry(job)}
              aria-label={t('operations.retry_named', { kind: job.kind })}
            >
              {t('operations.retry')}
            </Button>
            <Button
              variant="danger"
              onClick={() => onDrop(job)}
              aria-label={t('operations.drop_named', { kind: job.kind })}
            >
              {t('operations.drop')}
            </Button>
          </div>
        </li>
      ))}
    </ul>
  );
}
