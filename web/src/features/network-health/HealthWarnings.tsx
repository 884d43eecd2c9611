import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HealthWarning } from '../../../../common/contracts/network-health.ts';
import type { HealthWarningCode } from '../../../../common/network-health.ts';
import { isolate } from '../../lib/isolate.tsx';

/** Each warning's sentence and the label of its suggested action. */
const WARNING_KEYS: Record<HealthWarningCode, { text: string; action: string }> = {
  activity_falling: {
    text: 'health.warning.activity_falling.text',
    action: 'health.warning.activity_falling.action',
  },
  requests_unanswered: {
    text: 'health.warning.requests_unanswered.text',
    action: 'health.warning.requests_unanswered.action',
  },
  no_recent_event: {
    text: 'health.warning.no_recent_event.text',
    action: 'health.warning.no_recent_event.action',
  },
  meta_mentor_inactive: {
    text: 'health.warning.meta_mentor_inactive.text',
    action: 'health.warning.meta_mentor_inactive.action',
  },
  single_meta_mentor: {
    text: 'health.warning.single_meta_mentor.text',
    action: 'health.warning.single_meta_mentor.action',
  },
  agreement_not_accepted: {
    text: 'health.warning.agreement_not_accepted.text',
    action: 'health.warning.agreement_not_accepted.action',
  },
  goal_overdue: { text: 'health.warning.goal_overdue.text', action: 'health.warning.goal_overdue.action' },
};

/** One early warning: its plain sentence and where its suggested action is done. */
export function WarningRow({ warning }: { warning: HealthWarning }) {
  const { t } = useTranslation();
  const params = {
    count: warning.count ?? 0,
    name: isolate(warning.subject ?? ''),
    title: isolate(warning.subject ?? ''),
  };
  return (
    <li className="row health-warning">
      <p>
        <span aria-hidden="true">⚠ </span>
        {t(WARNING_KEYS[warning.code].text, params)}
      </p>
      <p>
        {t('health.warning.suggested')}{' '}
        <Link to={warning.actionPath}>{t(WARNING_KEYS[warning.code].action)}</Link>
      </p>
    </li>
  );
}
