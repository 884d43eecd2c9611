import { type FormEvent, type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrivacyFindingsDetails } from '../../../../common/contracts/help-requests.ts';
import { EXPERTISE_AREAS, type ExpertiseArea } from '../../../../common/expertise.ts';
import {
  HELP_BODY_MAX,
  HELP_REQUEST_KINDS,
  HELP_TITLE_MAX,
  HELP_URGENCIES,
} from '../../../../common/help-requests.ts';
import { LANGUAGE_CODES } from '../../../../common/languages.ts';
import type { Finding } from '../../../../common/privacy/kinds.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { LanguagesField } from '../../components/LanguagesField.tsx';
import { toFormErrors } from '../../lib/form-errors.ts';
import { expertiseLabel } from '../../lib/labels.ts';
import { AttachmentPicker } from '../discussions/AttachmentPicker.tsx';
import { Composer } from '../discussions/Composer.tsx';
import { CaseTextField, PrivacyConfirmation } from '../privacy/CaseTextField.tsx';
import { privacyKindLabel } from '../privacy/PrivacyFindings.tsx';
import { findPersonalData } from '../privacy/privacy-check.ts';
import { privacyFindingsOf } from './api.ts';
import { type HelpDraft, only } from './draft.ts';
import { helpKindLabel, isolate, urgencyLabel } from './labels.ts';

const FIELDS = ['title', 'body', 'expertise', 'languages', 'urgency', 'deadline'] as const;

/** Today as YYYY-MM-DD in the reader's time zone (the earliest deadline one may pick). */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

interface HelpRequestFormProps {
  slug: string;
  /** Asking (kind and attachments chosen here) or the requester editing. */
  mode: 'ask' | 'edit';
  draft: HelpDraft;
  update: (change: Partial<HelpDraft>) => void;
  /** Posts; `privacyConfirmed` says the mentor confirmed the personal data left in a case text. */
  onSubmit: (privacyConfirmed: boolean) => void;
  pending: boolean;
  error: Error | null;
  submitLabel: string;
  /** More buttons beside the submit one (cancel, discard the draft). */
  actions?: ReactNode;
}

/**
 * The form of a help request: kind, title, body (Markdown with mentions; for a case consultation
 * the privacy-checked case text field), expertise areas, languages, urgency, an optional deadline
 * and attachments. A case consultation with personal data left posts only after the mentor
 * confirms, here or when the server found some.
 */
