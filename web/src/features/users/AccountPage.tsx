import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useMe } from '../auth/api.ts';
import { CalendarFeedSection } from '../events/CalendarFeedSection.tsx';
import { LegalAdminLink } from '../legal/LegalAdminLink.tsx';
import { BlockedSection } from '../moderation/BlockedSection.tsx';
import { ModerationLink } from '../moderation/ModerationLink.tsx';
import { PreferencesSection } from '../notifications/PreferencesSection.tsx';
import { PushSection } from '../notifications/PushSection.tsx';
import { PasskeysSection } from './PasskeysSection.tsx';
import { OperationsLink } from '../operations/OperationsLink.tsx';
import { SecuritySettingsSection } from '../platform-settings/SecuritySettingsSection.tsx';
import { PasswordSection } from './PasswordSection.tsx';
import { ProfileSection } from './ProfileSection.tsx';
import { SessionsSection } from './SessionsSection.tsx';
import { TwoFactorSection } from './TwoFactorSection.tsx';
import { YourDataSection } from './YourDataSection.tsx';

export default function AccountPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (!me) return null;
  return (
    <div className="page stack">
      <PageHeading title={t('account.title')} />
      <ProfileSection me={me} />
      <PreferencesSection />
      <PushSection />
      <PasswordSection />
      <TwoFactorSection />
      <PasskeysSection />
      <SessionsSection />
      <CalendarFeedSection />
      <BlockedSection />
      <YourDataSection />
      <ModerationLink />
      {me.isPlatformAdmin && <OperationsLink />}
      {me.isPlatformAdmin && <LegalAdminLink />}
      {me.isPlatformAdmin && <SecuritySettingsSection />}
    </div>
  );
}
