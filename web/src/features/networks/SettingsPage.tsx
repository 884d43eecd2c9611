import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { ApiForm } from '../../components/ApiForm.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { TextField } from '../../components/Field.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { UserText } from '../../components/UserText.tsx';
import { useApiForm } from '../../lib/use-api-form.ts';
import { EventsSettingSection } from '../events/EventsSettingSection.tsx';
import { ResourcesSettingSection } from '../resources/ResourcesSettingSection.tsx';
import { invitationKeys } from '../invitations/api.ts';
import { PendingMetaMentors, usePendingMetaMentors } from '../invitations/PendingMetaMentors.tsx';
import { RetentionSection } from '../records/RetentionSection.tsx';
import { WelcomeSection } from '../tour/WelcomeSection.tsx';
import {
  addNetworkOrganisation,
  appointMetaMentor,
  can,
  networkKeys,
  removeNetworkOrganisation,
  storeNetwork,
  updateNetwork,
} from './api.ts';
import { NetworkForm } from './NetworkForm.tsx';
import { useCurrentNetwork } from './NetworkLayout.tsx';
import { settingsSectionsFor } from './settings-sections.ts';

/**
 * The network's settings, each section shown to those whose role may change it (settings-sections.ts):
 * meta-mentors and organisation admins name meta-mentors and change the organisations, details and
 * events; the meta-mentors and the office set how long volunteer records are kept.
 */
export default function SettingsPage() {
  const network = useCurrentNetwork();
  const { t } = useTranslation();
  const location = useLocation();
  const queryClient = useQueryClient();
  const founded = (location.state as { founded?: boolean } | null)?.founded;
  const sections = settingsSectionsFor(network.viewer.permissions);
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: networkKeys.detail(network.slug), exact: true });

  const appoint = useApiForm({
    fields: ['email'] as const,
    required: ['email'],
    submit: (v) => appointMetaMentor(network.slug, v.email),
    onSuccess: () => {
      appoint.formRef.current?.reset();
      void refresh();
      void queryClient.invalidateQueries({ queryKey: invitationKeys.all(network.slug) });
    },
  });
  const addOrg = useApiForm({
    fields: ['organisationSlug'] as const,
    required: ['organisationSlug'],
    submit: (v) => addNetworkOrganisation(network.slug, v.organisationSlug.trim().toLowerCase()),
    onSuccess: () => {
      addOrg.formRef.current?.reset();
      void refresh();
    },
  });
  const pending = usePendingMetaMentors(network.slug, can(network, 'invitations.manage'));
  const [removingOrg, setRemovingOrg] = useState<{ slug: string; name: string } | null>(null);
  const removeOrg = useMutation({
    mutationFn: (orgSlug: string) => removeNetworkOrganisation(network.slug, orgSlug),
    onSuccess: () => {
      setRemovingOrg(null);
      void refresh();
    },
  });

  return (
    <div className="page stack">
      <PageHeading title={t('networks.settings.title')} />
      {founded && <Alert tone="success">{t('networks.settings.founded', { network: network.name })}</Alert>}

      {sections.size === 0 && <p className="empty">{t('networks.settings.nothing_to_change')}</p>}

      {sections.has('metaMentors') && (
        <section className="card stack" aria-labelledby="meta-settings">
          <h2 id="meta-settings">{t('networks.home.meta_mentors')}</h2>
          <p className="muted">{t('networks.settings.meta_intro')}</p>
          {network.metaMentors.length === 0 ? (
            pending.length === 0 && <p className="empty">{t('networks.home.no_meta_mentors')}</p>
          ) : (
            <ul className="plain-list">
              {network.metaMentors.map((m) => (
                <li key={m.id}>
                  <UserText>{m.displayName}</UserText>
                </li>
              ))}
            </ul>
          )}
          <PendingMetaMentors slug={network.slug} invitations={pending} />
          <ApiForm
            formRef={appoint.formRef}
            onSubmit={appoint.onSubmit}
            formError={appoint.errors.form}
            label={t('networks.settings.appoint')}
          >
            <TextField
              name="email"
              type="email"
              dir="ltr"
              label={t('networks.settings.appoint_email')}
              hint={t('networks.settings.appoint_hint')}
              error={appoint.errors.fields.email}
            />
            {appoint.isSuccess && (
              <Alert tone="success">
                {appoint.data?.status === 'invited'
                  ? t('networks.settings.appoint_invited')
                  : t('networks.settings.appoint_appointed')}
              </Alert>
            )}
            <Button type="submit" pending={appoint.isPending}>
              {t('networks.settings.appoint')}
            </Button>
          </ApiForm>
        </section>
      )}

      {sections.has('organisations') && (
        <section className="card stack" aria-labelledby="org-settings">
          <h2 id="org-settings">{t('networks.home.organisations')}</h2>
          <ul className="rows">
            {network.organisations.map((o) => (
              <li key={o.slug} className="row">
                <div className="row-main">
                  <p className="strong">
                    <UserText>{o.name}</UserText>
                  </p>
                  <p className="muted small">
                    {o.founding ? t('networks.home.founding') : t('networks.settings.member_org')}
                  </p>
                </div>
                {!o.founding && (
                  <Button
                    variant="secondary"
                    aria-label={t('networks.settings.remove_org_named', { name: o.name })}
                    onClick={() => setRemovingOrg({ slug: o.slug, name: o.name })}
                  >
                    {t('networks.settings.remove_org')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
          <ApiForm
            formRef={addOrg.formRef}
            onSubmit={addOrg.onSubmit}
            formError={addOrg.errors.form}
            label={t('networks.settings.add_org')}
          >
            <TextField
              name="organisationSlug"
              dir="ltr"
              autoCapitalize="none"
              label={t('networks.settings.org_slug')}
              hint={t('networks.settings.org_slug_hint')}
              error={addOrg.errors.fields.organisationSlug}
            />
            <Button type="submit" variant="secondary" pending={addOrg.isPending}>
              {t('networks.settings.add_org')}
            </Button>
          </ApiForm>
        </section>
      )}

      {sections.has('details') && (
        <section className="card stack" aria-labelledby="details-settings">
          <h2 id="details-settings">{t('networks.settings.details')}</h2>
          <NetworkForm
            network={network}
            submitLabel={t('common.save')}
            submit={(body) => updateNetwork(network.slug, body)}
            onSuccess={(updated) => storeNetwork(queryClient, updated)}
          />
        </section>
      )}

      {sections.has('welcome') && <WelcomeSection network={network} />}

      {sections.has('events') && <EventsSettingSection network={network} />}

      {sections.has('resources') && <ResourcesSettingSection network={network} />}

      <RetentionSection network={network} enabled={sections.has('retention')} />

      <ConfirmDialog
        open={removingOrg !== null}
        message={t('networks.settings.remove_org_confirm', { name: removingOrg?.name ?? '' })}
        confirmLabel={t('networks.settings.remove_org')}
        pending={removeOrg.isPending}
        onConfirm={() => removingOrg && removeOrg.mutate(removingOrg.slug)}
        onCancel={() => {
          setRemovingOrg(null);
          removeOrg.reset();
        }}
      >
        {removeOrg.isError && <Alert tone="error">{removeOrg.error.message}</Alert>}
      </ConfirmDialog>
    </div>
  );
}
