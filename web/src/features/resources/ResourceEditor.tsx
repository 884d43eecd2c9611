import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Resource, ResourceConflict } from '../../../../common/contracts/resources.ts';
import type { ExpertiseArea } from '../../../../common/expertise.ts';
import { LANGUAGE_CODES, type LanguageCode, languageName } from '../../../../common/languages.ts';
import { RESOURCE_KINDS, RESOURCE_REGION_MAX, type ResourceKind } from '../../../../common/resources.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { ServerHtml } from '../../components/ServerHtml.tsx';
import { toFormErrors } from '../../lib/form-errors.ts';
import { shownName } from '../../lib/people.ts';
import { useCurrentNetwork } from '../networks/NetworkLayout.tsx';
import {
  conflictOf,
  createResource,
  parseTags,
  previewResource,
  resourceKeys,
  updateResource,
  uploadResourceFile,
  useResource,
} from './api.ts';
import { DiffView } from './DiffView.tsx';
import { ExpertiseChoices } from './ExpertiseChoices.tsx';
import { resourceKindLabel } from './labels.ts';
import { ShareWithPartnersField } from '../partners/ShareWithPartnersField.tsx';

const FIELDS = [
  'kind',
  'title',
  'body',
  'url',
  'attachmentId',
  'tags',
  'language',
  'expertise',
  'region',
  'summary',
] as const;

/** The draft of the form: what the editor typed, never thrown away by a failed save. */
interface Draft {
  kind: ResourceKind;
  title: string;
  body: string;
  url: string;
  tags: string;
  language: string;
  expertise: ExpertiseArea[];
  region: string;
  summary: string;
  shareWithPartners: boolean;
}

const draftOf = (r: Resource | undefined, language: string): Draft => ({
  kind: r?.kind ?? 'page',
  title: r?.title ?? '',
  body: r?.bodySource ?? '',
  url: r?.url ?? '',
  tags: r?.tags.join(', ') ?? '',
  language: r?.language ?? language,
  expertise: (r?.expertise ?? []) as ExpertiseArea[],
  region: r?.region ?? '',
  summary: '',
  shareWithPartners: r?.shareWithPartners ?? false,
});

/** The new-resource page and the edit page of one resource. */
export default function ResourceEditorPage() {
  const network = useCurrentNetwork();
  const { id } = useParams();
  const resource = useResource(network.slug, id ?? '', id !== undefined);
  if (id === undefined) return <ResourceEditor />;
  if (resource.isPending) return <Loading />;
  if (resource.isError) return <QueryError error={resource.error} />;
  return <ResourceEditor key={resource.data.id} resource={resource.data} />;
}

/**
 * The editor: kind (new only), title, Markdown with a preview rendered by the server, the address
 * of a link, the file of a file, tags, language, expertise areas, the region it applies to (if
 * any) and an edit summary. A save on top of someone
 * else's newer revision comes back as a conflict: the editor keeps the caller's text, shows the
 * newer one and their difference, and the next save goes on top of the newer revision.
 */
