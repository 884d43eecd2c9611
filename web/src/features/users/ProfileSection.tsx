import { useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../common/contracts/auth.ts';
import { isLocale, LOCALES } from '../../../../common/locales.ts';
import { Alert } from '../../components/Alert.tsx';
import { ApiForm } from '../../components/ApiForm.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { autonym, changeLocale } from '../../lib/i18n.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { authKeys } from '../auth/api.ts';
import { updateMe } from './api.ts';

const fields = ['displayName', 'locale'] as const;

/** Name and language of the account; the e-mail address is shown with its confirmation state. */
export function ProfileSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const headingId = useId();
  const localeId = useId();
  const form = useApiForm({
    fields,
    required: ['displayName'],
    submit: (v) =>
      updateMe({ displayName: v.displayName, locale: isLocale(v.locale) ? v.locale : undefined }),
    onSuccess: async (updated) => {
      await changeLocale(updated.locale);
      queryClient.setQueryData(authKeys.me, updated);
    },
  });
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('account.profile.title')}</h2>
      <dl className="facts">
        <dt>{t('auth.email')}</dt>
        <dd>
          <span dir="ltr">{me.email}</span>{' '}
          <span className={me.emailVerified ? 'badge badge-ok' : 'badge badge-warn'}>
            {me.emailVerified ? t('account.email_verified') : t('account.email_unverified')}
          </span>
        </dd>
      </dl>
      <ApiForm formRef={form.formRef} onSubmit={form.onSubmit} formError={form.errors.form}>
        <TextField
          name="displayName"
          label={t('auth.display_name')}
          hint={t('auth.display_name_hint')}
          autoComplete="name"
          maxLength={80}
          defaultValue={me.displayName}
          error={form.errors.fields.displayName}
        />
        <div className="field">
          <label htmlFor={localeId}>{t('common.language')}</label>
          <p className="field-hint" id={`${localeId}-hint`}>
            {t('account.language_hint')}
          </p>
          <select
            id={localeId}
            name="locale"
            key={me.locale}
            defaultValue={me.locale}
            aria-describedby={`${localeId}-hint`}
          >
            {LOCALES.map((locale) => (
              <option key={locale} value={locale} lang={locale}>
                {autonym(locale)}
              </option>
            ))}
          </select>
        </div>
        {form.isSuccess && <Alert tone="success">{t('common.saved')}</Alert>}
        <Button type="submit" pending={form.isPending}>
          {t('common.save')}
        </Button>
      </ApiForm>
    </section>
  );
}
