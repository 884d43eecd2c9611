import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiForm } from '../../components/ApiForm.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { TextAreaField, TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { ServerPreview } from '../../components/ServerPreview.tsx';
import { useApiForm } from '../../lib/use-api-form.ts';
import { useConfirmedSubmit } from '../../lib/use-confirmed-submit.ts';
import { useSettled } from '../../lib/use-settled.ts';
import { can, networkKeys } from '../networks/api.ts';
import { useCurrentNetwork } from '../networks/NetworkLayout.tsx';
import { documentKeys, publishDocument, useDocumentPreview, useDocuments } from './api.ts';

const fields = ['title', 'body', 'summary'] as const;

/** The server's rendering of the text being edited. */
function Preview({ slug, source }: { slug: string; source: string }) {
  const { t } = useTranslation();
  return (
    <ServerPreview
      id="preview-heading"
      heading={t('networks.agreement.preview')}
      preview={useDocumentPreview(slug, useSettled(source))}
    />
  );
}

/** Meta-mentors publish a new version of the agreement or the rules; everyone accepts it again. */
export default function PublishDocumentPage() {
  const network = useCurrentNetwork();
  const { kind = 'agreement' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const documents = useDocuments(network.slug);
  const [body, setBody] = useState<string | null>(null);
  const form = useApiForm({
    fields,
    required: ['title', 'body'],
    submit: (v) =>
      publishDocument(network.slug, kind, {
        title: v.title,
        body: v.body,
        ...(v.summary.trim() && { summary: v.summary }),
      }),
    onSuccess: async () => {
      confirm.close();
      await queryClient.invalidateQueries({ queryKey: networkKeys.detail(network.slug) });
      void queryClient.invalidateQueries({ queryKey: documentKeys.all(network.slug) });
      navigate(`/networks/${network.slug}/agreement`);
    },
  });
  const confirm = useConfirmedSubmit(form);
  if (kind !== 'agreement' && kind !== 'rules')
    return <QueryError error={new Error(t('common.not_found_body'))} />;
  if (!can(network, 'documents.publish')) return <QueryError error={new Error(t('errors.FORBIDDEN'))} />;
  if (documents.isPending) return <Loading />;
  if (documents.isError) return <QueryError error={documents.error} />;
  const current = documents.data.documents.find((d) => d.kind === kind);
  const source = body ?? current?.body ?? '';
  return (
    <div className="page stack">
      <PageHeading
        title={
          kind === 'agreement'
            ? t('networks.agreement.publish_agreement')
            : t('networks.agreement.publish_rules')
        }
      />
      <p>{t('networks.agreement.publish_intro')}</p>
      <p>
        <Link to={`/networks/${network.slug}/agreement`}>{t('networks.agreement.back')}</Link>
      </p>
      <ApiForm formRef={form.formRef} formError={form.errors.form} onSubmit={confirm.onSubmit}>
        <TextField
          name="title"
          label={t('networks.agreement.doc_title')}
          defaultValue={current?.title}
          maxLength={200}
          error={form.errors.fields.title}
        />
        <TextAreaField
          name="body"
          label={t('networks.agreement.doc_body')}
          hint={t('networks.agreement.doc_body_hint')}
          rows={16}
          defaultValue={current?.body}
          onChange={(e) => setBody(e.target.value)}
          error={form.errors.fields.body}
          className="mono"
        />
        <TextAreaField
          name="summary"
          label={t('networks.agreement.doc_summary')}
          hint={t('networks.agreement.doc_summary_hint')}
          rows={3}
          maxLength={2000}
          error={form.errors.fields.summary}
        />
        <Button type="submit">{t('networks.agreement.publish')}</Button>
      </ApiForm>
      <Preview slug={network.slug} source={source} />
      <ConfirmDialog
        {...confirm.dialog}
        tone="primary"
        message={t('networks.agreement.publish_confirm')}
        confirmLabel={t('networks.agreement.publish')}
      />
    </div>
  );
}
