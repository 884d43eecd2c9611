import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CurrentLegal } from '../../../../common/contracts/legal.ts';

/** Which published texts the box accepts (the label names only those). */
export function consentScope(current: CurrentLegal): 'both' | 'privacy' | 'terms' | null {
  if (current.privacy && current.terms) return 'both';
  if (current.privacy) return 'privacy';
  if (current.terms) return 'terms';
  return null;
}

/**
 * The box a new person ticks to accept the published privacy notice and terms of use, with links
 * to both (in a new tab, so the form keeps what was typed). Nothing while none is published.
 */
export function ConsentField({ current, error }: { current: CurrentLegal; error?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const scope = consentScope(current);
  if (!scope) return null;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="field consent-field">
      <p id={hintId} className="field-hint">
        {t('legal.consent.read')}{' '}
        {current.privacy && (
          <Link to="/privacy" target="_blank" rel="noopener">
            {t('nav.privacy_notice')}
          </Link>
        )}
        {scope === 'both' && ' · '}
        {current.terms && (
          <Link to="/terms" target="_blank" rel="noopener">
            {t('nav.terms_of_use')}
          </Link>
        )}
      </p>
      <label className="choice" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          name="consent"
          value="yes"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        />
        <span>{t('legal.consent.label', { scope })}</span>
      </label>
      {error && (
        <p id={errorId} className="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </div>
  );
}
