import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordDepartureBody, VolunteerRecord } from '../../../../common/contracts/volunteer-records.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/Field.tsx';
import { UserText } from '../../components/UserText.tsx';
import { formatDay } from '../help/labels.ts';

/** Someone a departing member's mentee codes and help requests may go to. */
export interface Receiver {
  userId: string;
  displayName: string;
}

/** User-written text (names, codes) keeps its own direction inside a sentence (Unicode isolates). */
const isolate = (text: string) => `\u2068${text}\u2069`;

type Action = { kind: 'leave'; until: string } | { kind: 'return' } | { kind: 'depart' } | null;

interface StatusSectionProps {
  record: VolunteerRecord;
  /** Active members other than this one, for the handover. */
  receivers: Receiver[];
  pending: boolean;
  error: string | null;
  /** Each action resolves once saved (the dialog then closes) and rejects when refused (it stays, with the error). */
  onLeave: (until: string) => Promise<unknown>;
  onReturn: () => Promise<unknown>;
  onDepart: (body: RecordDepartureBody) => Promise<unknown>;
  /** Today as YYYY-MM-DD (the earliest leave end). */
  today: string;
}

/**
 * A volunteer's status with the staff's actions, each confirmed first: on leave until a day, back
 * from leave (one action), or left with the handover form (who takes over which mentee code and
 * open help request, and a note for their buddies).
 */
export function StatusSection(props: StatusSectionProps) {
  const { record, receivers, pending, error, today } = props;
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const [action, setAction] = useState<Action>(null);
  const [until, setUntil] = useState('');
  const [handover, setHandover] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const name = isolate(record.displayName);
  const day = (d: string) => formatDay(d, i18n.language);
  const status = record.status;
  const nameOf = (id: string) => {
    const found = receivers.find((r) => r.userId === id);
    return found ? isolate(found.displayName) : t('audit.someone');
  };
  const options = [{ value: '', label: t('records.nobody') }].concat(
    receivers.map((r) => ({ value: r.userId, label: r.displayName })),
  );
  const handoverBody = (): RecordDepartureBody => {
    const picked = (key: string) => handover[key] ?? '';
    const codes = record.handoverOptions?.menteeCodes ?? [];
    const requests = record.handoverOptions?.helpRequests ?? [];
    return {
      menteeCodes: codes
        .filter((c) => picked(`code:${c}`))
        .map((c) => ({ code: c, toUserId: picked(`code:${c}`) })),
      helpRequests: requests
        .filter((r) => picked(`help:${r.id}`))
        .map((r) => ({ id: r.id, toUserId: picked(`help:${r.id}`) })),
      note: note.trim(),
    };
  };
  const confirm = () => {
    const saving =
      action?.kind === 'leave'
        ? props.onLeave(action.until)
        : action?.kind === 'return'
          ? props.onReturn()
          : action?.kind === 'depart'
            ? props.onDepart(handoverBody())
            : null;
    saving?.then(
      () => setAction(null),
      () => undefined,
    );
  };

  return (
    <section className="stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('records.status_heading')}</h2>
      <p>
        {status.state === 'active' && <span className="badge badge-ok">{t('records.state_active')}</span>}
        {status.state === 'on_leave' && status.leaveUntil && (
          <span className="badge badge-warn">
            {t('records.state_on_leave', { date: day(status.leaveUntil) })}
          </span>
        )}
        {status.state === 'left' && status.leftOn && (
          <span className="badge">{t('records.state_left', { date: day(status.leftOn) })}</span>
        )}
      </p>
      {status.state === 'left' && (
        <div className="stack-tight">
          {status.purgeOn && (
            <p className="muted small">{t('records.purge_on', { date: day(status.purgeOn) })}</p>
          )}
          {status.handover &&
            (status.handover.menteeCodes.length > 0 || status.handover.helpRequests.length > 0) && (
              <ul className="stack-tight">
                {status.handover.menteeCodes.map((c) => (
                  <li key={c.code}>
                    {t('records.handover_code_line', { code: isolate(c.code), name: nameOf(c.toUserId) })}
                  </li>
                ))}
                {status.handover.helpRequests.map((h) => (
                  <li key={h.id}>{t('records.handover_request_line', { name: nameOf(h.toUserId) })}</li>
                ))}
              </ul>
            )}
          {status.handover?.note && (
            <p className="muted small">
              <UserText>{status.handover.note}</UserText>
            </p>
          )}
        </div>
      )}
      {record.canManage && status.state === 'active' && (
        <form
          className="stack-tight"
          onSubmit={(e) => {
            e.preventDefault();
            if (until) setAction({ kind: 'leave', until });
          }}
        >
          <TextField
            name="until"
            type="date"
            label={t('records.leave_label')}
            min={today}
            required
            value={until}
            onChange={(e) => setUntil(e.target.value)}
          />
          <div className="actions">
            <Button type="submit" variant="secondary">
              {t('records.leave_button')}
            </Button>
            <Button variant="danger" onClick={() => setAction({ kind: 'depart' })}>
              {t('records.depart_button')}
            </Button>
          </div>
        </form>
      )}
      {record.canManage && status.state === 'on_leave' && (
        <div>
          <Button variant="secondary" onClick={() => setAction({ kind: 'return' })}>
            {t('records.return_button')}
          </Button>
        </div>
      )}
      {error && action === null && <Alert tone="error">{error}</Alert>}
      {record.canManage && status.state !== 'left' && (
        <ConfirmDialog
          open={action !== null}
          tone={action?.kind === 'depart' ? 'danger' : 'primary'}
          message={
            action?.kind === 'leave'
              ? t('records.leave_confirm', { name, date: day(action.until) })
              : action?.kind === 'return'
                ? t('records.return_confirm', { name })
                : action?.kind === 'depart'
                  ? t('records.depart_confirm', { name })
                  : ''
          }
          confirmLabel={
            action?.kind === 'leave'
              ? t('records.leave_button')
              : action?.kind === 'return'
                ? t('records.return_button')
                : t('records.depart_confirm_button')
          }
          pending={pending}
          onConfirm={confirm}
          onCancel={() => setAction(null)}
        >
          {action?.kind === 'depart' && (
            <HandoverFields
              record={record}
              options={options}
              handover={handover}
              onPick={(key, value) => setHandover((h) => ({ ...h, [key]: value }))}
              note={note}
              onNote={setNote}
            />
          )}
          {error && <Alert tone="error">{error}</Alert>}
        </ConfirmDialog>
      )}
    </section>
  );
}

