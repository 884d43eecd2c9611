import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACTIVITY_DURATION_MAX_MINUTES,
  ACTIVITY_KINDS,
  ACTIVITY_NOTE_MAX,
  type ActivityKind,
  MENTEE_CODE_MAX,
} from '../../../../common/activities.ts';
import type { PrivacyFinding } from '../../../../common/contracts/privacy.ts';
import { EXPERTISE_AREAS, type ExpertiseArea } from '../../../../common/expertise.ts';
import type { Finding } from '../../../../common/privacy/kinds.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { toFormErrors } from '../../lib/form-errors.ts';
import { expertiseLabel, listFormat } from '../../lib/labels.ts';
import { CaseTextField, PrivacyConfirmation } from '../privacy/CaseTextField.tsx';
import { privacyKindLabel } from '../privacy/PrivacyFindings.tsx';
import { findPersonalData } from '../privacy/privacy-check.ts';
import { noteFindingsOf } from './api.ts';
import { activityKindLabel } from './labels.ts';
import { looksLikeName } from './last-values.ts';

const FIELDS = ['date', 'durationMinutes', 'kind', 'topics', 'menteeCode', 'note'] as const;
const QUICK_DURATIONS = [30, 60, 90, 120];

export interface ActivityDraft {
  networkSlug: string;
  date: string;
  durationMinutes: string;
  kind: ActivityKind;
  topics: ExpertiseArea[];
  menteeCode: string;
  note: string;
}

interface ActivityFormProps {
  draft: ActivityDraft;
  update: (change: Partial<ActivityDraft>) => void;
  /** The networks one may log in (a choice only when there are several). */
  networks: { slug: string; name: string }[];
  menteeCodes: string[];
  onSubmit: (privacyConfirmed: boolean) => void;
  pending: boolean;
  error: Error | null;
  editing: boolean;
  onCancel?: () => void;
  maxDate: string;
}

/**
 * One screen to log an activity: the network (when there are several), date, duration (quick
 * choices), kind, mentee code (with one's own codes suggested), topics folded away with the chosen
 * ones named, and the note checked for personal data as one types. A note with personal data left
 * is saved only after an explicit confirmation, here or when the server found some.
 */
