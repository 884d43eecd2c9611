import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** The "share with partner networks" checkbox of the announcement, event and resource editors. */
export function ShareWithPartnersField({
  checked,
  onChange,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const { t } = useTranslation();
  const hintId = useId();
  return (
    <div className="field">
      <label className="choice">
        <input
          type="checkbox"
          name="shareWithPartners"
          checked={checked}
          aria-describedby={hintId}
          onChange={(e) => onChange(e.target.checked)}
        />
        <span>{t('partners.share_label')}</span>
      </label>
      <p id={hintId} className="muted small">
        {t('partners.share_hint')}
      </p>
    </div>
  );
}

/** "From <network>": where an item shared by a partner network comes from. */
export function OriginNote({ origin }: { origin: { slug: string; name: string } | null }) {
  const { t } = useTranslation();
  if (!origin) return null;
  return (
    <p className="muted small">
      {t('partners.shared_from')} <bdi>{origin.name}</bdi>
    </p>
  );
}
