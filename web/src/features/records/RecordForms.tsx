import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VolunteerRecord } from '../../../../common/contracts/volunteer-records.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';

/** A field's problem as a catalogue key with its values. */
export type FieldError = { key: string; values?: Record<string, number> };
export type FieldErrors<K extends string> = Partial<Record<K, FieldError>>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const length = (text: string, min: number, max: number): FieldError | undefined => {
  const n = text.trim().length;
  return n < min || n > max ? { key: 'records.error_length', values: { min, max } } : undefined;
};
const clean = <K extends string>(errors: Record<K, FieldError | undefined>): FieldErrors<K> =>
  Object.fromEntries(Object.entries(errors).filter(([, e]) => e)) as FieldErrors<K>;

/** The same rules as AddTrainingBody, with messages from the catalogues. */
export function validateTraining(v: { title: string; completedOn: string }) {
  return clean({
    title: length(v.title, 2, 200),
    completedOn: DAY.test(v.completedOn) ? undefined : { key: 'records.error_date' },
  });
}

/** The same rules as AddCheckBody: kind, the day seen, valid until not before it. */
export function validateCheck(v: { kind: string; seenOn: string; validUntil: string }) {
  return clean({
    kind: length(v.kind, 2, 120),
    seenOn: DAY.test(v.seenOn) ? undefined : { key: 'records.error_date' },
    validUntil:
      v.validUntil && DAY.test(v.seenOn) && v.validUntil < v.seenOn
        ? { key: 'records.error_valid_before_seen' }
        : undefined,
  });
}

/** The same rules as SetCommitmentBody for a commitment being set (0.5–60 hours a week). */
export function validateCommitment(v: { hours: string }) {
  const hours = Number(v.hours);
  return clean({
    hours:
      v.hours.trim() === '' || !Number.isFinite(hours) || hours < 0.5 || hours > 60
        ? { key: 'records.error_hours' }
        : undefined,
  });
}

interface FormProps<B> {
  /** Resolves once saved (the form then empties), rejects with the server's translated message. */
  onSave: (body: B) => Promise<unknown>;
}

function useSaving() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const run = (saving: Promise<unknown>, done: () => void) => {
    setPending(true);
    setError(null);
    setSaved(false);
    saving.then(
      () => {
        setPending(false);
        setSaved(true);
        done();
      },
      (e: unknown) => {
        setPending(false);
        setError(e instanceof Error ? e.message : String(e));
      },
    );
  };
  return { pending, error, saved, run };
}

/** The submit button, and Cancel when the form corrects an entry. */
function FormButtons({ label, pending, onClose }: { label: string; pending: boolean; onClose?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <Button type="submit" variant="secondary" pending={pending}>
        {label}
      </Button>
      {onClose && (
        <Button variant="quiet" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      )}
    </div>
  );
}

/**
 * Staff add training taken outside the platform (its title and the day it was completed), or with
 * `initial` correct an entry, closing through `onClose` once saved.
 */
