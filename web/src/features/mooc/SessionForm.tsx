import { useTranslation } from 'react-i18next';
import type { MoocSession } from '../../../../common/contracts/mooc.ts';
import { ApiForm } from '../../components/ApiForm.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { useApiForm } from '../../lib/use-api-form.ts';
import { createMoocSession, updateMoocSession } from './api.ts';

const fields = ['title', 'courseUrl', 'startsOn', 'endsOn'] as const;

interface SessionFormProps {
  slug: string;
  /** The session to edit; without it the form records a new one. */
  session?: MoocSession;
  onSaved: (session: MoocSession) => void;
}

/** Title, course address and dates of a MOOC session, for recording or editing it. */
export function SessionForm({ slug, session, onSaved }: SessionFormProps) {
  const { t } = useTranslation();
  const form = useApiForm({
    fields,
    required: ['title', 'startsOn', 'endsOn'],
    submit: (v) => {
      const body = {
        title: v.title,
        courseUrl: v.courseUrl.trim() || null,
        startsOn: v.startsOn,
        endsOn: v.endsOn,
      };
      return session ? updateMoocSession(slug, session.id, body) : createMoocSession(slug, body);
    },
    onSuccess: (saved) => {
      if (!session) form.formRef.current?.reset();
      onSaved(saved);
    },
  });
  return (
    <ApiForm formRef={form.formRef} onSubmit={form.onSubmit} formError={form.errors.form}>
      <TextField
        name="title"
        label={t('mooc.form.title')}
        hint={t('mooc.form.title_hint')}
        defaultValue={session?.title}
        maxLength={160}
        error={form.errors.fields.title}
      />
      <TextField
        name="courseUrl"
        type="url"
        dir="ltr"
        label={t('mooc.form.course_url')}
        hint={t('mooc.form.course_url_hint')}
        defaultValue={session?.courseUrl ?? ''}
        error={form.errors.fields.courseUrl}
      />
      <div className="grid-2">
        <TextField
          name="startsOn"
          type="date"
          label={t('mooc.form.starts_on')}
          defaultValue={session?.startsOn}
          error={form.errors.fields.startsOn}
        />
        <TextField
          name="endsOn"
          type="date"
          label={t('mooc.form.ends_on')}
          defaultValue={session?.endsOn}
          error={form.errors.fields.endsOn}
        />
      </div>
      <div>
        <Button type="submit" pending={form.isPending}>
          {session ? t('common.save') : t('mooc.form.create')}
        </Button>
      </div>
    </ApiForm>
  );
}
