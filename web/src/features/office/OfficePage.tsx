import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkOffice } from '../../../../common/contracts/office.ts';
import { ApiForm } from '../../components/ApiForm.tsx';
import { Button } from '../../components/Button.tsx';
import { TextAreaField, TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useApiForm } from '../../lib/use-api-form.ts';
import { can } from '../networks/api.ts';
import { useCurrentNetwork } from '../networks/NetworkLayout.tsx';
import { officeKeys, updateOffice, useOffice } from './api.ts';
import { OfficeDetails } from './OfficeDetails.tsx';

export default function OfficePage() {
  const network = useCurrentNetwork();
  const { t } = useTranslation();
  const office = useOffice(network.slug);
  return (
    <div className="page stack">
      <PageHeading title={t('networks.office.title')} />
      <p className="muted">{t('networks.office.intro')}</p>
      {office.isPending && <Loading />}
      {office.isError && <QueryError error={office.error} onRetry={() => void office.refetch()} />}
      {office.data && (
        <section className="card stack" aria-labelledby="office-now">
          <h2 id="office-now" className="visually-hidden">
            {t('networks.office.title')}
          </h2>
          <OfficeDetails office={office.data} />
          {office.data.updatedAt && (
            <p className="muted small">
              {t('networks.office.updated', { date: new Date(office.data.updatedAt) })}
            </p>
          )}
        </section>
      )}
      {office.data && can(network, 'office.edit') && (
        <OfficeEditor slug={network.slug} office={office.data} />
      )}
    </div>
  );
}

const fields = ['contactEmail', 'contactPhone', 'address', 'officeHours'] as const;
const orNull = (value: string) => (value.trim() ? value.trim() : null);

function OfficeEditor({ slug, office }: { slug: string; office: NetworkOffice }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [onlineOnly, setOnlineOnly] = useState(office.onlineOnly);
  const form = useApiForm({
    fields,
    submit: (v) =>
      updateOffice(slug, {
        contactEmail: orNull(v.contactEmail),
        contactPhone: orNull(v.contactPhone),
        address: onlineOnly ? orNull(v.address) : v.address.trim(),
        onlineOnly,
        officeHours: v.officeHours,
      }),
    onSuccess: (updated) => queryClient.setQueryData(officeKeys.detail(slug), updated),
  });
  return (
    <section className="card stack" aria-labelledby="office-edit">
      <h2 id="office-edit">{t('networks.office.edit_title')}</h2>
      <ApiForm formRef={form.formRef} onSubmit={form.onSubmit} formError={form.errors.form}>
        <TextField
          name="contactEmail"
          type="email"
          dir="ltr"
          label={t('networks.office.email')}
          defaultValue={office.contactEmail ?? ''}
          error={form.errors.fields.contactEmail}
        />
        <TextField
          name="contactPhone"
          type="tel"
          dir="ltr"
          label={t('networks.office.phone')}
          defaultValue={office.contactPhone ?? ''}
          maxLength={40}
          error={form.errors.fields.contactPhone}
        />
        <label className="choice">
          <input type="checkbox" checked={onlineOnly} onChange={(e) => setOnlineOnly(e.target.checked)} />
          <span>{t('networks.office.online_only_label')}</span>
        </label>
        <TextAreaField
          name="address"
          label={t('networks.office.address')}
          hint={onlineOnly ? t('networks.office.address_optional') : t('networks.office.address_hint')}
          defaultValue={office.address ?? ''}
          rows={3}
          maxLength={500}
          error={form.errors.fields.address}
        />
        <TextAreaField
          name="officeHours"
          label={t('networks.office.hours')}
          hint={t('networks.office.hours_hint')}
          defaultValue={office.officeHours}
          rows={3}
          maxLength={1000}
          error={form.errors.fields.officeHours}
        />
        {form.isSuccess && (
          <p role="status" className="alert alert-success">
            {t('common.saved')}
          </p>
        )}
        <Button type="submit" pending={form.isPending}>
          {t('common.save')}
        </Button>
      </ApiForm>
    </section>
  );
}
