import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { api } from '../../lib/api-client.ts';
import { directoryKeys } from './api.ts';

const listingPath = (slug: string) => `/organisations/${encodeURIComponent(slug)}/directory-listing`;

/** For an organisation's admins: whether it appears in the public directory, and the switch. */
export function DirectoryListingSection({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const queryClient = useQueryClient();
  const key = [...directoryKeys.all, 'listing', slug] as const;
  const listing = useQuery({ queryKey: key, queryFn: () => api.get<{ listed: boolean }>(listingPath(slug)) });
  const change = useMutation({
    mutationFn: (listed: boolean) => api.put<{ listed: boolean }>(listingPath(slug), { listed }),
    onSuccess: (answer) => {
      queryClient.setQueryData(key, answer);
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
          onClick={() => change.mutate(!listed)}
        >
          {listed ? t('public_directory.listing_remove') : t('public_directory.listing_add')}
        </Button>
        <Link to="/directory">{t('public_directory.title')}</Link>
      </div>
    </section>
  );
}
