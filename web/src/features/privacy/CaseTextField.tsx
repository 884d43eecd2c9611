import { type TextareaHTMLAttributes, useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../../common/privacy/kinds.ts';
import { PRIVACY_CHECK_MAX_CHARS } from '../../../../common/privacy/kinds.ts';
import { FieldFrame } from '../../components/Field.tsx';
import { PrivacyFindings } from './PrivacyFindings.tsx';
import { usePrivacyCheck } from './privacy-check.ts';

interface CaseTextFieldProps
  extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'onChange' | 'aria-invalid'> {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  /** Told the findings of the current text, so that the form can ask for a confirmation while some are left. */
  onFindingsChange?: (findings: Finding[]) => void;
}

/**
 * A text field for case descriptions that checks for personal data as the mentor types (in the
 * browser, debounced) and offers to replace each finding with a placeholder.
 */
export function CaseTextField({
  label,
  hint,
  error,
  value,
  onChange,
  onFindingsChange,
  rows = 8,
  ...textarea
}: CaseTextFieldProps) {
  const check = usePrivacyCheck(value);
  const statusId = useId();
  useEffect(() => {
    if (!check.checking) onFindingsChange?.(check.findings);
  }, [check.checking, check.findings, onFindingsChange]);
  return (
    <FieldFrame label={label} hint={hint} error={error}>
      {({ id, describedBy, invalid }) => (
        <>
          <textarea
            id={id}
            rows={rows}
            dir="auto"
            maxLength={PRIVACY_CHECK_MAX_CHARS}
            value={value}
            onChange={(event) => onChange(event.target.value)}
            aria-invalid={invalid}
            aria-describedby={[describedBy, statusId].filter(Boolean).join(' ')}
            {...textarea}
          />
          <PrivacyFindings
            statusId={statusId}
            text={value}
            findings={check.findings}
            checking={check.checking}
            onReplace={async (finding) => onChange(await check.replace(finding))}
            onReplaceAll={async () => onChange(await check.replaceAll())}
          />
        </>
      )}
    </FieldFrame>
  );
}

interface PrivacyConfirmationProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** The explicit confirmation a form asks for when a case text is posted with findings left. */
export function PrivacyConfirmation({ checked, onChange }: PrivacyConfirmationProps) {
  const { t } = useTranslation();
  return (
    <label className="choice privacy-confirmation">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <span>{t('privacy.confirm')}</span>
    </label>
  );
}
