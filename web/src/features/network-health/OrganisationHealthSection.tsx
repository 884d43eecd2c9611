import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OrganisationHealth } from '../../../../common/contracts/network-health.ts';
import { Loading } from '../../components/Loading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { UserText } from '../../components/UserText.tsx';
import { api } from '../../lib/api-client.ts';
import { formatNumber } from '../../lib/format.ts';

/** The organisation's networks side by side (for its admins): who is active, what needs attention. */
export function OrganisationHealthSection({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation();
  const health = useQuery({
    queryKey: ['organisations', slug, 'health'],
    queryFn: () => api.get<OrganisationHealth>(`/organisations/${encodeURIComponent(slug)}/health`),
  });
  const n = (value: number) => formatNumber(value, i18n.language);
  return (
    <section className="card stack" aria-labelledby="org-health">
      <h2 id="org-health">{t('health.organisation.heading')}</h2>
      {health.isPending && <Loading />}
      {health.isError && <QueryError error={health.error} onRetry={() => void health.refetch()} />}
      {health.data?.networks.length === 0 && <p className="empty">{t('health.organisation.none')}</p>}
      {health.data && health.data.networks.length > 0 && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must be reachable by keyboard
        <section className="table-wrap" tabIndex={0} aria-label={t('health.organisation.heading')}>
          <table className="table">
            <caption className="visually-hidden">{t('health.organisation.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('health.organisation.network')}</th>
                <th scope="col">{t('health.now.members')}</th>
                <th scope="col">{t('health.now.active7')}</th>
                <th scope="col">{t('health.organisation.week_before')}</th>
                <th scope="col">{t('health.now.active30')}</th>
                <th scope="col">{t('health.organisation.warnings')}</th>
              </tr>
            </thead>
            <tbody>
              {health.data.networks.map((network) => (
                <tr key={network.slug}>
                  <th scope="row">
                    <Link to={`/networks/${network.slug}/health`}>
                      <UserText>{network.name}</UserText>
                    </Link>
                  </th>
                  <td>{n(network.current.members)}</td>
                  <td>{n(network.active7)}</td>
                  <td>{n(network.active7Before)}</td>
                  <td>{n(network.active30)}</td>
                  <td>{n(network.warnings.length)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}
