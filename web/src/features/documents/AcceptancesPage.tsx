import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { UserText } from '../../components/UserText.tsx';
import { roleLabel } from '../../lib/labels.ts';
import { useCurrentNetwork } from '../networks/NetworkLayout.tsx';
import { useAcceptances } from './api.ts';

/** Who accepted which version of the agreement and the rules, and when. */
export default function AcceptancesPage() {
  const network = useCurrentNetwork();
  const { t } = useTranslation();
  const report = useAcceptances(network.slug);
  return (
    <div className="page stack">
      <PageHeading title={t('networks.acceptances.title')} />
      <p>
        <Link to={`/networks/${network.slug}/agreement`}>{t('networks.agreement.back')}</Link>
      </p>
      {report.isPending && <Loading />}
      {report.isError && <QueryError error={report.error} />}
      {report.data && (
        <>
          <p>
            {t('networks.acceptances.summary', {
              accepted: report.data.members.filter((m) => m.acceptedCurrent).length,
              total: report.data.members.length,
              agreement: report.data.current.agreement,
              rules: report.data.current.rules,
            })}
          </p>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must be reachable by keyboard */}
          <section className="table-wrap" aria-label={t('networks.acceptances.title')} tabIndex={0}>
            <table className="table">
              <caption className="visually-hidden">{t('networks.acceptances.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('networks.members.name')}</th>
                  <th scope="col">{t('networks.members.role')}</th>
                  <th scope="col">{t('networks.acceptances.agreement')}</th>
                  <th scope="col">{t('networks.acceptances.rules')}</th>
                  <th scope="col">{t('networks.acceptances.status')}</th>
                </tr>
              </thead>
              <tbody>
                {report.data.members.map((m) => {
                  const latest = (kind: 'agreement' | 'rules') =>
                    m.acceptances.filter((a) => a.kind === kind).sort((a, b) => b.version - a.version)[0];
                  const cell = (kind: 'agreement' | 'rules') => {
                    const a = latest(kind);
                    return a
                      ? t('networks.acceptances.version_at', {
                          version: a.version,
                          date: new Date(a.acceptedAt),
                        })
                      : '—';
                  };
                  return (
                    <tr key={m.userId}>
                      <th scope="row">
                        <UserText>{m.displayName}</UserText>
                      </th>
                      <td>{roleLabel(t, m.role)}</td>
                      <td>{cell('agreement')}</td>
                      <td>{cell('rules')}</td>
                      <td>
                        <span className={m.acceptedCurrent ? 'badge badge-ok' : 'badge badge-warn'}>
                          {m.acceptedCurrent
                            ? t('networks.acceptances.current')
                            : t('networks.acceptances.pending')}
                        </span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        </>
      )}
    </div>
  );
}
