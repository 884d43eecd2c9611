import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Organisation } from '../../../../common/contracts/networks.ts';
import { countryName } from '../../../../common/countries.ts';
import { canInOrganisation } from '../../../../common/permissions.ts';
import { isHttpUrl } from '../../../../common/urls.ts';
import { Alert } from '../../components/Alert.tsx';
import { ApiForm } from '../../components/ApiForm.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { UserText } from '../../components/UserText.tsx';
import { expertiseLabel, languageList, visibilityLabel } from '../../lib/labels.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { useMe } from '../auth/api.ts';
import { DirectoryListingSection } from '../directory/DirectoryListingSection.tsx';
import { OrganisationHealthSection } from '../network-health/OrganisationHealthSection.tsx';
import {
  addOrganisationAdmin,
  organisationKeys,
  removeOrganisationAdmin,
  updateOrganisation,
  useOrganisation,
  useOrganisationAdmins,
  useOrganisationNetworks,
  verifyOrganisation,
} from './api.ts';
import { OrganisationJoinSection } from '../partners/OrganisationJoinSection.tsx';
import { OrganisationForm } from './OrganisationForm.tsx';

export default function OrganisationPage() {
  const { slug = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const organisation = useOrganisation(slug);
  const networks = useOrganisationNetworks(slug);
  const [editing, setEditing] = useState(false);
  const queryClient = useQueryClient();

  if (organisation.isPending) return <Loading />;
  if (organisation.isError) return <QueryError error={organisation.error} />;
  const org = organisation.data;
  const locale = i18n.language;
  const canManage = org.isAdmin || Boolean(me?.isPlatformAdmin);
  const canReport = canInOrganisation(
    { signedIn: Boolean(me), orgAdmin: org.isAdmin, platformAdmin: Boolean(me?.isPlatformAdmin) },
    'organisation.reports.view',
  );

  return (
    <div className="page stack">
      <PageHeading title={org.name} userText>
        {org.name}
        {org.verified && <span className="badge badge-ok">{t('organisations.verified')}</span>}
      </PageHeading>
      <p className="muted">
        {countryName(org.country, locale)} · <UserText>{org.city}</UserText>
      </p>
      {org.description && (
        <p className="prewrap" dir="auto">
          <UserText>{org.description}</UserText>
        </p>
      )}

      <section className="card stack" aria-labelledby="org-facts">
        <h2 id="org-facts">{t('organisations.about')}</h2>
        <dl className="facts facts-grid">
          <dt>{t('organisations.languages')}</dt>
          <dd>{languageList(org.languages, locale)}</dd>
          {org.services.length > 0 && (
            <>
              <dt>{t('organisations.services')}</dt>
              <dd>{org.services.map((s) => expertiseLabel(t, s)).join(' · ')}</dd>
            </>
          )}
          {org.website && isHttpUrl(org.website) && (
            <>
              <dt>{t('organisations.website')}</dt>
              <dd>
                <a href={org.website} rel="noopener noreferrer" dir="ltr">
                  {org.website}
                </a>
              </dd>
            </>
          )}
          {org.contactEmail && (
            <>
              <dt>{t('organisations.contact_email')}</dt>
              <dd>
                <a href={`mailto:${org.contactEmail}`} dir="ltr">
                  {org.contactEmail}
                </a>
              </dd>
            </>
          )}
          {org.contactPhone && (
            <>
              <dt>{t('organisations.contact_phone')}</dt>
              <dd dir="ltr">{org.contactPhone}</dd>
            </>
          )}
        </dl>
      </section>

      <section className="card stack" aria-labelledby="org-networks">
        <h2 id="org-networks">{t('organisations.networks_title')}</h2>
        {networks.isPending && <Loading />}
        {networks.isError && <QueryError error={networks.error} />}
        {networks.data &&
          (networks.data.networks.length === 0 ? (
            <p className="empty">
              {canManage ? t('organisations.no_networks_admin') : t('organisations.no_networks')}
            </p>
          ) : (
            <ul className="link-list">
              {networks.data.networks.map((n) => (
                <li key={n.slug}>
                  <Link to={`/networks/${n.slug}`}>
                    <UserText>{n.name}</UserText>
                  </Link>{' '}
                  <span className="muted small">{visibilityLabel(t, n.visibility)}</span>
                </li>
              ))}
            </ul>
          ))}
        {(canManage || canReport) && (
          <p className="actions">
            {canManage && (
              <Link className="button button-primary" to={`/organisations/${org.slug}/networks/new`}>
                {t('networks.found_title')}
              </Link>
            )}
            {canReport && (
              <Link className="button button-secondary" to={`/organisations/${org.slug}/reports`}>
                {t('reports.page.organisation_link')}
              </Link>
            )}
          </p>
        )}
      </section>

      {org.isAdmin && <OrganisationJoinSection slug={org.slug} />}

      {canManage && <OrganisationHealthSection slug={org.slug} />}

      {canManage && <AdminsSection slug={org.slug} />}

      {canManage && <DirectoryListingSection slug={org.slug} name={org.name} city={org.city} />}

      {me?.isPlatformAdmin && <VerifySection organisation={org} />}

      {canManage && (
        <section className="card stack" aria-labelledby="org-edit">
          <h2 id="org-edit">{t('organisations.edit_title')}</h2>
          {editing ? (
            <OrganisationForm
              organisation={org}
              submitLabel={t('common.save')}
              submit={(body) => updateOrganisation(org.slug, body)}
              onSuccess={(updated) => queryClient.setQueryData(organisationKeys.detail(org.slug), updated)}
            />
          ) : (
            <div>
              <Button variant="secondary" onClick={() => setEditing(true)}>
                {t('organisations.edit_open')}
              </Button>
            </div>
          )}
        </section>
      )}
    </div>
  );
}

function AdminsSection({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const admins = useOrganisationAdmins(slug, true);
  const [removing, setRemoving] = useState<{ id: string; displayName: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: organisationKeys.admins(slug) });
  const form = useApiForm({
    fields: ['email'] as const,
    required: ['email'],
    codeFields: { USER_NOT_FOUND: 'email' },
    submit: (v) => addOrganisationAdmin(slug, v.email),
    onSuccess: () => {
      form.formRef.current?.reset();
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (userId: string) => removeOrganisationAdmin(slug, userId),
    onSuccess: () => {
      setRemoving(null);
      void refresh();
    },
  });
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('organisations.admins_title')}</h2>
      <p className="muted">{t('organisations.admins_intro')}</p>
      {admins.isPending && <Loading />}
      {admins.isError && <QueryError error={admins.error} />}
      {admins.data && (
        <ul className="rows">
          {admins.data.admins.map((a) => (
            <li key={a.id} className="row">
              <div>
                <p className="strong">
                  <UserText>{a.displayName}</UserText>
                </p>
                <p className="muted small" dir="ltr">
                  {a.email}
                </p>
              </div>
              {a.id !== me?.id && (
                <Button
                  variant="secondary"
                  aria-label={t('organisations.admin_remove_named', { name: a.displayName })}
                  onClick={() => setRemoving(a)}
                >
                  {t('organisations.admin_remove')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ApiForm
        formRef={form.formRef}
        onSubmit={form.onSubmit}
        formError={form.errors.form}
        label={t('organisations.admin_add')}
      >
        <TextField
          name="email"
          type="email"
          label={t('organisations.admin_email')}
          hint={t('organisations.admin_email_hint')}
          dir="ltr"
          error={form.errors.fields.email}
        />
        {form.isSuccess && <Alert tone="success">{t('organisations.admin_added')}</Alert>}
        <Button type="submit" variant="secondary" pending={form.isPending}>
          {t('organisations.admin_add')}
        </Button>
      </ApiForm>
      <ConfirmDialog
        open={removing !== null}
        message={t('organisations.admin_remove_confirm', { name: removing?.displayName ?? '' })}
        confirmLabel={t('organisations.admin_remove')}
        pending={remove.isPending}
        onConfirm={() => removing && remove.mutate(removing.id)}
        onCancel={() => {
          setRemoving(null);
          remove.reset();
        }}
      >
        {remove.isError && <Alert tone="error">{remove.error.message}</Alert>}
      </ConfirmDialog>
    </section>
  );
}

function VerifySection({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation();
  const headingId = useId();
  const queryClient = useQueryClient();
  const verify = useMutation({
    mutationFn: (verified: boolean) => verifyOrganisation(organisation.slug, verified),
    onSuccess: (updated) => queryClient.setQueryData(organisationKeys.detail(organisation.slug), updated),
  });
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('organisations.verify_title')}</h2>
      <p>{organisation.verified ? t('organisations.verified_body') : t('organisations.unverified_body')}</p>
      {verify.isError && <Alert tone="error">{verify.error.message}</Alert>}
      <div>
        <Button
          variant={organisation.verified ? 'secondary' : 'primary'}
          pending={verify.isPending}
          onClick={() => verify.mutate(!organisation.verified)}
        >
          {organisation.verified ? t('organisations.unverify') : t('organisations.verify')}
        </Button>
      </div>
    </section>
  );
}