export function ActivityForm(props: ActivityFormProps) {
  const { draft, update, networks, menteeCodes, onSubmit, pending, error, editing, onCancel, maxDate } =
    props;
  const { t, i18n } = useTranslation();
  const [findings, setFindings] = useState<Finding[]>([]);
  const [confirmed, setConfirmed] = useState(false);
  const [mustConfirm, setMustConfirm] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  const codesId = useId();
  const server = noteFindingsOf(error);
  const formErrors = error && !server ? toFormErrors(error, FIELDS) : undefined;
  const errors = formErrors?.fields ?? {};
  useEffect(() => {
    if (mustConfirm || server) confirmRef.current?.querySelector('input')?.focus();
  }, [mustConfirm, server]);

  const changeNote = (note: string) => {
    setConfirmed(false);
    update({ note });
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = await findPersonalData(draft.note);
    const needed = found.length > 0 || server !== null;
    setFindings(found);
    if (needed && !confirmed) {
      setMustConfirm(true);
      return;
    }
    setMustConfirm(false);
    setConfirmed(false);
    onSubmit(needed);
  }

  const toggleTopic = (area: ExpertiseArea, on: boolean) =>
    update({ topics: on ? [...draft.topics, area] : draft.topics.filter((a) => a !== area) });
  const chosenTopics = draft.topics.map((a) => expertiseLabel(t, a));

  return (
    <form
      className="card form activity-form"
      onSubmit={submit}
      noValidate
      aria-label={t('activities.form.title')}
    >
      {networks.length > 1 && (
        <SelectField
          name="network"
          label={t('activities.form.network')}
          value={draft.networkSlug}
          onChange={(e) => update({ networkSlug: e.target.value })}
          options={networks.map((n) => ({ value: n.slug, label: n.name }))}
        />
      )}
      <div className="activity-form-row">
        <TextField
          name="date"
          type="date"
          label={t('activities.form.date')}
          error={errors.date}
          max={maxDate}
          required
          value={draft.date}
          onChange={(e) => update({ date: e.target.value })}
        />
        <TextField
          name="menteeCode"
          label={t('activities.form.mentee_code')}
          error={errors.menteeCode}
          maxLength={MENTEE_CODE_MAX}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          list={codesId}
          required
          dir="auto"
          value={draft.menteeCode}
          onChange={(e) => update({ menteeCode: e.target.value.replace(/\s/g, '') })}
        />
        <datalist id={codesId}>
          {menteeCodes.map((code) => (
            <option key={code} value={code} />
          ))}
        </datalist>
      </div>
      <p className={looksLikeName(draft.menteeCode) ? 'field-error' : 'field-hint'}>
        {looksLikeName(draft.menteeCode)
          ? t('activities.form.code_looks_like_name')
          : t('activities.form.code_hint')}
      </p>

      <fieldset className="field choice-group">
        <legend>{t('activities.form.duration')}</legend>
        <div className="activity-durations">
          {QUICK_DURATIONS.map((minutes) => (
            <label key={minutes} className="choice activity-chip">
              <input
                type="radio"
                name="durationQuick"
                checked={draft.durationMinutes === String(minutes)}
                onChange={() => update({ durationMinutes: String(minutes) })}
              />
              <span>{t('activities.duration_minutes', { minutes })}</span>
            </label>
          ))}
          <TextField
            name="durationMinutes"
            type="number"
            inputMode="numeric"
            label={t('activities.form.minutes')}
            error={errors.durationMinutes}
            min={1}
            max={ACTIVITY_DURATION_MAX_MINUTES}
            required
            value={draft.durationMinutes}
            onChange={(e) => update({ durationMinutes: e.target.value })}
          />
        </div>
      </fieldset>

      <fieldset className="field choice-group">
        <legend>{t('activities.form.kind')}</legend>
        <div className="choices activity-kinds">
          {ACTIVITY_KINDS.map((kind) => (
            <label key={kind} className="choice activity-chip">
              <input
                type="radio"
                name="kind"
                checked={draft.kind === kind}
                onChange={() => update({ kind })}
              />
              <span>{activityKindLabel(t, kind)}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <details className="field activity-topics">
        <summary className="activity-topics-summary">
          {t('activities.form.topics')}
          {': '}
          <span className="muted">
            {chosenTopics.length ? listFormat(chosenTopics, i18n.language) : t('activities.form.no_topics')}
          </span>
        </summary>
        <div className="choices choices-columns">
          {EXPERTISE_AREAS.map((area) => (
            <label key={area} className="choice">
              <input
                type="checkbox"
                name="topics"
                value={area}
                checked={draft.topics.includes(area)}
                onChange={(e) => toggleTopic(area, e.target.checked)}
              />
              <span>{expertiseLabel(t, area)}</span>
            </label>
          ))}
        </div>
      </details>

      <CaseTextField
        name="note"
        label={t('activities.form.note')}
        hint={t('activities.form.note_hint')}
        error={errors.note}
        rows={3}
        maxLength={ACTIVITY_NOTE_MAX}
        value={draft.note}
        onChange={changeNote}
        onFindingsChange={setFindings}
      />

      {(server || mustConfirm || (findings.length > 0 && confirmed)) && (
        <div ref={confirmRef} className="stack-tight">
          <Alert tone={confirmed ? 'info' : 'error'}>
            <p>
              {server
                ? t('help.form.server_findings', { count: server.length })
                : t('help.form.confirm_needed', { count: findings.length })}
            </p>
            {server && <ServerFindings findings={server} />}
          </Alert>
          <PrivacyConfirmation checked={confirmed} onChange={setConfirmed} />
        </div>
      )}
      {formErrors?.form && <Alert tone="error">{formErrors.form}</Alert>}
      <div className="actions">
        <Button type="submit" pending={pending}>
          {editing ? t('activities.form.save_changes') : t('activities.form.save')}
        </Button>
        {editing && (
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}

function ServerFindings({ findings }: { findings: PrivacyFinding[] }) {
  const { t } = useTranslation();
  return (
    <ul>
      {findings.map((f) => (
        <li key={`${f.start}-${f.kind}`}>
          {privacyKindLabel(t, f.kind)}: <bdi>{f.text}</bdi>
        </li>
      ))}
    </ul>
  );
}
