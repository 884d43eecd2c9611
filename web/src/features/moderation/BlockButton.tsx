import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { setBlocked, useBlocks } from './api.ts';

/** Block or unblock a person from their profile; blocking asks first. */
export function BlockButton({ userId, name }: { userId: string; name: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data } = useBlocks();
  const [confirming, setConfirming] = useState(false);
  const blocked = data?.blocks.some((b) => b.id === userId) ?? false;
  const change = useMutation({
    mutationFn: (next: boolean) => setBlocked(queryClient, userId, next),
    onSuccess: () => setConfirming(false),
  });
  return (
    <>
      <Button
        variant="secondary"
        pending={change.isPending && !confirming}
        onClick={() => (blocked ? change.mutate(false) : setConfirming(true))}
      >
        {blocked ? t('moderation.unblock') : t('moderation.block')}
      </Button>
      {change.isError && <Alert tone="error">{change.error.message}</Alert>}
      <ConfirmDialog
        open={confirming}
        message={t('moderation.block_confirm', { name })}
        confirmLabel={t('moderation.block')}
        pending={change.isPending}
        onConfirm={() => change.mutate(true)}
        onCancel={() => setConfirming(false)}
      />
    </>
  );
}
