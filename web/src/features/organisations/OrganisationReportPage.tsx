import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { UserText } from '../../components/UserText.tsx';
import { ImpactReportPanel } from '../activities/ImpactReportPage.tsx';
import { useOrganisation } from './api.ts';

/**
 * The impact report across the networks an organisation founded, for its admins (the server's
 * policy decides; anyone else gets its error here).
 */
export default function OrganisationReportPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const organisation = useOrganisation(slug);
  if (organisation.isPending) return <Loading />;
  if (organisation.isError) return <QueryError error={organisation.error} />;
  const org = organisation.data;
  return (
    <div className="page stack">
      <p className="eyebrow">
        <Link to={`/organisations/${org.slug}`}>
          <UserText>{org.name}</UserText>
        </Link>
      </p>
      <PageHeading title={t('reports.title')} />
      <p className="muted">{t('reports.page.organisation_intro')}</p>
      <ImpactReportPanel scope={{ kind: 'organisation', slug: org.slug }} />
    </div>
  );
}
