import { useMutation } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type KeyboardEvent, lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GeocodeResult } from '../../../../common/contracts/directory.ts';
import { parseCoordinate, parseCoordinatePair } from '../../../../common/directory.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useMapSettings } from './api.ts';

// The map loads only when someone asks to pick on it.
const PickMap = lazy(() => import('./map/PickMap.tsx'));

export interface TypedLocation {
  latitude: string;
  longitude: string;
}

export type LocationErrors = Partial<Record<keyof TypedLocation, string>>;

export const locationText = (value: number | null) => (value === null ? '' : String(value));

/**
 * Reads typed coordinates as the server will: both numbers in range, or both empty. Gives the
 * coordinates to send, or an error per field in the reader's language.
 */
export function checkLocation(
  t: TFunction,
  typed: TypedLocation,
): { location: { latitude: number | null; longitude: number | null } } | { errors: LocationErrors } {
  const latitude = parseCoordinate(typed.latitude, 90);
  const longitude = parseCoordinate(typed.longitude, 180);
  const errors: LocationErrors = {};
  if (latitude === 'invalid') errors.latitude = t('public_directory.latitude_invalid');
  if (longitude === 'invalid') errors.longitude = t('public_directory.longitude_invalid');
  if (!errors.latitude && !errors.longitude && (latitude === null) !== (longitude === null))
    errors[latitude === null ? 'latitude' : 'longitude'] = t('public_directory.location_both');
  if (errors.latitude || errors.longitude) return { errors };
  return { location: { latitude: latitude as number | null, longitude: longitude as number | null } };
}

interface LocationFieldsProps {
  value: TypedLocation;
  onChange: (value: TypedLocation) => void;
  errors?: LocationErrors;
  /** The place's name, for the pin on the map. */
  name: string;
  /** What the address lookup starts with (the address or city already known). */
  initialAddress: string;
  /** The address lookup the person may use (the platform's, or their organisation's). */
  geocode: (address: string) => Promise<GeocodeResult>;
}

/**
 * A location, typed as coordinates (both may be pasted into the first field), picked on a map, or
 * looked up from an address when the platform has a geocoder. The coordinates are inputs named
 * `latitude` and `longitude`, so the form around them sends them. No form of its own: it sits in
 * the form that saves it.
 */
export function LocationFields({
  value,
  onChange,
  errors = {},
  name,
  initialAddress,
  geocode,
}: LocationFieldsProps) {
  const { t } = useTranslation();
  const [address, setAddress] = useState(initialAddress);
  const [picking, setPicking] = useState(false);
  const settings = useMapSettings();
  const lookup = useMutation<GeocodeResult, Error, string>({ mutationFn: geocode });
  const latitude = parseCoordinate(value.latitude, 90);
  const longitude = parseCoordinate(value.longitude, 180);

  const place = (lat: number, lng: number) => onChange({ latitude: String(lat), longitude: String(lng) });

  function typeLatitude(text: string) {
    // Both coordinates pasted into the first field, as maps copy them.
    const pair = parseCoordinatePair(text);
    if (pair) place(pair.latitude, pair.longitude);
    else onChange({ ...value, latitude: text });
  }

  function find() {
    if (address.trim().length >= 3) lookup.mutate(address.trim());
  }
  // Enter in the address looks it up instead of sending the form around it.
  function onAddressKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    find();
  }

  return (
    <div className="stack">
      <div className="filters">
        <TextField
          name="latitude"
          label={t('public_directory.latitude')}
          inputMode="decimal"
          dir="ltr"
          value={value.latitude}
          error={errors.latitude}
          onChange={(e) => typeLatitude(e.target.value)}
          maxLength={40}
        />
        <TextField
          name="longitude"
          label={t('public_directory.longitude')}
          inputMode="decimal"
          dir="ltr"
          value={value.longitude}
          error={errors.longitude}
          onChange={(e) => onChange({ ...value, longitude: e.target.value })}
          maxLength={20}
        />
      </div>
      <div className="actions">
        <Button variant="secondary" aria-expanded={picking} onClick={() => setPicking(!picking)}>
          {t('public_directory.pick_on_map')}
        </Button>
        {(value.latitude || value.longitude) && (
          <Button variant="quiet" onClick={() => onChange({ latitude: '', longitude: '' })}>
            {t('public_directory.location_clear')}
          </Button>
        )}
      </div>

      {picking && (
        <div className="stack">
          <p className="muted">{t('public_directory.pick_hint')}</p>
          {settings.data ? (
            <section aria-label={t('public_directory.pick_map_label')}>
              <Suspense fallback={<Loading />}>
                <PickMap
                  latitude={typeof latitude === 'number' ? latitude : null}
                  longitude={typeof longitude === 'number' ? longitude : null}
                  name={name}
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
        <div className="stack">
          <TextField
            name="lookup"
            label={t('public_directory.find_address_label')}
            value={address}
            onChange={(e) => setAddress(e.target.value)}
            onKeyDown={onAddressKey}
            maxLength={300}
          />
          <div className="actions">
            <Button variant="secondary" pending={lookup.isPending} onClick={find}>
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
        </div>
      )}
    </div>
  );
}
