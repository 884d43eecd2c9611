import { useTranslation } from 'react-i18next';
import { useCurrentNetwork } from '../networks/NetworkLayout.tsx';
import { useBadges } from './api.ts';

/** "MOOC graduate" with the session's name, for a member of the current network who joined from a MOOC session. */
export function MoocBadge({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const badges = useBadges(useCurrentNetwork().slug);
  const badge = badges.data?.get(userId);
  if (!badge) return null;
  return (
    <span className="badge badge-mooc" title={badge.session.title}>
      {t('mooc.badge', { session: badge.session.title })}
    </span>
  );
}
