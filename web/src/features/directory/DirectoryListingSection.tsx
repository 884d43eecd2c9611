import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryListing, DirectoryListingBody } from '../../../../common/contracts/directory.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Link } from 'react-router';
import { toFormErrors } from '../../lib/form-errors.ts';
import { directoryKeys, geocodeForOrganisation, saveListing, useListing } from './api.ts';
import { checkLocation, type LocationErrors, LocationFields, locationText } from './LocationFields.tsx';

/** For an organisation's admins: whether it appears in the public directory, the switch, and where it is. */
export function DirectoryListingSection({ slug, name, city }: { slug: string; name: string; city: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const queryClient = useQueryClient();
  const listing = useListing(slug);
  const change = useMutation({
    mutationFn: (body: DirectoryListingBody) => saveListing(slug, body),
    onSuccess: (answer) => {
      queryClient.setQueryData([...directoryKeys.all, 'listing', slug], answer);
      void queryClient.invalidateQueries({ queryKey: directoryKeys.all });
    },
  });
  const listed = listing.data?.listed ?? false;
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('public_directory.listing_title')}</h2>
      <p>{listed ? t('public_directory.listing_on') : t('public_directory.listing_off')}</p>
      {change.isError && <Alert tone="error">{change.error.message}</Alert>}
      <div className="actions">
        <Button
          variant={listed ? 'secondary' : 'primary'}
          pending={change.isPending}
          disabled={listing.isPending}
          onClick={() => change.mutate({ listed: !listed })}
        >
          {listed ? t('public_directory.listing_remove') : t('public_directory.listing_add')}
        </Button>
        <Link to="/directory">{t('public_directory.title')}</Link>
      </div>
      {listing.data ? (
        <ListingLocation slug={slug} name={name} city={city} listing={listing.data} />
      ) : (
        listing.isPending && <Loading />
      )}
    </section>
  );
}

/** Where the organisation is, so that its directory entry shows on the map and in distance sorting. */
function ListingLocation({
  slug,
  name,
  city,
  listing,
}: {
  slug: string;
  name: string;
  city: string;
  listing: DirectoryListing;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const queryClient = useQueryClient();
  const [typed, setTyped] = useState({
    latitude: locationText(listing.latitude),
    longitude: locationText(listing.longitude),
  });
  const [errors, setErrors] = useState<LocationErrors>({});
  const save = useMutation({
    mutationFn: (location: { latitude: number | null; longitude: number | null }) =>
      saveListing(slug, location),
    onSuccess: (answer) => {
      queryClient.setQueryData([...directoryKeys.all, 'listing', slug], answer);
      void queryClient.invalidateQueries({ queryKey: directoryKeys.all });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkLocation(t, typed);
    setErrors('errors' in checked ? checked.errors : {});
    if ('location' in checked) save.mutate(checked.location);
  }
  // The server's words for a field it refused, in the reader's language, next to that field.
  const refused = toFormErrors(save.error, ['latitude', 'longitude'] as const);

  return (
    <form className="stack" noValidate onSubmit={submit} aria-labelledby={headingId}>
      <h3 id={headingId}>{t('public_directory.location_title')}</h3>
      <p className="muted">{t('public_directory.listing_location_hint')}</p>
      <LocationFields
        value={typed}
        onChange={(next) => {
          setTyped(next);
          setErrors({});
          save.reset();
        }}
        errors={{ ...refused.fields, ...errors }}
        name={name}
        initialAddress={city}
        geocode={geocodeForOrganisation(slug)}
      />
      <div className="actions">
        <Button type="submit" pending={save.isPending}>
          {t('public_directory.location_save')}
        </Button>
      </div>
      {save.isSuccess && <p role="status">{t('public_directory.location_saved')}</p>}
      {refused.form && <Alert tone="error">{refused.form}</Alert>}
    </form>
  );
}
