import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useParams } from 'react-router';
import type { LegalVersion } from '../../../../common/contracts/legal.ts';
import { LEGAL_KINDS, type LegalKind } from '../../../../common/legal.ts';
import { Alert } from '../../components/Alert.tsx';
import { ApiForm } from '../../components/ApiForm.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { TextAreaField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { ServerPreview } from '../../components/ServerPreview.tsx';
import { useApiForm } from '../../lib/use-api-form.ts';
import { useConfirmedSubmit } from '../../lib/use-confirmed-submit.ts';
import { useSettled } from '../../lib/use-settled.ts';
import { useMe } from '../auth/api.ts';
import { fetchLegalTemplate, legalKeys, publishLegal, useCurrentLegal, useLegalPreview } from './api.ts';

const fields = ['body', 'summary'] as const;
const TEMPLATE_LOCALES = ['en', 'de'] as const;

/** Platform admins edit and publish the privacy notice (/admin/legal/privacy) and terms of use (/admin/legal/terms). */
export default function LegalAdminPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { kind: param } = useParams();
  const kind: LegalKind = param === 'terms' ? 'terms' : 'privacy';
  return (
    <div className="page stack">
      <PageHeading title={t('legal.admin.title')} />
      {me && !me.isPlatformAdmin ? (
        <Alert tone="error">{t('errors.FORBIDDEN')}</Alert>
      ) : (
        <>
          <p>{t('legal.admin.intro')}</p>
          <nav aria-label={t('legal.admin.title')}>
            <ul className="actions">
              {LEGAL_KINDS.map((k) => (
                <li key={k}>
                  <NavLink className="button button-secondary" to={`/admin/legal/${k}`}>
                    {k === 'privacy' ? t('nav.privacy_notice') : t('nav.terms_of_use')}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <LegalEditor key={kind} kind={kind} />
        </>
      )}
    </div>
  );
}

function LegalEditor({ kind }: { kind: LegalKind }) {
  const { t } = useTranslation();
  const legal = useCurrentLegal();
  if (legal.isPending) return <Loading />;
  if (legal.isError) return <QueryError error={legal.error} onRetry={() => void legal.refetch()} />;
  const current = legal.data[kind];
  return (
    <section className="stack" aria-labelledby="legal-editor-heading">
      <h2 id="legal-editor-heading">
        {kind === 'privacy' ? t('nav.privacy_notice') : t('nav.terms_of_use')}
      </h2>
      <p className="muted">
        {current
          ? t('legal.gate.version', { kind, version: current.version, date: new Date(current.publishedAt) })
          : t('legal.page.none', { kind })}
      </p>
      <LegalForm kind={kind} current={current} />
    </section>
  );
}

function LegalForm({ kind, current }: { kind: LegalKind; current: LegalVersion | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [body, setBody] = useState(current?.body ?? '');
  const [published, setPublished] = useState<number | null>(null);
  const next = (current?.version ?? 0) + 1;
  const template = useMutation({
    mutationFn: (locale: 'en' | 'de') => fetchLegalTemplate(kind, locale),
    onSuccess: (result) => {
      setBody(result.body);
      setPublished(null);
    },
  });
  const form = useApiForm({
    fields,
    required: ['body'],
    submit: (v) => publishLegal(kind, v),
    onSuccess: async (result) => {
      confirm.close();
      setPublished(result.version);
      form.formRef.current?.reset();
      await queryClient.invalidateQueries({ queryKey: legalKeys.current, exact: true });
      void queryClient.invalidateQueries({ queryKey: legalKeys.pending });
    },
  });
  const confirm = useConfirmedSubmit(form);
  return (
    <>
      {published !== null && (
        <Alert tone="success">{t('legal.admin.published', { kind, version: published })}</Alert>
      )}
      <div className="stack-tight">
        <p>{t('legal.admin.template_hint')}</p>
        <ul className="actions">
          {TEMPLATE_LOCALES.map((locale) => (
            <li key={locale}>
              <Button
                variant="secondary"
                pending={template.isPending && template.variables === locale}
                onClick={() => template.mutate(locale)}
              >
                {t('legal.admin.template', { locale })}
              </Button>
            </li>
          ))}
        </ul>
        {template.isError && <Alert tone="error">{template.error.message}</Alert>}
      </div>
      <ApiForm formRef={form.formRef} formError={form.errors.form} onSubmit={confirm.onSubmit}>
        <TextAreaField
          name="body"
          label={t('legal.admin.body_label')}
          hint={t('legal.admin.body_hint')}
          rows={18}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          error={form.errors.fields.body}
          className="mono"
        />
        <TextAreaField
          name="summary"
          label={t('legal.admin.summary_label')}
          hint={t('legal.admin.summary_hint')}
          rows={3}
          maxLength={300}
          error={form.errors.fields.summary}
        />
        <Button type="submit">{t('legal.admin.publish', { version: next })}</Button>
      </ApiForm>
      <Preview source={body} />
      <ConfirmDialog
        {...confirm.dialog}
        tone="primary"
        message={t('legal.admin.publish_confirm', { version: next })}
        confirmLabel={t('legal.admin.publish', { version: next })}
      />
    </>
  );
}

/** The server's rendering of the text being edited. */
function Preview({ source }: { source: string }) {
  const { t } = useTranslation();
  return (
    <ServerPreview
      id="legal-preview-heading"
      heading={t('legal.admin.preview')}
      preview={useLegalPreview(useSettled(source))}
    />
  );
}
