import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Network } from '../../../../common/contracts/networks.ts';
import { Loading } from '../../components/Loading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { helpAccess, useHelpRequests } from './api.ts';
import { HelpRequestRow } from './HelpRequestRow.tsx';

const SHOWN = 3;

/** On the network's overview: the newest requests waiting for help, and "Ask for support". */
export function SupportHomeSection({ network }: { network: Network }) {
  const { t } = useTranslation();
  const access = helpAccess(network);
  const open = useHelpRequests(network.slug, { status: 'open' }, SHOWN, access.view);
  const list = open.data?.pages[0]?.requests ?? [];
  if (!access.view) return null;
  return (
    <section
      className="card stack"
      aria-labelledby="support-home-heading"
      aria-busy={open.isFetching || undefined}
    >
      <div className="section-head">
        <h2 id="support-home-heading">{t('help.home.title')}</h2>
        {access.ask && (
          <Link className="button button-primary" to={`/networks/${network.slug}/support/new`}>
            {t('help.ask_action')}
          </Link>
        )}
      </div>
      {open.isPending && <Loading />}
      {open.isError && <QueryError error={open.error} onRetry={() => void open.refetch()} />}
      {open.isSuccess && list.length === 0 && <p className="empty">{t('help.home.empty')}</p>}
      {list.length > 0 && (
        <ul className="rows">
          {list.map((r) => (
            <HelpRequestRow key={r.id} slug={network.slug} request={r} />
          ))}
        </ul>
      )}
      <p>
        <Link to={`/networks/${network.slug}/support`}>{t('help.home.all')}</Link>
      </p>
    </section>
  );
}