export function ResourceEditor({ resource }: { resource?: Resource }) {
  const network = useCurrentNetwork();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(resource, i18n.language.slice(0, 2)));
  const [baseRevision, setBaseRevision] = useState(resource?.revision ?? 1);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ResourceConflict | null>(null);
  const change = (name: keyof Draft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [name]: e.target.value }));

  const save = useMutation({
    mutationFn: async () => {
      const common = {
        title: draft.title,
        body: draft.body,
        tags: parseTags(draft.tags),
        language: draft.language as LanguageCode,
        expertise: draft.expertise,
        region: draft.region.trim() || null,
        summary: draft.summary,
        shareWithPartners: draft.shareWithPartners,
        ...(draft.kind === 'link' && { url: draft.url }),
      };
      if (resource) return updateResource(network.slug, resource.id, { ...common, baseRevision });
      const attachmentId =
        draft.kind === 'file' && file ? (await uploadResourceFile(network.slug, file)).id : undefined;
      return createResource(network.slug, { ...common, kind: draft.kind, attachmentId });
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: resourceKeys.all(network.slug) });
      navigate(`/networks/${network.slug}/resources/${saved.id}`);
    },
    onError: (error) => {
      const found = conflictOf(error);
      if (!found) return;
      // Nothing is lost: the caller's text stays in the editor; the next save builds on the newer revision.
      setConflict(found);
      setBaseRevision(found.current.revision);
    },
  });
  const showPreview = useMutation({
    mutationFn: () => previewResource(network.slug, draft.body),
    onSuccess: (answer) => setPreview(answer.html),
  });
  const errors = conflictOf(save.error) ? { fields: {} } : toFormErrors(save.error, FIELDS);
  const err = (name: (typeof FIELDS)[number]) => (errors.fields as Record<string, string | undefined>)[name];

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  const title = resource ? t('resources.edit_title') : t('resources.new_title');
  const back = resource
    ? `/networks/${network.slug}/resources/${resource.id}`
    : `/networks/${network.slug}/resources`;
  return (
    <div className="page stack">
      <p>
        <Link to={back}>{t('resources.back')}</Link>
      </p>
      <PageHeading title={title} />
      {conflict && (
        <section className="card stack conflict" aria-labelledby="conflict-heading">
          <h2 id="conflict-heading">{t('resources.conflict.title')}</h2>
          <Alert tone="error">
            {t('resources.conflict.explain', {
              name: `\u2068${conflict.current.author ? shownName(t, conflict.current.author) : t('resources.someone')}\u2069`,
              revision: conflict.current.revision,
            })}
          </Alert>
          <DiffView parts={conflict.diff} label={t('resources.conflict.diff_label')} />
          <details className="disclosure">
            <summary>{t('resources.conflict.their_text')}</summary>
            <pre className="conflict-text" dir="auto">
              {conflict.current.body}
            </pre>
          </details>
          <div className="row-actions">
            <Button
              variant="secondary"
              onClick={() => {
                setDraft((d) => ({ ...d, title: conflict.current.title, body: conflict.current.body }));
                setConflict(null);
              }}
            >
              {t('resources.conflict.take_theirs')}
            </Button>
            <Button variant="secondary" onClick={() => setConflict(null)}>
              {t('resources.conflict.keep_mine')}
            </Button>
          </div>
        </section>
      )}
      <form className="stack" onSubmit={submit} noValidate>
        {errors.form && <Alert tone="error">{errors.form}</Alert>}
        {!resource && (
          <SelectField
            name="kind"
            label={t('resources.kind_label')}
            value={draft.kind}
            onChange={change('kind')}
            options={RESOURCE_KINDS.map((k) => ({ value: k, label: resourceKindLabel(t, k) }))}
          />
        )}
        <TextField
          name="title"
          label={t('resources.field_title')}
          value={draft.title}
          onChange={change('title')}
          error={err('title')}
          required
          maxLength={160}
          dir="auto"
        />
        {draft.kind === 'link' && (
          <TextField
            name="url"
            type="url"
            label={t('resources.field_url')}
            hint={t('resources.field_url_hint')}
            value={draft.url}
            onChange={change('url')}
            error={err('url')}
            required
            dir="ltr"
          />
        )}
        {draft.kind === 'file' && !resource && (
          <TextField
            name="file"
            type="file"
            label={t('resources.field_file')}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            error={err('attachmentId')}
            required
          />
        )}
        <TextAreaField
          name="body"
          label={draft.kind === 'page' ? t('resources.field_body') : t('resources.field_description')}
          hint={t('resources.field_body_hint')}
          value={draft.body}
          onChange={change('body')}
          error={err('body')}
          rows={draft.kind === 'page' ? 14 : 4}
          dir="auto"
        />
        <div>
          <Button variant="secondary" onClick={() => showPreview.mutate()} disabled={showPreview.isPending}>
            {t('resources.preview_action')}
          </Button>
        </div>
        {showPreview.error && <Alert tone="error">{showPreview.error.message}</Alert>}
        {preview !== null && (
          <section className="card" aria-label={t('resources.preview_label')}>
            <ServerHtml html={preview} />
          </section>
        )}
        <TextField
          name="tags"
          label={t('resources.field_tags')}
          hint={t('resources.field_tags_hint')}
          value={draft.tags}
          onChange={change('tags')}
          error={err('tags')}
          dir="auto"
        />
        <SelectField
          name="language"
          label={t('resources.language')}
          value={draft.language}
          onChange={change('language')}
          error={err('language')}
          options={LANGUAGE_CODES.map((c) => ({ value: c, label: languageName(c, i18n.language) }))}
        />
        <ExpertiseChoices
          value={draft.expertise}
          onChange={(expertise) => setDraft((d) => ({ ...d, expertise }))}
          error={err('expertise')}
        />
        <TextField
          name="region"
          label={t('resources.field_region')}
          hint={t('resources.field_region_hint')}
          value={draft.region}
          onChange={change('region')}
          error={err('region')}
          maxLength={RESOURCE_REGION_MAX}
          dir="auto"
        />
        <ShareWithPartnersField
          checked={draft.shareWithPartners}
          onChange={(checked) => setDraft((d) => ({ ...d, shareWithPartners: checked }))}
        />
        <TextField
          name="summary"
          label={t('resources.field_summary')}
          hint={t('resources.field_summary_hint')}
          value={draft.summary}
          onChange={change('summary')}
          error={err('summary')}
          maxLength={200}
          dir="auto"
        />
        <div>
          <Button type="submit" disabled={save.isPending}>
            {t('resources.save_action')}
          </Button>
        </div>
      </form>
    </div>
  );
}
