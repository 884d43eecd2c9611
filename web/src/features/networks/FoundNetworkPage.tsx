import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { UserText } from '../../components/UserText.tsx';
import { organisationKeys, useOrganisation } from '../organisations/api.ts';
import { foundNetwork, networkKeys, storeNetwork } from './api.ts';
import { NetworkForm } from './NetworkForm.tsx';

export default function FoundNetworkPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const organisation = useOrganisation(slug);
  if (organisation.isPending) return <Loading />;
  if (organisation.isError) return <QueryError error={organisation.error} />;
  return (
    <div className="page stack">
      <PageHeading title={t('networks.found_title')} />
      <p>
        {t('networks.found_intro', { organisation: organisation.data.name })}{' '}
        <Link to={`/organisations/${slug}`}>
          <UserText>{organisation.data.name}</UserText>
        </Link>
      </p>
      <NetworkForm
        submitLabel={t('networks.found_submit')}
        submit={(body) => foundNetwork(slug, body)}
        onSuccess={(network) => {
          storeNetwork(queryClient, network);
          void queryClient.invalidateQueries({ queryKey: networkKeys.mine });
          void queryClient.invalidateQueries({ queryKey: organisationKeys.networks(slug) });
          navigate(`/networks/${network.slug}/settings`, { state: { founded: true } });
        }}
      />
    </div>
  );
}
