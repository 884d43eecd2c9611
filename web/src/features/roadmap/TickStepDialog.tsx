import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Roadmap, RoadmapStep } from '../../../../common/contracts/roadmap.ts';
import { Alert } from '../../components/Alert.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { TextAreaField, TextField } from '../../components/Field.tsx';
import { today } from '../mooc/calendar-day.ts';
import { tickStep } from './api.ts';

interface TickStepDialogProps {
  slug: string;
  /** The manual step to tick; null keeps the dialog closed. */
  step: RoadmapStep | null;
  onDone: (roadmap: Roadmap) => void;
  onClose: () => void;
}

/** Asks for the day a manual step was done (not in the future) and an optional note. */
export function TickStepDialog({ slug, step, onDone, onClose }: TickStepDialogProps) {
  const { t } = useTranslation();
  const [doneOn, setDoneOn] = useState(today());
  const [note, setNote] = useState('');
  const tick = useMutation({
    mutationFn: () => tickStep(slug, step?.id ?? 'kickoff_meeting_held', { doneOn, note }),
    onSuccess: (data) => {
      onDone(data);
      onClose();
    },
  });
  const stepId = step?.id;
  const resetTick = tick.reset;
  useEffect(() => {
    if (stepId) {
      setDoneOn(today());
      setNote('');
      resetTick();
    }
  }, [stepId, resetTick]);

  return (
    <ConfirmDialog
      open={step !== null}
      tone="primary"
      message={t('roadmap.tick_title', { step: step?.title ?? '' })}
      confirmLabel={t('roadmap.tick_confirm')}
      pending={tick.isPending}
      onConfirm={() => tick.mutate()}
      onCancel={onClose}
    >
      <div className="dialog-body stack">
        <TextField
          name="doneOn"
          type="date"
          label={t('roadmap.done_on')}
          value={doneOn}
          max={today()}
          onChange={(e) => setDoneOn(e.target.value)}
        />
        <TextAreaField
          name="note"
          label={t('roadmap.note')}
          hint={t('roadmap.note_hint')}
          value={note}
          maxLength={1000}
          rows={3}
          onChange={(e) => setNote(e.target.value)}
        />
        {tick.isError && <Alert tone="error">{tick.error.message}</Alert>}
      </div>
    </ConfirmDialog>
  );
}
