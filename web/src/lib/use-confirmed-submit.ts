import { type FormEvent, type RefObject, useRef, useState } from 'react';

interface ConfirmableForm {
  formRef: RefObject<HTMLFormElement | null>;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  isPending: boolean;
}

/**
 * Asks before a form is sent: the first submit (button or Enter) opens a confirmation, and only
 * confirming sends the form, through the form's own submit so its checks still run.
 */
export function useConfirmedSubmit(form: ConfirmableForm) {
  const [confirming, setConfirming] = useState(false);
  const confirmed = useRef(false);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (confirmed.current) {
      confirmed.current = false;
      form.onSubmit(event);
    } else {
      event.preventDefault();
      setConfirming(true);
    }
  }

  return {
    onSubmit,
    /** Closes the confirmation, e.g. once the form was sent. */
    close: () => setConfirming(false),
    /** Props for the ConfirmDialog that asks. */
    dialog: {
      open: confirming,
      pending: form.isPending,
      onConfirm: () => {
        setConfirming(false);
        confirmed.current = true;
        form.formRef.current?.requestSubmit();
      },
      onCancel: () => setConfirming(false),
    },
  };
}
