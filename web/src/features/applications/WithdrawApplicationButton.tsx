import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { applicationKeys, type MyApplication, withdrawApplication } from './api.ts';

/** "Withdraw application" on the applicant's own pending application, after confirming. */
export function WithdrawApplicationButton({
  application,
  onWithdrawn,
}: {
  application: MyApplication;
  onWithdrawn: (network: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const network = application.network.name;
  const withdraw = useMutation({
    mutationFn: () => withdrawApplication(application.id),
    onSuccess: () => {
      queryClient.setQueryData<{ applications: MyApplication[] }>(applicationKeys.mine, (data) =>
        data
          ? {
              applications: data.applications.map((a) =>
                a.id === application.id ? { ...a, status: 'withdrawn' as const } : a,
              ),
            }
          : data,
      );
      setConfirming(false);
      onWithdrawn(network);
      void queryClient.invalidateQueries({ queryKey: applicationKeys.mine });
    },
    // Decided meanwhile (or gone): show the answer and the application's real state.
    onError: () => void queryClient.invalidateQueries({ queryKey: applicationKeys.mine }),
  });
  return (
    <>
      <Button
        variant="secondary"
        aria-label={t('applications.withdraw_named', { network })}
        onClick={() => {
          withdraw.reset();
          setConfirming(true);
        }}
      >
        {t('applications.withdraw')}
      </Button>
      <ConfirmDialog
        open={confirming}
        message={t('applications.withdraw_confirm', { network })}
        confirmLabel={t('applications.withdraw')}
        pending={withdraw.isPending}
        onConfirm={() => withdraw.mutate()}
        onCancel={() => setConfirming(false)}
      >
        {withdraw.isError && <Alert tone="error">{withdraw.error.message}</Alert>}
      </ConfirmDialog>
    </>
  );
}
