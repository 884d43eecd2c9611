import { useTranslation } from 'react-i18next';
import { Link, Navigate, NavLink, Outlet, useLocation, useOutletContext, useParams } from 'react-router';
import type { Network } from '../../../../common/contracts/networks.ts';
import { isHeldAtAgreement, type NetworkAction } from '../../../../common/permissions.ts';
import { Loading } from '../../components/Loading.tsx';
import { NavMenu, splitEntries } from '../../components/NavMenu.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { UserText } from '../../components/UserText.tsx';
import { useMe } from '../auth/api.ts';
import { helpAccess } from '../help/api.ts';
import { NetworkTour } from '../tour/NetworkTour.tsx';
import { useNetwork } from './api.ts';
import { settingsSectionsFor } from './settings-sections.ts';

const PHONE_TABS = 2;
const WIDE_TABS = 6;

/** Whether the viewer is a member who must accept the current agreement and rules first. */
export function mustAccept(network: Network, platformAdmin: boolean): boolean {
  const { viewer } = network;
  return isHeldAtAgreement({
    signedIn: true,
    platformAdmin,
    orgAdmin: viewer.orgAdmin,
    role: viewer.role,
    acceptedCurrent: viewer.acceptedCurrent,
  });
}

/** The network a page under /networks/:slug belongs to. */
export function useCurrentNetwork(): Network {
  return useOutletContext<Network>();
}

/**
 * Frame of every network page: the network's name and the sections the viewer may open. A member
 * who has not accepted the current agreement and rules is sent to them and sees nothing else.
 */
export default function NetworkLayout() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const location = useLocation();
  const { data: me, isPending: mePending } = useMe();
  const network = useNetwork(slug);

  if (network.isPending || mePending) return <Loading />;
  if (network.isError) return <QueryError error={network.error} />;
  const n = network.data;
  const gated = mustAccept(n, Boolean(me?.isPlatformAdmin));
  const agreementPath = `/networks/${n.slug}/agreement`;
  if (gated && location.pathname !== agreementPath) {
    return <Navigate to={agreementPath} replace state={{ gated: true }} />;
  }

  const may = (action: NetworkAction) => n.viewer.permissions.includes(action);
  const sections: { to: string; label: string; show: boolean; end?: boolean }[] = [
    { to: '', label: t('networks.nav.overview'), show: true, end: true },
    { to: 'discussions', label: t('networks.nav.discussions'), show: may('discussions.read') },
    { to: 'members', label: t('networks.nav.members'), show: may('members.view') },
    { to: 'directory', label: t('networks.nav.directory'), show: may('members.view') },
    { to: 'buddies', label: t('networks.nav.buddies'), show: may('buddies.view') },
    { to: 'support', label: t('networks.nav.support'), show: helpAccess(n).view },
    { to: 'resources', label: t('networks.nav.resources'), show: may('resources.view') },
    { to: 'events', label: t('networks.nav.events'), show: may('events.view') && n.viewer.role !== null },
    { to: 'agreement', label: t('networks.nav.agreement'), show: may('documents.view') },
    { to: 'office', label: t('networks.nav.office'), show: may('office.view') },
    { to: 'partners', label: t('networks.nav.partners'), show: may('partnerships.view') },
    { to: 'goals', label: t('networks.nav.goals'), show: may('goals.view') },
    { to: 'health', label: t('networks.nav.health'), show: may('health.manage') },
    { to: 'reports', label: t('networks.nav.reports'), show: may('reports.view') },
    { to: 'roadmap', label: t('networks.nav.roadmap'), show: may('roadmap.view') },
    { to: 'mooc', label: t('networks.nav.mooc'), show: may('mooc.manage') },
    { to: 'invitations', label: t('networks.nav.invitations'), show: may('invitations.manage') },
    { to: 'applications', label: t('networks.nav.applications'), show: may('applications.decide') },
    { to: 'audit', label: t('networks.nav.audit'), show: may('audit.view') },
    { to: 'progression', label: t('progression.nav'), show: may('progression.view') },
    {
      to: 'settings',
      label: t('networks.nav.settings'),
      show: settingsSectionsFor(n.viewer.permissions).size > 0,
    },
  ];

  // Tabs that fit: two on a phone (in any language, beside "More"), six from a tablet on; the
  // others under "More". The entries that are tabs only on wide screens are in the menu too,
  // shown there only on narrow ones.
  const entries = sections
    .filter((s) => s.show)
    .map((s, index) => ({
      to: s.to ? `/networks/${n.slug}/${s.to}` : `/networks/${n.slug}`,
      label: s.label,
      end: s.end,
      wideOnly: index >= PHONE_TABS,
    }));
  const { tabs, more } = splitEntries(entries, WIDE_TABS);
  const menu = entries.slice(PHONE_TABS).map((e) => ({
    ...e,
    className: e.wideOnly && tabs.includes(e) ? 'nav-narrow-only' : undefined,
  }));

  return (
    <div className="stack">
      <div className="network-bar">
        <p className="eyebrow">
          {gated ? (
            <UserText>{n.name}</UserText>
          ) : (
            <Link to={`/networks/${n.slug}`}>{<UserText>{n.name}</UserText>}</Link>
          )}
        </p>
        {!gated && (
          <nav className="tabs" aria-label={t('networks.nav.label', { network: n.name })}>
            <ul>
              {tabs.map((e) => (
                <li key={e.to} className={e.wideOnly ? 'nav-wide-only' : undefined}>
                  <NavLink to={e.to} end={e.end}>
                    {e.label}
                  </NavLink>
                </li>
              ))}
              {menu.length > 0 && (
                <li className={more.length === 0 ? 'nav-narrow-only' : undefined}>
                  <NavMenu label={t('nav.more')} items={menu} />
                </li>
              )}
            </ul>
          </nav>
        )}
      </div>
      {!gated && <NetworkTour key={n.slug} network={n} />}
      <Outlet context={n} />
    </div>
  );
}