export function TrainingForm({
  onSave,
  initial,
  onClose,
}: FormProps<{ title: string; completedOn: string }> & {
  initial?: { title: string; completedOn: string };
  onClose?: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [title, setTitle] = useState(initial?.title ?? '');
  const [completedOn, setCompletedOn] = useState(initial?.completedOn ?? '');
  const [errors, setErrors] = useState<ReturnType<typeof validateTraining>>({});
  const saving = useSaving();
  const msg = (e?: FieldError) => (e ? t(e.key, e.values) : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateTraining({ title, completedOn });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    saving.run(onSave({ title: title.trim(), completedOn }), () => {
      if (onClose) return onClose();
      setTitle('');
      setCompletedOn('');
    });
  };
  return (
    <form className="stack-tight record-form" aria-labelledby={headingId} noValidate onSubmit={submit}>
      <h3 id={headingId}>{t(initial ? 'records.edit_training_heading' : 'records.add_training_heading')}</h3>
      <TextField
        name="title"
        label={t('records.training_title_label')}
        maxLength={200}
        value={title}
        error={msg(errors.title)}
        onChange={(e) => setTitle(e.target.value)}
      />
      <TextField
        name="completedOn"
        type="date"
        label={t('records.training_completed_label')}
        value={completedOn}
        error={msg(errors.completedOn)}
        onChange={(e) => setCompletedOn(e.target.value)}
      />
      <FormButtons
        label={t(initial ? 'records.save_changes' : 'records.add_training_button')}
        pending={saving.pending}
        onClose={onClose}
      />
      {saving.error && <Alert tone="error">{saving.error}</Alert>}
      {saving.saved && <Alert tone="success">{t('records.saved')}</Alert>}
    </form>
  );
}

/**
 * Staff record a check they saw: its kind, the day seen, valid until (never the document); with
 * `initial` they correct one, closing through `onClose` once saved.
 */
export function CheckForm({
  onSave,
  initial,
  onClose,
}: FormProps<{ kind: string; seenOn: string; validUntil: string | null }> & {
  initial?: { kind: string; seenOn: string; validUntil: string | null };
  onClose?: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [kind, setKind] = useState(initial?.kind ?? '');
  const [seenOn, setSeenOn] = useState(initial?.seenOn ?? '');
  const [validUntil, setValidUntil] = useState(initial?.validUntil ?? '');
  const [errors, setErrors] = useState<ReturnType<typeof validateCheck>>({});
  const saving = useSaving();
  const msg = (e?: FieldError) => (e ? t(e.key, e.values) : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateCheck({ kind, seenOn, validUntil });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    saving.run(onSave({ kind: kind.trim(), seenOn, validUntil: validUntil || null }), () => {
      if (onClose) return onClose();
      setKind('');
      setSeenOn('');
      setValidUntil('');
    });
  };
  return (
    <form className="stack-tight record-form" aria-labelledby={headingId} noValidate onSubmit={submit}>
      <h3 id={headingId}>{t(initial ? 'records.edit_check_heading' : 'records.add_check_heading')}</h3>
      <TextField
        name="kind"
        label={t('records.check_kind_label')}
        hint={t('records.check_kind_hint')}
        maxLength={120}
        value={kind}
        error={msg(errors.kind)}
        onChange={(e) => setKind(e.target.value)}
      />
      <TextField
        name="seenOn"
        type="date"
        label={t('records.check_seen_label')}
        value={seenOn}
        error={msg(errors.seenOn)}
        onChange={(e) => setSeenOn(e.target.value)}
      />
      <TextField
        name="validUntil"
        type="date"
        label={t('records.check_valid_label')}
        min={seenOn || undefined}
        value={validUntil}
        error={msg(errors.validUntil)}
        onChange={(e) => setValidUntil(e.target.value)}
      />
      <FormButtons
        label={t(initial ? 'records.save_changes' : 'records.add_check_button')}
        pending={saving.pending}
        onClose={onClose}
      />
      {saving.error && <Alert tone="error">{saving.error}</Alert>}
      {saving.saved && <Alert tone="success">{t('records.saved')}</Alert>}
    </form>
  );
}

/** Staff set the commitment (hours a week, until when) or clear it, clearing asked first by the caller. */
export function CommitmentForm({
  commitment,
  onSave,
  onClear,
}: FormProps<{ hoursPerWeek: number; until: string | null }> & {
  commitment: VolunteerRecord['commitment'];
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [hours, setHours] = useState(commitment ? String(commitment.hoursPerWeek) : '');
  const [until, setUntil] = useState(commitment?.until ?? '');
  const [errors, setErrors] = useState<ReturnType<typeof validateCommitment>>({});
  const saving = useSaving();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateCommitment({ hours });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    saving.run(onSave({ hoursPerWeek: Number(hours), until: until || null }), () => undefined);
  };
  return (
    <form className="stack-tight record-form" aria-labelledby={headingId} noValidate onSubmit={submit}>
      <h3 id={headingId}>
        {t(commitment ? 'records.edit_commitment_heading' : 'records.set_commitment_heading')}
      </h3>
      <TextField
        name="hoursPerWeek"
        type="number"
        inputMode="decimal"
        step={0.5}
        min={0.5}
        max={60}
        label={t('records.commitment_hours_label')}
        value={hours}
        error={errors.hours ? t(errors.hours.key) : undefined}
        onChange={(e) => setHours(e.target.value)}
      />
      <TextField
        name="until"
        type="date"
        label={t('records.commitment_until_label')}
        hint={t('records.commitment_until_hint')}
        value={until}
        onChange={(e) => setUntil(e.target.value)}
      />
      <div className="actions">
        <Button type="submit" variant="secondary" pending={saving.pending}>
          {t('records.commitment_save')}
        </Button>
        {commitment && (
          <Button variant="quiet" onClick={onClear}>
            {t('records.commitment_clear')}
          </Button>
        )}
      </div>
      {saving.error && <Alert tone="error">{saving.error}</Alert>}
      {saving.saved && <Alert tone="success">{t('records.saved')}</Alert>}
    </form>
  );
}
