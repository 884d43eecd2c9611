import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BUDDY_NOTE_MAX } from '../../../../common/buddies.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { TextAreaField } from '../../components/Field.tsx';
import { buddyKeys, createBuddyPair } from './api.ts';

/** Keeps a name's own direction inside a translated sentence (the plain-text twin of <bdi>). */
const isolate = (text: string) => `\u2068${text}\u2069`;

/**
 * A beginner asks one experienced mentor, by name, to be their buddy: confirmed first (with an
 * optional note for them), then the answer of the request is shown. The caller shows it only where
 * policies/buddies.ts (canAskAsBuddy) allows.
 */
export function AskBuddyButton({
  slug,
  mentor,
  onAsked,
}: {
  slug: string;
  mentor: { id: string; displayName: string };
  onAsked?: (mentorName: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const name = isolate(mentor.displayName);
  const ask = useMutation({
    mutationFn: () => createBuddyPair(slug, { mentorId: mentor.id, note }),
    onSuccess: () => {
      setOpen(false);
      void queryClient.invalidateQueries({ queryKey: buddyKeys.all(slug) });
      onAsked?.(mentor.displayName);
    },
  });
  return (
    <>
      {ask.isSuccess ? (
        <Alert tone="success">{t('buddies.ask_named.sent', { name })}</Alert>
      ) : (
        <Button
          variant="secondary"
          onClick={() => {
            ask.reset();
            setOpen(true);
          }}
          aria-label={t('buddies.ask_named.ask_name', { name })}
        >
          {t('buddies.ask_named.ask')}
        </Button>
      )}
      <ConfirmDialog
        open={open}
        tone="primary"
        message={t('buddies.ask_named.confirm', { name })}
        confirmLabel={t('buddies.ask_named.confirm_button')}
        pending={ask.isPending}
        onConfirm={() => ask.mutate()}
        onCancel={() => setOpen(false)}
      >
        <TextAreaField
          value={note}
          onChange={(e) => setNote(e.target.value)}
          name="note"
          label={t('buddies.ask_named.note')}
          maxLength={BUDDY_NOTE_MAX}
          rows={3}
          dir="auto"
        />
        {ask.isError && <Alert tone="error">{ask.error.message}</Alert>}
      </ConfirmDialog>
    </>
  );
}
