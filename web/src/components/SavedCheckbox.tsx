import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert } from './Alert.tsx';

interface SavedCheckboxProps {
  /** The value as saved on the server. */
  checked: boolean;
  label: string;
  save: UseMutationResult<unknown, Error, boolean>;
}

/**
 * A setting that saves as soon as it is ticked. The new value shows at once (set in the
 * same event, so the box never flips back while the request starts) and stays until the
 * save settles; an error is shown under it and the saved value comes back.
 */
export function SavedCheckbox({ checked, label, save }: SavedCheckboxProps) {
  const [saving, setSaving] = useState<boolean | null>(null);
  return (
    <>
      <label className="choice">
        <input
          type="checkbox"
          checked={saving ?? checked}
          disabled={saving !== null}
          onChange={(e) => {
            const value = e.target.checked;
            setSaving(value);
            save.mutate(value, { onSettled: () => setSaving(null) });
          }}
        />
        <span>{label}</span>
      </label>
      {save.isError && <Alert tone="error">{save.error.message}</Alert>}
    </>
  );
}
