import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Avatar } from '../../components/Avatar.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { expertiseLabel, languageList, levelLabel } from '../../lib/labels.ts';
import { useMe } from '../auth/api.ts';
import { formatDay } from '../help/labels.ts';
import { StartConversationButton } from '../messages/StartConversationButton.tsx';
import { BlockButton } from '../moderation/BlockButton.tsx';
import { ReportButton } from '../moderation/ReportButton.tsx';
import { MoocBadge } from '../mooc/MoocBadge.tsx';
import { can } from '../networks/api.ts';
import { useCurrentNetwork } from '../networks/NetworkLayout.tsx';
import { useUserProfile } from './api.ts';

/** One member's full profile, opened from the network's directory. */
export default function PersonPage() {
  const network = useCurrentNetwork();
  const { userId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const profile = useUserProfile(userId);
  const back = (
    <p className="eyebrow">
      <Link to={`/networks/${network.slug}/directory`}>{t('directory.back')}</Link>
    </p>
  );

  if (profile.isPending) return <Loading />;
  if (profile.isError) {
    return (
      <div className="page stack">
        {back}
        {isApiError(profile.error, 'NOT_FOUND') ? (
          <Alert tone="info">{t('directory.profile_hidden')}</Alert>
        ) : (
          <QueryError error={profile.error} onRetry={() => void profile.refetch()} />
        )}
      </div>
    );
  }
  const p = profile.data;
  const isMe = p.id === me?.id;
  return (
    <div className="page stack">
      {back}
      <div className="person person-page">
        <Avatar name={p.displayName} url={p.avatarUrl} size={96} />
        <div className="stack-tight">
          <PageHeading title={p.displayName} userText />
          <MoocBadge userId={p.id} />
          {p.leaveUntil && (
            <p>
              <span className="badge badge-warn">
                {t('leave.status', { date: formatDay(p.leaveUntil, i18n.language) })}
              </span>
            </p>
          )}
          {(p.experienceLevel || p.region) && (
            <p className="muted">
              {[levelLabel(t, p.experienceLevel), p.region].filter(Boolean).join(' · ')}
            </p>
          )}
        </div>
      </div>
      {isMe ? (
        <p>
          <Link className="button button-secondary" to="/profile">
            {t('home.next_profile_action')}
          </Link>
        </p>
      ) : (
        <p className="actions">
          {can(network, 'messages.send') && <StartConversationButton userId={p.id} name={p.displayName} />}
          <BlockButton userId={p.id} name={p.displayName} />
          <ReportButton kind="profile" id={p.id} />
        </p>
      )}
      {p.bio && (
        <section className="card stack" aria-labelledby="person-bio">
          <h2 id="person-bio">{t('directory.about', { name: p.displayName })}</h2>
          <p className="prewrap" dir="auto">
            {p.bio}
          </p>
        </section>
      )}
      <section className="card stack" aria-labelledby="person-facts">
        <h2 id="person-facts">{t('directory.details')}</h2>
        <dl className="facts facts-grid">
          <dt>{t('directory.language')}</dt>
          <dd>
            {p.languages.length > 0 ? languageList(p.languages, i18n.language) : t('directory.not_stated')}
          </dd>
          <dt>{t('directory.expertise')}</dt>
          <dd>
            {p.expertise.length > 0 ? (
              <ul className="tags">
                {p.expertise.map((a) => (
                  <li key={a}>{expertiseLabel(t, a)}</li>
                ))}
              </ul>
            ) : (
              t('directory.not_stated')
            )}
          </dd>
          <dt>{t('directory.availability')}</dt>
          <dd dir="auto">{p.availability || t('directory.not_stated')}</dd>
        </dl>
      </section>
    </div>
  );
}
