import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { DirectoryEntry } from '../../../../common/contracts/directory.ts';
import { countryOptions } from '../../../../common/countries.ts';
import { DIRECTORY_SERVICES } from '../../../../common/directory.ts';
import { Alert } from '../../components/Alert.tsx';
import { ApiForm } from '../../components/ApiForm.tsx';
import { Button } from '../../components/Button.tsx';
import { ComboboxField } from '../../components/Combobox.tsx';
import { ChoiceGroup, SelectField, TextAreaField, TextField } from '../../components/Field.tsx';
import { LanguagesField } from '../../components/LanguagesField.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useApiForm } from '../../lib/use-api-form.ts';
import { useMe } from '../auth/api.ts';
import { createEntry, directoryKeys, geocodeAddress, updateEntry, useDirectoryEntry } from './api.ts';
import { CURATED_KINDS, checkEntry, ENTRY_FIELDS, ENTRY_MAX_LENGTH, entryBody } from './entry-form.ts';
import { LocationFields, locationText } from './LocationFields.tsx';
import { kindLabel, serviceLabel } from './labels.ts';

/** `/directory/new` and `/directory/:id/edit`: a directory-only entry, for platform admins. */
export default function EntryFormPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  const entry = useDirectoryEntry(id ?? '', Boolean(id));
  if (isPending || (id && entry.isPending)) return <Loading />;
  if (!me?.isPlatformAdmin) return <Alert tone="error">{t('errors.FORBIDDEN')}</Alert>;
  if (id && entry.isError) return <QueryError error={entry.error} />;
  const current = id ? entry.data : undefined;
  const back = current ? `/directory/${encodeURIComponent(current.id)}` : '/directory';
  return (
    <div className="page stack">
      <p>
        <Link to={back}>{current ? t('public_directory.back_to_entry') : t('public_directory.back')}</Link>
      </p>
      <PageHeading
        title={
          current ? t('public_directory.edit_title', { name: current.name }) : t('public_directory.new_title')
        }
      />
      {current && current.source !== 'curated' ? (
        <Alert tone="error">{t('errors.DIRECTORY_ENTRY_NOT_CURATED')}</Alert>
      ) : (
        <>
          <p className="muted">{t('public_directory.form_intro')}</p>
          <EntryForm entry={current} />
        </>
      )}
    </div>
  );
}

/**
 * Every field of a directory-only entry. Checked as the server checks it before sending; what the
 * server refuses shows at its field in the reader's language, and nothing typed is lost.
 */
export function EntryForm({ entry }: { entry?: DirectoryEntry }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [location, setLocation] = useState({
    latitude: locationText(entry?.latitude ?? null),
    longitude: locationText(entry?.longitude ?? null),
  });
  const [name, setName] = useState(entry?.name ?? '');
  const form = useApiForm({
    fields: ENTRY_FIELDS,
    required: ['name', 'country'],
    validate: (values) => checkEntry(t, values),
    submit: (values, data) => {
      const body = entryBody(t, values, {
        services: data.getAll('services').map(String),
        languages: data.getAll('languages').map(String),
      });
      return entry ? updateEntry(entry.id, body) : createEntry(body);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(directoryKeys.entry(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: directoryKeys.all });
      navigate(`/directory/${encodeURIComponent(saved.id)}`);
    },
  });
  const errors = form.errors.fields;
  const text = (field: keyof typeof ENTRY_MAX_LENGTH, label: string, extra: object = {}) => (
    <TextField
      name={field}
      label={label}
      defaultValue={entry?.[field] ?? ''}
      maxLength={ENTRY_MAX_LENGTH[field]}
      error={errors[field]}
      // Names and places keep their own direction in a right-to-left page (overridden for addresses).
      dir="auto"
      {...extra}
    />
  );

  return (
    <ApiForm
      formRef={form.formRef}
      onSubmit={form.onSubmit}
      formError={form.errors.form}
      label={t('public_directory.form_label')}
    >
      <TextField
        name="name"
        label={t('public_directory.name_label')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        maxLength={ENTRY_MAX_LENGTH.name}
        dir="auto"
        autoComplete="off"
        error={errors.name}
      />
      <SelectField
        name="kind"
        label={t('public_directory.kind_label')}
        defaultValue={entry?.kind ?? 'ngo'}
        options={CURATED_KINDS.map((k) => ({ value: k, label: kindLabel(t, k) }))}
        error={errors.kind}
      />
      <ChoiceGroup
        type="checkbox"
        name="services"
        legend={t('public_directory.services_label')}
        columns
        options={DIRECTORY_SERVICES.map((s) => ({ value: s, label: serviceLabel(t, s) }))}
        defaultValue={entry?.services}
        error={errors.services}
      />
      <LanguagesField
        name="languages"
        legend={t('public_directory.languages_label')}
        defaultValue={entry?.languages ?? []}
        error={errors.languages}
      />
      <ComboboxField
        name="country"
        label={t('public_directory.country_label')}
        defaultValue={entry?.country ?? ''}
        options={countryOptions(i18n.language).map((c) => ({ value: c.code, label: c.name }))}
        error={errors.country}
      />
      {text('city', t('public_directory.city'))}
      {text('region', t('public_directory.region'))}
      {text('address', t('public_directory.address'))}
      <fieldset className="field stack">
        <legend>{t('public_directory.location_title')}</legend>
        <p className="field-hint">{t('public_directory.location_hint')}</p>
        <LocationFields
          value={location}
          onChange={setLocation}
          errors={{ latitude: errors.latitude, longitude: errors.longitude }}
          name={name}
          initialAddress={[entry?.address, entry?.city].filter(Boolean).join(', ')}
          geocode={geocodeAddress}
        />
      </fieldset>
      {text('email', t('public_directory.email'), { type: 'email', dir: 'ltr', autoComplete: 'off' })}
      {text('phone', t('public_directory.phone'), { type: 'tel', dir: 'ltr', autoComplete: 'off' })}
      {text('website', t('public_directory.website'), {
        type: 'url',
        dir: 'ltr',
        hint: t('public_directory.website_hint'),
      })}
      <TextAreaField
        name="openingHours"
        label={t('public_directory.opening_hours')}
        rows={2}
        dir="auto"
        defaultValue={entry?.openingHours ?? ''}
        maxLength={ENTRY_MAX_LENGTH.openingHours}
        error={errors.openingHours}
      />
      <TextAreaField
        name="description"
        label={t('public_directory.description')}
        dir="auto"
        defaultValue={entry?.description ?? ''}
        maxLength={ENTRY_MAX_LENGTH.description}
        error={errors.description}
      />
      <TextField
        name="lastCheckedOn"
        type="date"
        label={t('public_directory.last_checked')}
        hint={t('public_directory.last_checked_hint')}
        defaultValue={entry?.lastCheckedOn ?? ''}
        error={errors.lastCheckedOn}
      />
      <div className="actions">
        <Button type="submit" pending={form.isPending}>
          {entry ? t('public_directory.save_entry') : t('public_directory.create_entry')}
        </Button>
      </div>
    </ApiForm>
  );
}
