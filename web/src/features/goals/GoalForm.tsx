import { useTranslation } from 'react-i18next';
import type { GoalDetail } from '../../../../common/contracts/goals.ts';
import { ApiForm } from '../../components/ApiForm.tsx';
import { Button } from '../../components/Button.tsx';
import { TextAreaField, TextField } from '../../components/Field.tsx';
import { useApiForm } from '../../lib/use-api-form.ts';
import { createGoal, updateGoal } from './api.ts';

const fields = ['title', 'description', 'unit', 'startValue', 'targetValue', 'dueOn'] as const;

/** A number field's value, or null when it is empty. */
const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text.replace(',', '.')));

interface GoalFormProps {
  slug: string;
  /** The goal to edit; without it the form defines a new one. */
  goal?: GoalDetail;
  onSaved: (goal: GoalDetail) => void;
}

/** Title, description and the optional indicator (unit, start, target, due date) of a goal. */
export function GoalForm({ slug, goal, onSaved }: GoalFormProps) {
  const { t } = useTranslation();
  const form = useApiForm({
    fields,
    required: ['title'],
    submit: (v) => {
      const body = {
        title: v.title,
        description: v.description,
        unit: v.unit.trim() || null,
        startValue: numberOrNull(v.startValue),
        targetValue: numberOrNull(v.targetValue),
        dueOn: v.dueOn || null,
      };
      return goal ? updateGoal(slug, goal.id, body) : createGoal(slug, body);
    },
    onSuccess: (saved) => {
      if (!goal) form.formRef.current?.reset();
      onSaved(saved);
    },
  });
  return (
    <ApiForm formRef={form.formRef} onSubmit={form.onSubmit} formError={form.errors.form}>
      <TextField
        name="title"
        label={t('goals.form.title')}
        defaultValue={goal?.title}
        maxLength={160}
        error={form.errors.fields.title}
      />
      <TextAreaField
        name="description"
        label={t('goals.form.description')}
        defaultValue={goal?.description}
        maxLength={4000}
        rows={3}
        error={form.errors.fields.description}
      />
      <fieldset className="field-group">
        <legend>{t('goals.form.indicator')}</legend>
        <p className="field-hint">{t('goals.form.indicator_hint')}</p>
        <TextField
          name="unit"
          label={t('goals.form.unit')}
          hint={t('goals.form.unit_hint')}
          defaultValue={goal?.unit ?? ''}
          maxLength={40}
          error={form.errors.fields.unit}
        />
        <div className="grid-2">
          <TextField
            name="startValue"
            inputMode="decimal"
            label={t('goals.form.start_value')}
            defaultValue={goal?.startValue ?? ''}
            error={form.errors.fields.startValue}
          />
          <TextField
            name="targetValue"
            inputMode="decimal"
            label={t('goals.form.target_value')}
            defaultValue={goal?.targetValue ?? ''}
            error={form.errors.fields.targetValue}
          />
        </div>
        <TextField
          name="dueOn"
          type="date"
          label={t('goals.form.due_on')}
          defaultValue={goal?.dueOn ?? ''}
          error={form.errors.fields.dueOn}
        />
      </fieldset>
      <div>
        <Button type="submit" pending={form.isPending}>
          {goal ? t('common.save') : t('goals.form.create')}
        </Button>
      </div>
    </ApiForm>
  );
}
