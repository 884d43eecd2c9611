import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Report } from '../../../../common/contracts/moderation.ts';
import {
  HIDEABLE_KINDS,
  type ModerationDecision,
  REPORT_STATUSES,
  type ReportStatus,
  SUSPENSION_DAYS_MAX,
} from '../../../../common/moderation.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { UserText } from '../../components/UserText.tsx';
import { formatMoment } from '../../lib/dates.ts';
import { decideReport, moderationKeys, useReportQueue } from './api.ts';
import { decisionLabel, kindLabel, reasonLabel } from './labels.ts';

/** Where the reported item is shown in the app, if anywhere. */
export function itemLink(r: Report): string | null {
  if (!r.network) return null;
  if (r.kind === 'resource') return `/networks/${r.network.slug}/resources/${r.itemId}`;
  if (r.topicId) return `/networks/${r.network.slug}/discussions/${r.topicId}`;
  return null;
}

/** The decisions a report offers: hiding only for content, suspension only within a network. */
export function decisionsFor(r: Report): ModerationDecision[] {
  const list: ModerationDecision[] = [];
  if (HIDEABLE_KINDS.includes(r.kind)) list.push(r.hidden ? 'restore' : 'hide');
  if (r.author) list.push('warn');
  if (r.author && r.network) list.push('suspend');
  if (r.status === 'open') list.push('dismiss');
  return list;
}

function ReportCard({ report }: { report: Report }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<ModerationDecision | null>(null);
  const [days, setDays] = useState('7');
  const [note, setNote] = useState('');
  const decide = useMutation({
    mutationFn: (decision: ModerationDecision) =>
      decideReport(report.id, { decision, note, days: decision === 'suspend' ? Number(days) : undefined }),
    onSuccess: () => {
      setPending(null);
      void queryClient.invalidateQueries({ queryKey: moderationKeys.all });
    },
  });
  const link = itemLink(report);
  return (
    <li className="card stack">
      <p className="small">
        <span className="badge">{kindLabel(t, report.kind)}</span>{' '}
        <strong>{reasonLabel(t, report.reason)}</strong>
        {report.network && (
          <>
            {' · '}
            <UserText>{report.network.name}</UserText>
          </>
        )}
        {' · '}
        <time dateTime={report.createdAt}>{formatMoment(report.createdAt, i18n.language)}</time>
        {report.hidden && (
          <>
            {' '}
            <span className="badge badge-warn">{t('moderation.hidden_badge')}</span>
          </>
        )}
      </p>
      <p>
        {t('moderation.reported_by')} <UserText>{report.reporter?.displayName ?? '—'}</UserText>
        {' · '}
        {t('moderation.author')} <UserText>{report.author?.displayName ?? '—'}</UserText>
      </p>
      {report.excerpt !== null ? (
        <blockquote>
          <UserText>{report.excerpt}</UserText>
        </blockquote>
      ) : (
        <p className="muted">{t('moderation.item_gone')}</p>
      )}
      {report.text && (
        <p>
          <UserText>{report.text}</UserText>
        </p>
      )}
      {link && <Link to={link}>{t('moderation.open_item')}</Link>}
      {report.decision && (
        <p className="muted small">
          {decisionLabel(t, report.decision)} · <UserText>{report.decidedBy?.displayName ?? ''}</UserText>
        </p>
      )}
      <div className="actions">
        {decisionsFor(report).map((d) => (
          <Button key={d} variant={d === 'dismiss' ? 'secondary' : 'primary'} onClick={() => setPending(d)}>
            {decisionLabel(t, d)}
          </Button>
        ))}
      </div>
      <ConfirmDialog
        open={pending !== null}
        message={pending ? t('moderation.confirm', { decision: decisionLabel(t, pending) }) : ''}
        confirmLabel={pending ? decisionLabel(t, pending) : ''}
        pending={decide.isPending}
        onConfirm={() => pending && decide.mutate(pending)}
        onCancel={() => setPending(null)}
      >
        {pending === 'suspend' && (
          <TextField
            name="days"
            type="number"
            min={1}
            max={SUSPENSION_DAYS_MAX}
            label={t('moderation.days_label')}
            value={days}
            onChange={(e) => setDays(e.target.value)}
          />
        )}
        <TextField
          name="note"
          label={t('moderation.note_label')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        {decide.isError && <Alert tone="error">{decide.error.message}</Alert>}
      </ConfirmDialog>
    </li>
  );
}

/** The moderation queue for meta-mentors (their networks' content) and platform admins (everything). */
export default function ModerationPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ReportStatus>('open');
  const queue = useReportQueue(status);
  const statusLabels: Record<ReportStatus, string> = {
    open: t('moderation.status.open'),
    resolved: t('moderation.status.resolved'),
    dismissed: t('moderation.status.dismissed'),
  };
  return (
    <div className="page stack">
      <PageHeading title={t('moderation.queue_title')} />
      <SelectField
        name="status"
        label={t('moderation.status_label')}
        value={status}
        onChange={(e) => setStatus(e.target.value as ReportStatus)}
        options={REPORT_STATUSES.map((s) => ({ value: s, label: statusLabels[s] }))}
      />
      {queue.isPending ? (
        <Loading />
      ) : queue.isError ? (
        <QueryError error={queue.error} />
      ) : queue.data.reports.length === 0 ? (
        <p className="muted">{t('moderation.queue_empty')}</p>
      ) : (
        <ul className="plain-list stack">
          {queue.data.reports.map((r) => (
            <ReportCard key={r.id} report={r} />
          ))}
        </ul>
      )}
    </div>
  );
}
