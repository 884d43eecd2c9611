import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeading } from '../../components/PageHeading.tsx';
import { createOrganisation, organisationKeys } from './api.ts';
import { OrganisationForm } from './OrganisationForm.tsx';

export default function CreateOrganisationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <div className="page stack">
      <PageHeading title={t('organisations.create_title')} />
      <p>{t('organisations.create_intro')}</p>
      <OrganisationForm
        submitLabel={t('organisations.create_submit')}
        submit={createOrganisation}
        onSuccess={(organisation) => {
          queryClient.setQueryData(organisationKeys.detail(organisation.slug), organisation);
          void queryClient.invalidateQueries({ queryKey: organisationKeys.mine });
          navigate(`/organisations/${organisation.slug}`);
        }}
      />
    </div>
  );
}
