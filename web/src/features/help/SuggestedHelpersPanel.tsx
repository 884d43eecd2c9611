import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../components/Avatar.tsx';
import { Loading } from '../../components/Loading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { StartConversationButton } from '../messages/StartConversationButton.tsx';
import { useSuggestedHelpers } from './api.ts';
import { helperReasonText } from './labels.ts';

/**
 * The members suggested to help with a request, best first, each with the reasons in words and a
 * way to write to them directly (the requester and the meta-mentors and office see it).
 */
export function SuggestedHelpersPanel({
  slug,
  requestId,
  viewerId,
}: {
  slug: string;
  requestId: string;
  viewerId: string;
}) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const suggested = useSuggestedHelpers(slug, requestId, true);
  const helpers = suggested.data?.helpers ?? [];
  return (
    <section
      className="card stack help-suggested"
      aria-labelledby={headingId}
      aria-busy={suggested.isFetching || undefined}
    >
      <h2 id={headingId}>{t('help.suggested.title')}</h2>
      <p className="muted small">{t('help.suggested.intro')}</p>
      {suggested.isPending && <Loading />}
      {suggested.isError && <QueryError error={suggested.error} onRetry={() => void suggested.refetch()} />}
      {suggested.isSuccess && helpers.length === 0 && <p className="empty">{t('help.suggested.empty')}</p>}
      {helpers.length > 0 && (
        <ol className="cards">
          {helpers.map(({ helper, reasons, notified }, index) => (
            <li key={helper.id} className="card person">
              <Avatar name={helper.displayName} url={helper.avatarUrl} />
              <div className="stack-tight">
                <h3 className="person-name">
                  <span className="visually-hidden">{t('help.suggested.rank', { rank: index + 1 })} </span>
                  <bdi>{helper.displayName}</bdi>
                  {notified && <span className="badge">{t('help.suggested.notified')}</span>}
                </h3>
                <ul className="tags help-reasons" aria-label={t('help.suggested.reasons')}>
                  {reasons.map((r) => (
                    <li key={r.code}>{helperReasonText(t, r, i18n.language)}</li>
                  ))}
                </ul>
                {helper.id !== viewerId && (
                  <div>
                    <StartConversationButton userId={helper.id} name={helper.displayName} />
                  </div>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
