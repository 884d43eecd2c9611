import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Network } from '../../../../common/contracts/networks.ts';
import { Loading } from '../../components/Loading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { resourceAccess, useStartHere } from './api.ts';
import { ResourceRow } from './ResourceRow.tsx';

/** On the network's overview: the curated "start here" resources for newcomers, and the library. */
export function ResourcesHomeSection({ network }: { network: Network }) {
  const { t } = useTranslation();
  const access = resourceAccess(network);
  const startHere = useStartHere(network.slug, access.view);
  if (!access.view) return null;
  const list = startHere.data?.resources ?? [];
  return (
    <section className="card stack" aria-labelledby="resources-home-heading">
      <div className="section-head">
        <h2 id="resources-home-heading">{t('resources.start_here')}</h2>
        <Link to={`/networks/${network.slug}/resources`}>{t('resources.home.all')}</Link>
      </div>
      {startHere.isPending && <Loading />}
      {startHere.isError && <QueryError error={startHere.error} onRetry={() => void startHere.refetch()} />}
      {startHere.isSuccess && list.length === 0 && <p className="empty">{t('resources.home.empty')}</p>}
      {list.length > 0 && (
        <ol className="rows">
          {list.map((r) => (
            <ResourceRow key={r.id} slug={network.slug} resource={r} />
          ))}
        </ol>
      )}
    </section>
  );
}
