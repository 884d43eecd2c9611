import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { UserText } from '../../components/UserText.tsx';
import { languageList, roleLabel } from '../../lib/labels.ts';
import { useMyApplications } from '../applications/api.ts';
import { WithdrawApplicationButton } from '../applications/WithdrawApplicationButton.tsx';
import { resendVerification, useMe } from '../auth/api.ts';
import { BuddyHomeCard } from '../buddies/BuddyHomeCard.tsx';
import { MyEventsHomeCard } from '../events/EventsHomeSection.tsx';
import { useMyNetworks } from '../networks/api.ts';
import { useMyOrganisations } from '../organisations/api.ts';

export default function HomePage() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const location = useLocation();
  const resend = useMutation({ mutationFn: resendVerification });
  const networks = useMyNetworks();
  const organisations = useMyOrganisations();
  const applications = useMyApplications();
  const [withdrawn, setWithdrawn] = useState<string | null>(null);
  const withdrawnRef = useRef<HTMLDivElement>(null);
  // The button is gone with its application: the keyboard continues from the confirmation.
  useEffect(() => {
    if (withdrawn) withdrawnRef.current?.focus();
  }, [withdrawn]);
  if (!me) return null;
  const left = (location.state as { left?: string } | null)?.left;
  const pendingApplications = applications.data?.applications.filter((a) => a.status === 'pending') ?? [];
  const decided =
    applications.data?.applications.filter((a) => a.status !== 'pending' && a.status !== 'withdrawn') ?? [];
  const orgs = organisations.data?.organisations ?? [];
  return (
    <div className="page stack">
      <PageHeading title={t('home.title', { name: me.displayName })} />
      <p className="muted">{t('home.member_since', { date: new Date(me.createdAt) })}</p>
      {left && <Alert tone="success">{t('home.left_network', { network: left })}</Alert>}
      {withdrawn && (
        <div ref={withdrawnRef} tabIndex={-1}>
          <Alert tone="success">{t('applications.withdrawn_done', { network: withdrawn })}</Alert>
        </div>
      )}
      {!me.emailVerified && (
        <section className="card stack" aria-labelledby="verify-heading">
          <h2 id="verify-heading">{t('home.verify_title')}</h2>
          <p>{t('home.verify_body', { email: me.email })}</p>
          {resend.isSuccess ? (
            <Alert tone="success">{t('auth.verify.resent')}</Alert>
          ) : (
            <div>
              <Button variant="secondary" pending={resend.isPending} onClick={() => resend.mutate()}>
                {t('auth.verify.resend')}
              </Button>
            </div>
          )}
          {resend.isError && <Alert tone="error">{resend.error.message}</Alert>}
        </section>
      )}

      <section className="card stack" aria-labelledby="networks-heading">
        <h2 id="networks-heading">{t('home.networks_title')}</h2>
        {networks.isPending && <Loading />}
        {networks.isError && <QueryError error={networks.error} onRetry={() => void networks.refetch()} />}
        {networks.data &&
          (networks.data.networks.length === 0 ? (
            <div className="empty stack-tight">
              <p>{t('home.networks_empty')}</p>
              <p>
                <Link to="/networks">{t('home.networks_explore')}</Link>
              </p>
            </div>
          ) : (
            <ul className="rows">
              {networks.data.networks.map((n) => (
                <li key={n.slug} className="row">
                  <div className="row-main">
                    <p className="strong">
                      <Link to={`/networks/${n.slug}`}>
                        <UserText>{n.name}</UserText>
                      </Link>
                    </p>
                    <p className="muted small">
                      {[n.role && roleLabel(t, n.role), n.region, languageList(n.languages, i18n.language)]
                        .filter(Boolean)
                        .join(' · ')}
                    </p>
                  </div>
                  {n.role && (
                    <Link to={`/networks/${n.slug}/members/me/record`}>{t('records.my_record_link')}</Link>
                  )}
                  {n.role && !n.acceptedCurrent && (
                    <Link className="button button-primary" to={`/networks/${n.slug}/agreement`}>
                      {t('home.accept_needed')}
                    </Link>
                  )}
                </li>
              ))}
            </ul>
          ))}
      </section>

      {networks.data && <BuddyHomeCard userId={me.id} networks={networks.data.networks} />}
      {networks.data && <MyEventsHomeCard networks={networks.data.networks} />}

      {(pendingApplications.length > 0 || decided.length > 0) && (
        <section className="card stack" aria-labelledby="applications-heading">
          <h2 id="applications-heading">{t('home.applications_title')}</h2>
          <ul className="rows">
            {[...pendingApplications, ...decided].map((a) => (
              <li key={a.id} className="row">
                <div className="row-main">
                  <p className="strong">
                    <Link to={`/networks/${a.network.slug}`}>
                      <UserText>{a.network.name}</UserText>
                    </Link>
                  </p>
                  {a.decisionMessage && (
                    <p className="small prewrap" dir="auto">
                      {a.decisionMessage}
                    </p>
                  )}
                </div>
                <span className={a.status === 'approved' ? 'badge badge-ok' : 'badge badge-warn'}>
                  {a.status === 'pending'
                    ? t('applications.status.pending')
                    : a.status === 'approved'
                      ? t('applications.status.approved')
                      : t('applications.status.declined')}
                </span>
                {a.status === 'pending' && (
                  <WithdrawApplicationButton application={a} onWithdrawn={setWithdrawn} />
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="card stack" aria-labelledby="orgs-heading">
        <h2 id="orgs-heading">{t('home.organisations_title')}</h2>
        {organisations.isPending && <Loading />}
        {organisations.isError && <QueryError error={organisations.error} />}
        {organisations.data &&
          (orgs.length === 0 ? (
            <p className="muted">{t('home.organisations_empty')}</p>
          ) : (
            <ul className="rows">
              {orgs.map((o) => (
                <li key={o.slug} className="row">
                  <div className="row-main">
                    <p className="strong">
                      <Link to={`/organisations/${o.slug}`}>
                        <UserText>{o.name}</UserText>
                      </Link>
                      {o.verified && <span className="badge badge-ok">{t('organisations.verified')}</span>}
                    </p>
                    <p className="muted small">
                      <UserText>{o.city}</UserText>
                    </p>
                  </div>
                  <Link className="button button-secondary" to={`/organisations/${o.slug}/networks/new`}>
                    {t('networks.found_title')}
                  </Link>
                </li>
              ))}
            </ul>
          ))}
        <p>
          <Link
            className={orgs.length === 0 ? 'button button-primary' : 'button button-secondary'}
            to="/organisations/new"
          >
            {t('organisations.create_title')}
          </Link>
        </p>
      </section>

      <section className="card stack" aria-labelledby="next-heading">
        <h2 id="next-heading">{t('home.next_title')}</h2>
        <p>
          {t('home.next_profile')} {t('home.next_body')}
        </p>
        <ul className="actions">
          <li>
            <Link className="button button-secondary" to="/profile">
              {t('home.next_profile_action')}
            </Link>
          </li>
          <li>
            <Link className="button button-secondary" to="/account">
              {t('home.next_action')}
            </Link>
          </li>
          <li>
            <Link className="button button-secondary" to="/log">
              {t('nav.my_log')}
            </Link>
          </li>
        </ul>
      </section>
    </div>
  );
}
