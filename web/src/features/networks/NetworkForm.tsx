import { useTranslation } from 'react-i18next';
import type { CreateNetworkBody, Network } from '../../../../common/contracts/networks.ts';
import { VISIBILITIES } from '../../../../common/permissions.ts';
import { ApiForm } from '../../components/ApiForm.tsx';
import { Button } from '../../components/Button.tsx';
import { ChoiceGroup, TextAreaField, TextField } from '../../components/Field.tsx';
import { LanguagesField } from '../../components/LanguagesField.tsx';
import { useApiForm } from '../../lib/use-api-form.ts';

const fields = ['name', 'slug', 'description', 'region', 'languages', 'visibility'] as const;

interface NetworkFormProps {
  network?: Network;
  submitLabel: string;
  submit: (body: CreateNetworkBody) => Promise<Network>;
  onSuccess: (network: Network) => void;
}

/** Found or edit a network; the slug (its address) is chosen once, when founding. */
export function NetworkForm({ network, submitLabel, submit, onSuccess }: NetworkFormProps) {
  const { t, i18n } = useTranslation();
  const form = useApiForm({
    fields,
    required: ['name'],
    codeFields: { SLUG_TAKEN: 'slug' },
    submit: (v, data) =>
      submit({
        name: v.name,
        ...(network || !v.slug.trim() ? {} : { slug: v.slug.trim() }),
        description: v.description,
        region: v.region,
        languages: data.getAll('languages').map(String) as CreateNetworkBody['languages'],
        visibility: (v.visibility || 'private') as CreateNetworkBody['visibility'],
      }),
    onSuccess,
  });
  const visibilityOptions: Record<(typeof VISIBILITIES)[number], string> = {
    public: t('networks.visibility_public_hint'),
    unlisted: t('networks.visibility_unlisted_hint'),
    private: t('networks.visibility_private_hint'),
  };
  return (
    <ApiForm formRef={form.formRef} onSubmit={form.onSubmit} formError={form.errors.form}>
      <TextField
        name="name"
        label={t('networks.name')}
        defaultValue={network?.name}
        maxLength={120}
        error={form.errors.fields.name}
      />
      {!network && (
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
      <TextAreaField
        name="description"
        label={t('networks.description')}
        hint={t('networks.description_hint')}
        defaultValue={network?.description}
        maxLength={4000}
        error={form.errors.fields.description}
      />
      <TextField
        name="region"
        label={t('networks.region')}
        hint={t('networks.region_hint')}
        defaultValue={network?.region}
        maxLength={120}
        error={form.errors.fields.region}
      />
      <LanguagesField
        name="languages"
        legend={t('networks.languages')}
        hint={t('networks.languages_hint')}
        defaultValue={network?.languages ?? [i18n.language]}
        error={form.errors.fields.languages}
      />
      <ChoiceGroup
        type="radio"
        name="visibility"
        legend={t('networks.visibility')}
        options={VISIBILITIES.map((v) => ({ value: v, label: visibilityOptions[v] }))}
        defaultValue={[network?.visibility ?? 'private']}
        error={form.errors.fields.visibility}
      />
      {form.isSuccess && network && (
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
