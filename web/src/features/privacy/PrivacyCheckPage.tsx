import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../../common/privacy/kinds.ts';
import { Alert } from '../../components/Alert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { can } from '../networks/api.ts';
import { useCurrentNetwork } from '../networks/NetworkLayout.tsx';
import { CaseTextField, PrivacyConfirmation } from './CaseTextField.tsx';

/**
 * A place to check a case text before sharing it: the case text field on its own, until the
 * help-request form hosts it. Nothing is stored or sent; the check runs in the browser.
 */
export default function PrivacyCheckPage() {
  const network = useCurrentNetwork();
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [findings, setFindings] = useState<Finding[]>([]);
  const [confirmed, setConfirmed] = useState(false);

  if (!can(network, 'privacy.check')) {
    return (
      <div className="page stack">
        <PageHeading title={t('privacy.page.title')} />
        <p className="empty">{t('privacy.page.members_only')}</p>
      </div>
    );
  }
  const clean = text.trim() !== '' && findings.length === 0;
  return (
    <div className="page stack">
      <PageHeading title={t('privacy.page.title')} />
      <p className="muted">{t('privacy.page.intro')}</p>
      <CaseTextField
        name="caseText"
        label={t('privacy.page.field_label')}
        hint={t('privacy.page.field_hint')}
        value={text}
        onChange={(value) => {
          setText(value);
          setConfirmed(false);
        }}
        onFindingsChange={setFindings}
      />
      {findings.length > 0 && <PrivacyConfirmation checked={confirmed} onChange={setConfirmed} />}
      {(clean || (findings.length > 0 && confirmed)) && (
        <Alert tone="success">{clean ? t('privacy.page.ready') : t('privacy.page.ready_confirmed')}</Alert>
      )}
    </div>
  );
}
