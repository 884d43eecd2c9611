import { useTranslation } from 'react-i18next';
import type { NetworkOffice } from '../../../../common/contracts/office.ts';
import { roleLabel } from '../../lib/labels.ts';

/** Contact, address (or "online only"), hours and staff of a network's office. */
export function OfficeDetails({ office }: { office: NetworkOffice }) {
  const { t } = useTranslation();
  const empty =
    !office.contactEmail &&
    !office.contactPhone &&
    !office.address &&
    !office.officeHours &&
    !office.onlineOnly;
  if (empty && office.staff.length === 0) return <p className="empty">{t('networks.office.empty')}</p>;
  return (
    <dl className="facts facts-grid">
      {office.contactEmail && (
        <>
          <dt>{t('networks.office.email')}</dt>
          <dd>
            <a href={`mailto:${office.contactEmail}`} dir="ltr">
              {office.contactEmail}
            </a>
          </dd>
        </>
      )}
      {office.contactPhone && (
        <>
          <dt>{t('networks.office.phone')}</dt>
          <dd>
            <a href={`tel:${office.contactPhone.replace(/\s+/g, '')}`} dir="ltr">
              {office.contactPhone}
            </a>
          </dd>
        </>
      )}
      <dt>{t('networks.office.address')}</dt>
      <dd className="prewrap" dir="auto">
        {office.onlineOnly ? t('networks.office.online_only') : office.address || '—'}
      </dd>
      {office.officeHours && (
        <>
          <dt>{t('networks.office.hours')}</dt>
          <dd className="prewrap" dir="auto">
            {office.officeHours}
          </dd>
        </>
      )}
      {office.staff.length > 0 && (
        <>
          <dt>{t('networks.office.staff')}</dt>
          <dd>
            <ul className="plain-list">
              {office.staff.map((s) => (
                <li key={`${s.role}-${s.id}`}>
                  <bdi>{s.displayName}</bdi> <span className="muted small">({roleLabel(t, s.role)})</span>
                </li>
              ))}
            </ul>
            {office.officeHours && (
              <p className="muted small">{t('networks.office.staff_hours', { hours: office.officeHours })}</p>
            )}
          </dd>
        </>
      )}
    </dl>
  );
}
