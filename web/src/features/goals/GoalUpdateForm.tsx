import { useTranslation } from 'react-i18next';
import type { GoalDetail } from '../../../../common/contracts/goals.ts';
import { Alert } from '../../components/Alert.tsx';
import { ApiForm } from '../../components/ApiForm.tsx';
import { Button } from '../../components/Button.tsx';
import { TextAreaField, TextField } from '../../components/Field.tsx';
import { useApiForm } from '../../lib/use-api-form.ts';
import { postGoalUpdate } from './api.ts';

const fields = ['value', 'comment'] as const;

/** A member reports progress: a new value of the indicator and/or a comment. */
export function GoalUpdateForm({
  slug,
  goal,
  onSaved,
}: {
  slug: string;
  goal: GoalDetail;
  onSaved: (goal: GoalDetail) => void;
}) {
  const { t } = useTranslation();
  const form = useApiForm({
    fields,
    submit: (v) =>
      postGoalUpdate(slug, goal.id, {
        value: v.value.trim() === '' ? null : Number(v.value.replace(',', '.')),
        comment: v.comment,
      }),
    onSuccess: (saved) => {
      form.formRef.current?.reset();
      onSaved(saved);
    },
  });
  const hasIndicator = goal.unit !== null || goal.targetValue !== null || goal.startValue !== null;
  return (
    <ApiForm formRef={form.formRef} onSubmit={form.onSubmit} formError={form.errors.form}>
      {hasIndicator && (
        <TextField
          name="value"
          inputMode="decimal"
          label={goal.unit ? t('goals.update.value_in', { unit: goal.unit }) : t('goals.update.value')}
          hint={t('goals.update.value_hint')}
          error={form.errors.fields.value}
        />
      )}
      <TextAreaField
        name="comment"
        label={t('goals.update.comment')}
        maxLength={2000}
        rows={3}
        error={form.errors.fields.comment}
      />
      {form.isSuccess && <Alert tone="success">{t('goals.update.posted')}</Alert>}
      <div>
        <Button type="submit" pending={form.isPending}>
          {t('goals.update.post')}
        </Button>
      </div>
    </ApiForm>
  );
}
