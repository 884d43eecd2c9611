import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type Finding, PLACEHOLDERS, type PrivacyKind } from '../../../../common/privacy/kinds.ts';
import { Button } from '../../components/Button.tsx';
import { findingContext } from './privacy-check.ts';

// Every label spelled out as a literal key, so that the catalogue check sees them used.
export function privacyKindLabel(t: TFunction, kind: PrivacyKind): string {
  const labels: Record<PrivacyKind, string> = {
    name: t('privacy.kind.name'),
    birth_date: t('privacy.kind.birth_date'),
    phone: t('privacy.kind.phone'),
    email: t('privacy.kind.email'),
    address: t('privacy.kind.address'),
    id_number: t('privacy.kind.id_number'),
    iban: t('privacy.kind.iban'),
    nationality_place: t('privacy.kind.nationality_place'),
  };
  return labels[kind];
}

/** Why a kind of detail matters, in plain words. */
export function privacyKindReason(t: TFunction, kind: PrivacyKind): string {
  const reasons: Record<PrivacyKind, string> = {
    name: t('privacy.why.name'),
    birth_date: t('privacy.why.birth_date'),
    phone: t('privacy.why.phone'),
    email: t('privacy.why.email'),
    address: t('privacy.why.address'),
    id_number: t('privacy.why.id_number'),
    iban: t('privacy.why.iban'),
    nationality_place: t('privacy.why.nationality_place'),
  };
  return reasons[kind];
}

/**
 * The mentor's words inside a translated sentence keep their own direction (Unicode first-strong
 * isolate, the plain-text twin of <bdi>): an Arabic name in an English button, a German street in
 * an Arabic one.
 */
const isolate = (text: string) => `\u2068${text}\u2069`;

interface PrivacyFindingsProps {
  /** Id of the status line, for the text field's aria-describedby. */
  statusId?: string;
  text: string;
  findings: readonly Finding[];
  checking: boolean;
  onReplace: (finding: Finding) => void;
  onReplaceAll: () => void;
}

/**
 * The findings of the privacy check as a list: each one marked in its context, named, explained,
 * with a button that replaces it by its placeholder. Text and buttons, not colour alone.
 */
export function PrivacyFindings({
  statusId,
  text,
  findings,
  checking,
  onReplace,
  onReplaceAll,
}: PrivacyFindingsProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const status =
    text.trim() === ''
      ? ''
      : checking && findings.length === 0
        ? t('privacy.status.checking')
        : findings.length === 0
          ? t('privacy.status.none')
          : t('privacy.status.found', { count: findings.length });
  return (
    <div className="privacy-check">
      <p
        id={statusId}
        className={`privacy-status${findings.length > 0 ? ' privacy-status-found' : ''}`}
        role="status"
      >
        {findings.length > 0 && <span aria-hidden="true">⚠ </span>}
        {status}
      </p>
      {findings.length > 0 && (
        <section className="privacy-findings" aria-labelledby={headingId}>
          <h3 id={headingId} className="privacy-findings-heading">
            {t('privacy.findings_heading')}
          </h3>
          <ul>
            {findings.map((finding) => {
              const context = findingContext(text, finding);
              const placeholder = PLACEHOLDERS[finding.kind];
              return (
                <li key={`${finding.kind}-${finding.start}-${finding.text}`} className="privacy-finding">
                  <p className="privacy-finding-kind">
                    <strong>{privacyKindLabel(t, finding.kind)}</strong>
                  </p>
                  <p className="privacy-finding-context" dir="auto">
                    {context.before}
                    <mark>{context.match}</mark>
                    {context.after}
                  </p>
                  <p className="privacy-finding-reason">{privacyKindReason(t, finding.kind)}</p>
                  <Button variant="secondary" onClick={() => onReplace(finding)}>
                    {t('privacy.replace_item', { text: isolate(finding.text), placeholder })}
                  </Button>
                </li>
              );
            })}
          </ul>
          {findings.length > 1 && (
            <Button variant="quiet" onClick={onReplaceAll}>
              {t('privacy.replace_all')}
            </Button>
          )}
        </section>
      )}
    </div>
  );
}
