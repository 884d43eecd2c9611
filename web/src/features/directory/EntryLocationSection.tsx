import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryEntry, GeocodeResult } from '../../../../common/contracts/directory.ts';
import { parseCoordinate, parseCoordinatePair } from '../../../../common/directory.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { directoryKeys, geocodeAddress, saveEntryLocation, useMapSettings } from './api.ts';

// The map loads only when the admin asks to pick on it.
const PickMap = lazy(() => import('./map/PickMap.tsx'));

const asText = (value: number | null) => (value === null ? '' : String(value));

/**
 * For platform admins on a directory-only entry: its location, typed as coordinates, picked on a
 * map, or looked up from an address when the platform has a geocoder.
 */
export function EntryLocationSection({ entry }: { entry: DirectoryEntry }) {
  const { t } = useTranslation();
  const headingId = useId();
  const queryClient = useQueryClient();
  const [latitude, setLatitude] = useState(asText(entry.latitude));
  const [longitude, setLongitude] = useState(asText(entry.longitude));
  const [address, setAddress] = useState(entry.address || entry.city);
  const [picking, setPicking] = useState(false);
  const [errors, setErrors] = useState<{ latitude?: string; longitude?: string }>({});
  const settings = useMapSettings();

  const lat = parseCoordinate(latitude, 90);
  const lng = parseCoordinate(longitude, 180);

  const save = useMutation({
    mutationFn: (values: { latitude: number | null; longitude: number | null }) =>
      saveEntryLocation(entry.id, values.latitude, values.longitude),
    onSuccess: (saved) => {
      queryClient.setQueryData(directoryKeys.entry(entry.id), saved);
      void queryClient.invalidateQueries({ queryKey: directoryKeys.all });
    },
  });
  const lookup = useMutation<GeocodeResult, Error, string>({ mutationFn: geocodeAddress });

  function place(newLatitude: number, newLongitude: number) {
    setLatitude(String(newLatitude));
    setLongitude(String(newLongitude));
    setErrors({});
    save.reset();
  }

  function typeLatitude(value: string) {
    // Both coordinates pasted into the first field, as maps copy them.
    const pair = parseCoordinatePair(value);
    if (pair) return place(pair.latitude, pair.longitude);
    setLatitude(value);
    save.reset();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: typeof errors = {};
    if (lat === 'invalid') next.latitude = t('public_directory.latitude_invalid');
    if (lng === 'invalid') next.longitude = t('public_directory.longitude_invalid');
    if (!next.latitude && !next.longitude && (lat === null) !== (lng === null)) {
      next[lat === null ? 'latitude' : 'longitude'] = t('public_directory.location_both');
    }
    setErrors(next);
    if (next.latitude || next.longitude) return;
    save.mutate({ latitude: lat as number | null, longitude: lng as number | null });
  }

  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('public_directory.location_title')}</h2>
      <p className="muted">{t('public_directory.location_hint')}</p>
      <form className="stack" noValidate onSubmit={submit}>
        <div className="filters">
          <TextField
            name="latitude"
            label={t('public_directory.latitude')}
            inputMode="decimal"
            dir="ltr"
            value={latitude}
            error={errors.latitude}
            onChange={(e) => typeLatitude(e.target.value)}
            maxLength={40}
          />
          <TextField
            name="longitude"
            label={t('public_directory.longitude')}
            inputMode="decimal"
            dir="ltr"
            value={longitude}
            error={errors.longitude}
            onChange={(e) => {
              setLongitude(e.target.value);
              save.reset();
            }}
            maxLength={20}
          />
        </div>
        <div className="actions">
          <Button type="submit" pending={save.isPending}>
            {t('public_directory.location_save')}
          </Button>
          <Button variant="secondary" aria-expanded={picking} onClick={() => setPicking(!picking)}>
            {t('public_directory.pick_on_map')}
          </Button>
        </div>
        {save.isSuccess && <p role="status">{t('public_directory.location_saved')}</p>}
        {save.isError && <Alert tone="error">{save.error.message}</Alert>}
      </form>

      {picking && (
        <div className="stack">
          <p className="muted">{t('public_directory.pick_hint')}</p>
          {settings.data ? (
            <section aria-label={t('public_directory.pick_map_label')}>
              <Suspense fallback={<Loading />}>
                <PickMap
                  latitude={typeof lat === 'number' ? lat : null}
                  longitude={typeof lng === 'number' ? lng : null}
                  name={entry.name}
                  settings={settings.data}
                  onPick={place}
                />
              </Suspense>
            </section>
          ) : (
            <Loading />
          )}
        </div>
      )}

      {settings.data?.geocoding && (
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            if (address.trim().length >= 3) lookup.mutate(address.trim());
          }}
        >
          <TextField
            name="address"
            label={t('public_directory.find_address_label')}
            value={address}
            onChange={(e) => setAddress(e.target.value)}
            maxLength={300}
          />
          <div className="actions">
            <Button type="submit" variant="secondary" pending={lookup.isPending}>
              {t('public_directory.find_address')}
            </Button>
          </div>
          {lookup.isError && <Alert tone="error">{lookup.error.message}</Alert>}
          {lookup.data?.places.length === 0 && <p role="status">{t('public_directory.find_address_none')}</p>}
          {lookup.data && lookup.data.places.length > 0 && (
            <ul className="stack" aria-label={t('public_directory.find_address_results')}>
              {lookup.data.places.map((p) => (
                <li key={`${p.latitude},${p.longitude}`}>
                  <Button variant="quiet" onClick={() => place(p.latitude, p.longitude)}>
                    <bdi>{p.label}</bdi>
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </form>
      )}
    </section>
  );
}
