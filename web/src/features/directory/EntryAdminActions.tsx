import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { DirectoryEntry } from '../../../../common/contracts/directory.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { deleteEntry, directoryKeys } from './api.ts';

/** For platform admins on a directory-only entry: edit it, or delete it after a confirmation. */
export function EntryAdminActions({ entry }: { entry: DirectoryEntry }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => deleteEntry(entry.id),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: directoryKeys.entry(entry.id) });
      void queryClient.invalidateQueries({ queryKey: directoryKeys.all });
      navigate('/directory');
    },
  });
  return (
    <div className="actions">
      <Link className="button button-secondary" to={`/directory/${encodeURIComponent(entry.id)}/edit`}>
        {t('public_directory.edit_entry')}
      </Link>
      <Button variant="danger" onClick={() => setConfirming(true)}>
        {t('public_directory.delete_entry')}
      </Button>
      <ConfirmDialog
        open={confirming}
        message={t('public_directory.delete_confirm', { name: entry.name })}
        confirmLabel={t('public_directory.delete_entry')}
        pending={remove.isPending}
        onConfirm={() => remove.mutate()}
        onCancel={() => {
          setConfirming(false);
          remove.reset();
        }}
      >
        {remove.isError && <Alert tone="error">{remove.error.message}</Alert>}
      </ConfirmDialog>
    </div>
  );
}
