import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button.tsx';

interface ConfirmDialogProps {
  open: boolean;
  message: string;
  confirmLabel: string;
  pending?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** Extra content between the question and the buttons (a reason field, an error). */
  children?: ReactNode;
  /** The confirming button's look: danger for destructive actions (default), primary otherwise. */
  tone?: 'danger' | 'primary';
}

/** Asks before a destructive action. A native modal <dialog>: focus is trapped, Escape cancels. */
export function ConfirmDialog({
  open,
  message,
  confirmLabel,
  pending,
  onConfirm,
  onCancel,
  children,
  tone = 'danger',
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const messageId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={messageId} onClose={onCancel}>
      <p id={messageId} className="dialog-message">
        {message}
      </p>
      {children}
      <div className="actions">
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button variant={tone} pending={pending} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}
