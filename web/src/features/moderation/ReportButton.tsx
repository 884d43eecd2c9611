import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  REPORT_REASONS,
  REPORT_TEXT_MAX,
  type ReportKind,
  type ReportReason,
} from '../../../../common/moderation.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { SelectField, TextAreaField } from '../../components/Field.tsx';
import { sendReport } from './api.ts';
import { reasonLabel } from './labels.ts';

/**
 * "Report" on a post, topic, message, profile or resource: a modal dialog (keyboard: focus moves
 * into it, Escape closes) with a reason from the list and the reporter's own words.
 */
export function ReportButton({ kind, id }: { kind: ReportKind; id: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<ReportReason>('spam');
  const [text, setText] = useState('');
  const send = useMutation({
    mutationFn: () => sendReport({ kind, id, reason, text }),
    onSuccess: () => {
      setOpen(false);
      setText('');
    },
  });
  return (
    <>
      {send.isSuccess ? (
        <span className="muted small" role="status">
          {t('moderation.report_sent')}
        </span>
      ) : (
        <Button variant="quiet" onClick={() => setOpen(true)}>
          {t('moderation.report')}
        </Button>
      )}
      <ConfirmDialog
        open={open}
        message={t('moderation.report_title')}
        confirmLabel={t('moderation.report_send')}
        pending={send.isPending}
        tone="primary"
        onConfirm={() => send.mutate()}
        onCancel={() => setOpen(false)}
      >
        <SelectField
          name="reason"
          label={t('moderation.reason_label')}
          value={reason}
          onChange={(e) => setReason(e.target.value as ReportReason)}
          options={REPORT_REASONS.map((r) => ({ value: r, label: reasonLabel(t, r) }))}
        />
        <TextAreaField
          name="text"
          label={t('moderation.text_label')}
          hint={t('moderation.text_hint')}
          maxLength={REPORT_TEXT_MAX}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        {send.isError && <Alert tone="error">{send.error.message}</Alert>}
      </ConfirmDialog>
    </>
  );
}
