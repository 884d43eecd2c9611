import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiForm } from '../../components/ApiForm.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { useApiForm } from '../../lib/use-api-form.ts';
import { createSpace, discussionKeys } from './api.ts';

/** Meta-mentors add spaces beyond the three every network starts with. */
export function AddSpaceForm({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useApiForm({
    fields: ['name'] as const,
    required: ['name'],
    submit: (v) => createSpace(slug, v.name.trim()),
    onSuccess: () => {
      form.formRef.current?.reset();
      void queryClient.invalidateQueries({ queryKey: discussionKeys.spaces(slug) });
    },
  });
  return (
    <details className="card disclosure">
      <summary>{t('discussions.add_space')}</summary>
      <ApiForm
        formRef={form.formRef}
        onSubmit={form.onSubmit}
        formError={form.errors.form}
        label={t('discussions.add_space')}
      >
        <TextField
          name="name"
          label={t('discussions.space_name')}
          maxLength={60}
          error={form.errors.fields.name}
        />
        <Button type="submit" variant="secondary" pending={form.isPending}>
          {t('discussions.add_space')}
        </Button>
      </ApiForm>
    </details>
  );
}
