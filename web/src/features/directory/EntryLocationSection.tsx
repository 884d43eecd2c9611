import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryEntry } from '../../../../common/contracts/directory.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { directoryKeys, geocodeAddress, saveEntryLocation } from './api.ts';
import { checkLocation, type LocationErrors, LocationFields, locationText } from './LocationFields.tsx';

/**
 * For platform admins on a directory-only entry: its location alone, typed as coordinates, picked
 * on a map, or looked up from an address when the platform has a geocoder.
 */
export function EntryLocationSection({ entry }: { entry: DirectoryEntry }) {
  const { t } = useTranslation();
  const headingId = useId();
  const queryClient = useQueryClient();
  const [typed, setTyped] = useState({
    latitude: locationText(entry.latitude),
    longitude: locationText(entry.longitude),
  });
  const [errors, setErrors] = useState<LocationErrors>({});

  const save = useMutation({
    mutationFn: (values: { latitude: number | null; longitude: number | null }) =>
      saveEntryLocation(entry.id, values.latitude, values.longitude),
    onSuccess: (saved) => {
      queryClient.setQueryData(directoryKeys.entry(entry.id), saved);
      void queryClient.invalidateQueries({ queryKey: directoryKeys.all });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkLocation(t, typed);
    setErrors('errors' in checked ? checked.errors : {});
    if ('location' in checked) save.mutate(checked.location);
  }

  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('public_directory.location_title')}</h2>
      <p className="muted">{t('public_directory.location_hint')}</p>
      <form className="stack" noValidate onSubmit={submit}>
        <LocationFields
          value={typed}
          onChange={(next) => {
            setTyped(next);
            setErrors({});
            save.reset();
          }}
          errors={errors}
          name={entry.name}
          initialAddress={entry.address || entry.city}
          geocode={geocodeAddress}
        />
        <div className="actions">
          <Button type="submit" pending={save.isPending}>
            {t('public_directory.location_save')}
          </Button>
        </div>
        {save.isSuccess && <p role="status">{t('public_directory.location_saved')}</p>}
        {save.isError && <Alert tone="error">{save.error.message}</Alert>}
      </form>
    </section>
  );
}
