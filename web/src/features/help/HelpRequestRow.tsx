import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HelpRequestSummary } from '../../../../common/contracts/help-requests.ts';
import { formatMoment } from '../../lib/dates.ts';
import { expertiseLabel } from '../../lib/labels.ts';
import { shownName } from '../../lib/people.ts';
import { formatDay, HELP_STATUS_BADGES, helpKindLabel, helpStatusLabel, urgencyLabel } from './labels.ts';

/** The badges of a request: kind (a case consultation stands out), urgency, deadline, status. */
export function HelpBadges({ request }: { request: HelpRequestSummary }) {
  const { t, i18n } = useTranslation();
  return (
    <span className="help-badges">
      <span className={request.kind === 'case' ? 'badge badge-case' : 'badge'}>
        {helpKindLabel(t, request.kind)}
      </span>
      {request.status !== 'resolved' && request.urgency !== 'whenever' && (
        <span className="badge badge-warn">{urgencyLabel(t, request.urgency)}</span>
      )}
      {request.deadline && request.status !== 'resolved' && (
        <span className="badge">
          {t('help.deadline_badge', { date: formatDay(request.deadline, i18n.language) })}
        </span>
      )}
      <span className={HELP_STATUS_BADGES[request.status]}>{helpStatusLabel(t, request.status)}</span>
    </span>
  );
}

/** One request in a list: its title as the link, badges, who asked when, the counts, the areas. */
export function HelpRequestRow({ slug, request }: { slug: string; request: HelpRequestSummary }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="row help-row">
      <div className="row-main stack-tight">
        <p className="strong help-title">
          <Link to={`/networks/${slug}/support/${request.id}`} dir="auto">
            {request.title}
          </Link>
        </p>
        <HelpBadges request={request} />
        <p className="muted small">
          {[
            request.requester
              ? t('help.asked_by', {
                  name: `\u2068${shownName(t, request.requester)}\u2069`,
                  when: formatMoment(request.createdAt, i18n.language),
                })
              : t('help.asked_at', { when: formatMoment(request.createdAt, i18n.language) }),
            t('help.response_count', { count: request.responseCount }),
            t('help.offer_count', { count: request.offerCount }),
            request.offeredByMe && t('help.you_offered'),
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
        {request.expertise.length > 0 && (
          <ul className="tags" aria-label={t('help.expertise')}>
            {request.expertise.map((area) => (
              <li key={area}>{expertiseLabel(t, area)}</li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}
