import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useReportQueue } from './api.ts';

/** On the account page of those who moderate somewhere: the way to the queue, with its open count. */
export function ModerationLink() {
  const { t } = useTranslation();
  const headingId = useId();
  const queue = useReportQueue('open');
  if (!queue.data) return null;
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <Link to="/moderation">{t('moderation.queue_title')}</Link>
      </h2>
      <p className="muted">{t('moderation.link_body', { count: queue.data.reports.length })}</p>
    </section>
  );
}
