import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { networkKeys } from '../networks/api.ts';
import { leaveNetwork } from './api.ts';

/** Leaving a network (after confirming): everything of it leaves this tab's cache too. */
export function LeaveButton({ slug, name }: { slug: string; name: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const errorId = useId();
  const leave = useMutation({
    mutationFn: () => leaveNetwork(slug),
    onSuccess: () => {
      setOpen(false);
      queryClient.removeQueries({ queryKey: networkKeys.detail(slug) });
      void queryClient.invalidateQueries({ queryKey: networkKeys.mine });
      navigate('/home', { state: { left: name } });
    },
  });
  return (
    <div>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t('networks.leave')}
      </Button>
      <ConfirmDialog
        open={open}
        message={t('networks.leave_confirm', { network: name })}
        confirmLabel={t('networks.leave')}
        pending={leave.isPending}
        onConfirm={() => leave.mutate()}
        onCancel={() => {
          setOpen(false);
          leave.reset();
        }}
      >
        {leave.isError && (
          <div id={errorId}>
            <Alert tone="error">{leave.error.message}</Alert>
          </div>
        )}
      </ConfirmDialog>
    </div>
  );
}