interface HandoverFieldsProps {
  record: VolunteerRecord;
  options: { value: string; label: string }[];
  handover: Record<string, string>;
  onPick: (key: string, userId: string) => void;
  note: string;
  onNote: (note: string) => void;
}

/** The handover form: a receiver for each mentee code and open help request, and the note. */
export function HandoverFields({ record, options, handover, onPick, note, onNote }: HandoverFieldsProps) {
  const { t } = useTranslation();
  const codes = record.handoverOptions?.menteeCodes ?? [];
  const requests = record.handoverOptions?.helpRequests ?? [];
  return (
    <div className="dialog-body stack-tight handover-fields">
      <h3>{t('records.handover_heading')}</h3>
      {codes.length + requests.length === 0 ? (
        <p className="muted small">{t('records.nothing_to_hand_over')}</p>
      ) : (
        <p className="muted small">{t('records.handover_intro')}</p>
      )}
      {codes.map((code) => (
        <SelectField
          key={`code:${code}`}
          name={`code:${code}`}
          label={t('records.mentee_code', { code: isolate(code) })}
          options={options}
          value={handover[`code:${code}`] ?? ''}
          onChange={(e) => onPick(`code:${code}`, e.target.value)}
        />
      ))}
      {requests.map((r) => (
        <SelectField
          key={`help:${r.id}`}
          name={`help:${r.id}`}
          label={t('records.help_request', { title: isolate(r.title) })}
          options={options}
          value={handover[`help:${r.id}`] ?? ''}
          onChange={(e) => onPick(`help:${r.id}`, e.target.value)}
        />
      ))}
      <TextAreaField
        name="note"
        label={t('records.note_label')}
        hint={t('records.note_hint')}
        value={note}
        onChange={(e) => onNote(e.target.value)}
        maxLength={1000}
        rows={3}
      />
    </div>
  );
}
