import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { countryName } from '../../../../common/countries.ts';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { UserText } from '../../components/UserText.tsx';
import { languageList, levelLabel, roleLabel, visibilityLabel } from '../../lib/labels.ts';
import { AnnouncementsSection } from '../announcements/AnnouncementsSection.tsx';
import { ApplySection } from '../applications/ApplySection.tsx';
import { ApplyWithAccountSection } from '../applications/ApplyWithAccountSection.tsx';
import { useMe } from '../auth/api.ts';
import { EventsHomeSection } from '../events/EventsHomeSection.tsx';
import { PublicEventsSection } from '../events/PublicEventsSection.tsx';
import { GoalsSummarySection } from '../goals/GoalsSummarySection.tsx';
import { SupportHomeSection } from '../help/SupportHomeSection.tsx';
import { LeaveButton } from '../members/LeaveButton.tsx';
import { LeaveControl } from '../members/LeaveControl.tsx';
import { useOffice } from '../office/api.ts';
import { OfficeDetails } from '../office/OfficeDetails.tsx';
import { ResourcesHomeSection } from '../resources/ResourcesHomeSection.tsx';
import { can } from './api.ts';
import { useCurrentNetwork } from './NetworkLayout.tsx';

export default function NetworkHomePage() {
  const network = useCurrentNetwork();
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const locale = i18n.language;
  const { viewer } = network;
  const office = useOffice(network.slug);

  return (
    <div className="page stack">
      <PageHeading title={network.name} userText />
      <p className="muted">
        {[network.region, languageList(network.languages, locale), visibilityLabel(t, network.visibility)]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {network.description && (
        <p className="prewrap lead-text" dir="auto">
          <UserText>{network.description}</UserText>
        </p>
      )}

      {can(network, 'discussions.read') && <AnnouncementsSection network={network} />}

      {viewer.role ? (
        <section className="card stack" aria-labelledby="your-part">
          <h2 id="your-part">{t('networks.home.your_part')}</h2>
          <p>
            {t('networks.home.your_role', { role: roleLabel(t, viewer.role) })}
            {viewer.level && ` (${levelLabel(t, viewer.level)})`}
          </p>
          <ul className="link-list">
            {can(network, 'discussions.read') && (
              <li>
                <Link to="discussions">{t('networks.home.discussions')}</Link>
              </li>
            )}
            {can(network, 'members.view') && (
              <li>
                <Link to="directory">{t('networks.home.find_colleagues')}</Link>
              </li>
            )}
            {can(network, 'invitations.manage') && (
              <li>
                <Link to="invitations">{t('networks.home.invite')}</Link>
              </li>
            )}
            {can(network, 'applications.decide') && (
              <li>
                <Link to="applications">{t('networks.home.review_applications')}</Link>
              </li>
            )}
            {can(network, 'documents.view') && (
              <li>
                <Link to="agreement">{t('networks.home.read_agreement')}</Link>
              </li>
            )}
            <li>
              <Link to="/profile">{t('networks.home.edit_profile')}</Link>
            </li>
          </ul>
          {can(network, 'membership.set_leave') && <LeaveControl slug={network.slug} />}
          {can(network, 'membership.leave') && <LeaveButton slug={network.slug} name={network.name} />}
        </section>
      ) : (
        viewer.orgAdmin && <Alert tone="info">{t('networks.home.org_admin_note')}</Alert>
      )}

      {viewer.role && <SupportHomeSection network={network} />}
      {viewer.role && <ResourcesHomeSection network={network} />}
      {viewer.role && <EventsHomeSection network={network} />}
      {!viewer.role && network.visibility === 'public' && can(network, 'events.public') && (
        <PublicEventsSection slug={network.slug} withPartners={false} />
      )}

      {can(network, 'goals.view') && <GoalsSummarySection slug={network.slug} />}

      {can(network, 'applications.create') && <ApplySection network={network} />}
      {!me && network.visibility === 'public' && <ApplyWithAccountSection network={network} />}

      <div className="grid-2">
        <section className="card stack" aria-labelledby="meta-heading">
          <h2 id="meta-heading">{t('networks.home.meta_mentors')}</h2>
          {network.metaMentors.length === 0 ? (
            <p className="empty">{t('networks.home.no_meta_mentors')}</p>
          ) : (
            <ul className="plain-list">
              {network.metaMentors.map((m) => (
                <li key={m.id}>
                  <UserText>{m.displayName}</UserText>
                </li>
              ))}
            </ul>
          )}
          <p className="muted">{t('networks.home.member_count', { count: network.memberCount })}</p>
        </section>

        <section className="card stack" aria-labelledby="orgs-heading">
          <h2 id="orgs-heading">{t('networks.home.organisations')}</h2>
          <ul className="plain-list">
            {network.organisations.map((o) => (
              <li key={o.slug}>
                <Link to={`/organisations/${o.slug}`}>
                  <UserText>{o.name}</UserText>
                </Link>
                {o.verified && <span className="badge badge-ok">{t('organisations.verified')}</span>}
                <span className="muted small">
                  {' '}
                  · <UserText>{o.city}</UserText>, {countryName(o.country, locale)}
                  {o.founding && ` · ${t('networks.home.founding')}`}
                </span>
              </li>
            ))}
          </ul>
        </section>
      </div>

      {/* While it loads, the office holds its place: appearing later, it would push the page down. */}
      {can(network, 'office.view') && (office.data || office.isPending) && (
        <section className="card stack" aria-labelledby="office-heading">
          <h2 id="office-heading">{t('networks.office.title')}</h2>
          {office.data ? <OfficeDetails office={office.data} /> : <Loading />}
        </section>
      )}
    </div>
  );
}
