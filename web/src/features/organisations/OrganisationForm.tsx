import { useTranslation } from 'react-i18next';
import type { CreateOrganisationBody, Organisation } from '../../../../common/contracts/networks.ts';
import { countryOptions } from '../../../../common/countries.ts';
import { EXPERTISE_AREAS } from '../../../../common/expertise.ts';
import { ORGANISATION_KINDS } from '../../../../common/organisations.ts';
import { ApiForm } from '../../components/ApiForm.tsx';
import { Button } from '../../components/Button.tsx';
import { ComboboxField } from '../../components/Combobox.tsx';
import { ChoiceGroup, SelectField, TextAreaField, TextField } from '../../components/Field.tsx';
import { LanguagesField } from '../../components/LanguagesField.tsx';
import { expertiseLabel } from '../../lib/labels.ts';
import { useApiForm } from '../../lib/use-api-form.ts';

const fields = [
  'name',
  'slug',
  'kind',
  'country',
  'city',
  'languages',
  'services',
  'website',
  'contactEmail',
  'contactPhone',
  'description',
] as const;

const orNull = (value: string) => (value.trim() ? value.trim() : null);

interface OrganisationFormProps {
  organisation?: Organisation;
  submitLabel: string;
  submit: (body: CreateOrganisationBody) => Promise<Organisation>;
  onSuccess: (organisation: Organisation) => void;
}

/** Create or edit an organisation; the slug can only be chosen when creating. */
export function OrganisationForm({ organisation, submitLabel, submit, onSuccess }: OrganisationFormProps) {
  const { t, i18n } = useTranslation();
  const form = useApiForm({
    fields,
    required: ['name', 'city'],
    codeFields: { SLUG_TAKEN: 'slug' },
    submit: (v, data) =>
      submit({
        name: v.name,
        ...(organisation || !v.slug.trim() ? {} : { slug: v.slug.trim() }),
        kind: v.kind as CreateOrganisationBody['kind'],
        country: v.country,
        city: v.city,
        languages: data.getAll('languages').map(String) as CreateOrganisationBody['languages'],
        services: data.getAll('services').map(String) as CreateOrganisationBody['services'],
        website: orNull(v.website),
        contactEmail: orNull(v.contactEmail),
        contactPhone: orNull(v.contactPhone),
        description: v.description,
      }),
    onSuccess,
  });
  const kindLabels: Record<(typeof ORGANISATION_KINDS)[number], string> = {
    ngo: t('organisations.kinds.ngo'),
    municipality: t('organisations.kinds.municipality'),
    school: t('organisations.kinds.school'),
    association: t('organisations.kinds.association'),
    religious: t('organisations.kinds.religious'),
    company: t('organisations.kinds.company'),
    other: t('organisations.kinds.other'),
  };
  return (
    <ApiForm formRef={form.formRef} onSubmit={form.onSubmit} formError={form.errors.form}>
      <TextField
        name="name"
        label={t('organisations.name')}
        defaultValue={organisation?.name}
        maxLength={120}
        error={form.errors.fields.name}
      />
      {!organisation && (
        <TextField
          name="slug"
          label={t('forms.slug')}
          hint={t('forms.slug_hint')}
          dir="ltr"
          autoCapitalize="none"
          maxLength={60}
          error={form.errors.fields.slug}
        />
      )}
      <SelectField
        name="kind"
        label={t('organisations.kind')}
        defaultValue={organisation?.kind ?? 'ngo'}
        options={ORGANISATION_KINDS.map((k) => ({ value: k, label: kindLabels[k] }))}
        error={form.errors.fields.kind}
      />
      <ComboboxField
        name="country"
        label={t('organisations.country')}
        defaultValue={organisation?.country ?? 'DE'}
        options={countryOptions(i18n.language).map((c) => ({ value: c.code, label: c.name }))}
        error={form.errors.fields.country}
      />
      <TextField
        name="city"
        label={t('organisations.city')}
        defaultValue={organisation?.city}
        maxLength={100}
        error={form.errors.fields.city}
      />
      <LanguagesField
        name="languages"
        legend={t('organisations.languages')}
        hint={t('organisations.languages_hint')}
        defaultValue={organisation?.languages ?? [i18n.language]}
        error={form.errors.fields.languages}
      />
      <ChoiceGroup
        type="checkbox"
        name="services"
        legend={t('organisations.services')}
        hint={t('organisations.services_hint')}
        columns
        options={EXPERTISE_AREAS.map((a) => ({ value: a, label: expertiseLabel(t, a) }))}
        defaultValue={organisation?.services}
        error={form.errors.fields.services}
      />
      <TextField
        name="website"
        type="url"
        label={t('organisations.website')}
        hint={t('organisations.website_hint')}
        dir="ltr"
        defaultValue={organisation?.website ?? ''}
        error={form.errors.fields.website}
      />
      <TextField
        name="contactEmail"
        type="email"
        label={t('organisations.contact_email')}
        dir="ltr"
        defaultValue={organisation?.contactEmail ?? ''}
        error={form.errors.fields.contactEmail}
      />
      <TextField
        name="contactPhone"
        type="tel"
        label={t('organisations.contact_phone')}
        dir="ltr"
        defaultValue={organisation?.contactPhone ?? ''}
        error={form.errors.fields.contactPhone}
      />
      <TextAreaField
        name="description"
        label={t('organisations.description')}
        defaultValue={organisation?.description}
        maxLength={4000}
        error={form.errors.fields.description}
      />
      {form.isSuccess && organisation && (
        <p role="status" className="alert alert-success">
          {t('common.saved')}
        </p>
      )}
      <Button type="submit" pending={form.isPending}>
        {submitLabel}
      </Button>
    </ApiForm>
  );
}