export function HelpRequestForm({
  slug,
  mode,
  draft,
  update,
  onSubmit,
  pending,
  error,
  submitLabel,
  actions,
}: HelpRequestFormProps) {
  const { t } = useTranslation();
  const isCase = draft.kind === 'case';
  const [findings, setFindings] = useState<{ title: Finding[]; body: Finding[] }>({ title: [], body: [] });
  const [confirmed, setConfirmed] = useState(false);
  const [mustConfirm, setMustConfirm] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  const expertiseId = useId();
  const urgencyId = useId();
  const server = privacyFindingsOf(error);
  const formErrors = error && !server ? toFormErrors(error, FIELDS) : undefined;
  const errors = formErrors?.fields ?? {};
  const left = findings.title.length + findings.body.length;
  const onTitleFindings = useCallback((f: Finding[]) => setFindings((c) => ({ ...c, title: f })), []);
  const onBodyFindings = useCallback((f: Finding[]) => setFindings((c) => ({ ...c, body: f })), []);

  // A changed text must be confirmed again; a clean one needs no confirmation.
  const change = (next: Partial<HelpDraft>) => {
    setConfirmed(false);
    update(next);
  };
  useEffect(() => {
    if (mustConfirm || server) confirmRef.current?.querySelector('input')?.focus();
  }, [mustConfirm, server]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!isCase) return onSubmit(false);
    // The check as it is now (the one shown may be a keystroke behind).
    const [title, body] = await Promise.all([findPersonalData(draft.title), findPersonalData(draft.body)]);
    // The server's check may find what this one did not: its findings need the confirmation too.
    const needed = title.length + body.length > 0 || server !== null;
    setFindings({ title, body });
    if (needed && !confirmed) {
      setMustConfirm(true);
      return;
    }
    setMustConfirm(false);
    onSubmit(needed);
  }

  const toggleArea = (area: ExpertiseArea, on: boolean) =>
    update({ expertise: on ? [...draft.expertise, area] : draft.expertise.filter((a) => a !== area) });

  return (
    <form className="card form help-form" onSubmit={submit} noValidate>
      {mode === 'ask' && (
        <fieldset className="field choice-group">
          <legend>{t('help.form.kind')}</legend>
          <div className="choices">
            {HELP_REQUEST_KINDS.map((kind) => (
              <label key={kind} className="choice">
                <input
                  type="radio"
                  name="kind"
                  value={kind}
                  checked={draft.kind === kind}
                  onChange={() => change({ kind })}
                />
                <span>
                  <span className="strong">{helpKindLabel(t, kind)}</span>
                  <span className="muted small help-kind-hint">
                    {kind === 'case' ? t('help.form.kind_case_hint') : t('help.form.kind_question_hint')}
                  </span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {isCase && <Alert tone="info">{t('help.form.case_notice')}</Alert>}

      {isCase ? (
        <CaseTextField
          name="title"
          label={t('help.form.title')}
          hint={t('help.form.title_hint')}
          error={errors.title}
          rows={2}
          maxLength={HELP_TITLE_MAX}
          required
          value={draft.title}
          onChange={(value) => change({ title: value.replace(/\s*\n\s*/g, ' ') })}
          onFindingsChange={onTitleFindings}
        />
      ) : (
        <TextField
          name="title"
          label={t('help.form.title')}
          hint={t('help.form.title_hint')}
          error={errors.title}
          maxLength={HELP_TITLE_MAX}
          required
          dir="auto"
          value={draft.title}
          onChange={(e) => change({ title: e.target.value })}
        />
      )}
      {isCase ? (
        <CaseTextField
          name="body"
          label={t('help.form.case_body')}
          hint={t('help.form.case_body_hint')}
          error={errors.body}
          maxLength={HELP_BODY_MAX}
          required
          value={draft.body}
          onChange={(value) => change({ body: value })}
          onFindingsChange={onBodyFindings}
        />
      ) : (
        <Composer
          slug={slug}
          label={t('help.form.body')}
          value={draft.body}
          onChange={(value) => change({ body: value })}
          error={errors.body}
          rows={8}
        />
      )}

      <fieldset className="field choice-group" aria-describedby={`${expertiseId}-hint`}>
        <legend>{t('help.form.expertise')}</legend>
        <p id={`${expertiseId}-hint`} className="field-hint">
          {t('help.form.expertise_hint')}
        </p>
        <div className="choices choices-columns">
          {EXPERTISE_AREAS.map((area) => (
            <label key={area} className="choice">
              <input
                type="checkbox"
                name="expertise"
                value={area}
                checked={draft.expertise.includes(area)}
                onChange={(e) => toggleArea(area, e.target.checked)}
              />
              <span>{expertiseLabel(t, area)}</span>
            </label>
          ))}
        </div>
        {errors.expertise && <p className="field-error">{errors.expertise}</p>}
      </fieldset>

      <LanguagesField
        name="languages"
        legend={t('help.form.languages')}
        hint={t('help.form.languages_hint')}
        error={errors.languages}
        value={draft.languages}
        onChange={(languages) => update({ languages: only(LANGUAGE_CODES, languages) })}
      />

      <fieldset className="field choice-group" id={urgencyId}>
        <legend>{t('help.form.urgency')}</legend>
        <div className="choices">
          {HELP_URGENCIES.map((urgency) => (
            <label key={urgency} className="choice">
              <input
                type="radio"
                name="urgency"
                value={urgency}
                checked={draft.urgency === urgency}
                onChange={() => update({ urgency })}
              />
              <span>{urgencyLabel(t, urgency)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <TextField
        name="deadline"
        type="date"
        label={t('help.form.deadline')}
        hint={t('help.form.deadline_hint')}
        error={errors.deadline}
        min={mode === 'ask' ? today() : undefined}
        value={draft.deadline}
        onChange={(e) => update({ deadline: e.target.value })}
      />
      {mode === 'ask' && (
        <AttachmentPicker
          slug={slug}
          attachments={draft.attachments}
          onChange={(attachments) => update({ attachments })}
        />
      )}

      {isCase && (server || mustConfirm || (left > 0 && confirmed)) && (
        <div ref={confirmRef} className="stack-tight help-privacy-confirm">
          <Alert tone={confirmed ? 'info' : 'error'}>
            <p>
              {server
                ? t('help.form.server_findings', { count: server.title.length + server.body.length })
                : t('help.form.confirm_needed', { count: left })}
            </p>
            {server && <ServerFindings findings={server} />}
          </Alert>
          <PrivacyConfirmation checked={confirmed} onChange={setConfirmed} />
        </div>
      )}
      {formErrors?.form && <Alert tone="error">{formErrors.form}</Alert>}
      <div className="actions">
        <Button type="submit" pending={pending}>
          {submitLabel}
        </Button>
        {actions}
      </div>
    </form>
  );
}

/** What the server found in a case text that was posted without a confirmation. */
function ServerFindings({ findings }: { findings: PrivacyFindingsDetails }) {
  const { t } = useTranslation();
  const all = [
    ...findings.title.map((f) => ({ ...f, where: t('help.form.title') })),
    ...findings.body.map((f) => ({ ...f, where: t('help.form.case_body') })),
  ];
  return (
    <ul className="help-server-findings">
      {all.map((f) => (
        <li key={`${f.where}-${f.start}-${f.kind}`}>
          {t('help.form.server_finding', {
            kind: privacyKindLabel(t, f.kind),
            text: isolate(f.text),
            where: f.where,
          })}
        </li>
      ))}
    </ul>
  );
}
