import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { UserText } from '../../components/UserText.tsx';
import { languageList, roleLabel } from '../../lib/labels.ts';
import { usePublicNetworks } from './api.ts';

/** Public networks anyone can look at; signed-in mentors can apply to join them. */
export default function ExploreNetworksPage() {
  const { t, i18n } = useTranslation();
  const networks = usePublicNetworks();
  const list = networks.data?.pages.flatMap((p) => p.networks) ?? [];
  return (
    <div className="page stack">
      <PageHeading title={t('networks.explore.title')} />
      <p>{t('networks.explore.intro')}</p>
      {networks.isPending && <Loading />}
      {networks.isError && <QueryError error={networks.error} onRetry={() => void networks.refetch()} />}
      {networks.isSuccess && list.length === 0 && <p className="empty">{t('networks.explore.empty')}</p>}
      {list.length > 0 && (
        <ul className="cards">
          {list.map((n) => (
            <li key={n.slug} className="card stack-tight">
              <h2>
                <Link to={`/networks/${n.slug}`}>
                  <UserText>{n.name}</UserText>
                </Link>
              </h2>
              <p className="muted small">
                {[n.region, languageList(n.languages, i18n.language)].filter(Boolean).join(' · ')}
              </p>
              {n.role && (
                <p className="small">{t('networks.home.your_role', { role: roleLabel(t, n.role) })}</p>
              )}
            </li>
          ))}
        </ul>
      )}
      {networks.hasNextPage && (
        <div>
          <Button
            variant="secondary"
            pending={networks.isFetchingNextPage}
            onClick={() => void networks.fetchNextPage()}
          >
            {t('common.load_more')}
          </Button>
        </div>
      )}
    </div>
  );
}
