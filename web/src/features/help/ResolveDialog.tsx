import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HelpPerson, HelpRequest } from '../../../../common/contracts/help-requests.ts';
import { HELP_THANKS_MAX } from '../../../../common/help-requests.ts';
import { Alert } from '../../components/Alert.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { TextAreaField } from '../../components/Field.tsx';

/** Those who may be thanked: everyone who answered or offered, but the requester, each once. */
export function helpersOf(request: Pick<HelpRequest, 'responses' | 'offers' | 'requester'>): HelpPerson[] {
  const seen = new Map<string, HelpPerson>();
  for (const r of request.responses) if (r.author) seen.set(r.author.id, r.author);
  for (const o of request.offers) seen.set(o.helper.id, o.helper);
  if (request.requester) seen.delete(request.requester.id);
  return [...seen.values()];
}

/**
 * "Mark as resolved": a modal dialog (focus kept inside, Escape cancels) with a checkbox for each
 * helper to thank — all ticked at first — and an optional short note that they are sent.
 */
export function ResolveDialog({
  open,
  request,
  pending,
  error,
  onResolve,
  onCancel,
}: {
  open: boolean;
  request: HelpRequest;
  pending: boolean;
  error: Error | null;
  onResolve: (thank: string[], thanksNote: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const helpers = helpersOf(request);
  const [unticked, setUnticked] = useState<Set<string>>(new Set());
  const [note, setNote] = useState('');
  const legendId = useId();
  const thank = helpers.filter((h) => !unticked.has(h.id)).map((h) => h.id);
  const toggle = (id: string, on: boolean) =>
    setUnticked((current) => {
      const next = new Set(current);
      if (on) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <ConfirmDialog
      open={open}
      tone="primary"
      message={t('help.resolve.question')}
      confirmLabel={t('help.resolve.confirm')}
      pending={pending}
      onConfirm={() => onResolve(thank, note.trim())}
      onCancel={onCancel}
    >
      {helpers.length > 0 ? (
        <>
          <fieldset className="field choice-group" aria-describedby={`${legendId}-hint`}>
            <legend>{t('help.resolve.thank_legend')}</legend>
            <p id={`${legendId}-hint`} className="field-hint">
              {t('help.resolve.thank_hint')}
            </p>
            <div className="choices">
              {helpers.map((h) => (
                <label key={h.id} className="choice">
                  <input
                    type="checkbox"
                    name="thank"
                    value={h.id}
                    checked={!unticked.has(h.id)}
                    onChange={(e) => toggle(h.id, e.target.checked)}
                  />
                  <bdi>{h.displayName}</bdi>
                </label>
              ))}
            </div>
          </fieldset>
          <TextAreaField
            name="thanksNote"
            label={t('help.resolve.note')}
            hint={t('help.resolve.note_hint')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={HELP_THANKS_MAX}
            rows={3}
            dir="auto"
          />
        </>
      ) : (
        <p className="muted small">{t('help.resolve.nobody')}</p>
      )}
      {error && <Alert tone="error">{error.message}</Alert>}
    </ConfirmDialog>
  );
}
