import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Event } from '../../../../common/contracts/events.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { TextField } from '../../components/Field.tsx';
import { cancelEvent, eventKeys } from './api.ts';

/**
 * Organisers: call off the whole event or series, with an optional reason that those who answered
 * read. It stays listed as cancelled, and calendar feeds mark it so, rather than vanish.
 */
export function CancelEventButton({ slug, event }: { slug: string; event: Event }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const cancel = useMutation({
    mutationFn: () => cancelEvent(slug, event.id, reason),
    onSuccess: (updated) => {
      setAsking(false);
      queryClient.setQueryData(eventKeys.event(slug, event.id), updated);
      void queryClient.invalidateQueries({ queryKey: eventKeys.all(slug) });
    },
  });
  return (
    <>
      <p>
        <Button variant="danger" onClick={() => setAsking(true)}>
          {t('events.cancel_event')}
        </Button>
      </p>
      <ConfirmDialog
        open={asking}
        message={t('events.cancel_event_confirm', { title: `\u2068${event.title}\u2069` })}
        confirmLabel={t('events.cancel_event')}
        pending={cancel.isPending}
        onConfirm={() => cancel.mutate()}
        onCancel={() => {
          setAsking(false);
          if (cancel.isError) cancel.reset();
        }}
      >
        <TextField
          name="cancelReason"
          label={t('events.cancel_reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
          dir="auto"
        />
        {cancel.isError && <Alert tone="error">{cancel.error.message}</Alert>}
      </ConfirmDialog>
    </>
  );
}
