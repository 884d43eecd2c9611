import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { Attachment } from '../../../../common/contracts/discussions.ts';
import { MAX_TITLE_CHARS } from '../../../../common/discussions.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { toFormErrors } from '../../lib/form-errors.ts';
import { useCurrentNetwork } from '../networks/NetworkLayout.tsx';
import { AttachmentPicker } from './AttachmentPicker.tsx';
import { discussionKeys, startTopic, useSpaces } from './api.ts';
import { Composer } from './Composer.tsx';

export default function NewTopicPage() {
  const network = useCurrentNetwork();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const spaces = useSpaces(network.slug);
  const [body, setBody] = useState('');
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const create = useMutation({
    mutationFn: (input: { spaceId: string; title: string }) =>
      startTopic(network.slug, { ...input, body, attachmentIds: attachments.map((a) => a.id) }),
    onSuccess: (topic) => {
      void queryClient.invalidateQueries({ queryKey: discussionKeys.topicLists(network.slug) });
      navigate(`/networks/${network.slug}/discussions/${topic.id}`);
    },
  });
  const formErrors = create.isError
    ? toFormErrors(create.error, ['title', 'body', 'spaceId'] as const)
    : undefined;
  const errors = formErrors?.fields ?? {};

  if (spaces.isPending) return <Loading />;
  if (spaces.isError) return <QueryError error={spaces.error} />;
  const open = spaces.data.spaces.filter((s) => !s.archived);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    create.mutate({
      spaceId: String(data.get('spaceId') ?? ''),
      title: String(data.get('title') ?? '').trim(),
    });
  }

  return (
    <div className="page stack">
      <PageHeading title={t('discussions.new_topic')} />
      <form className="card form" onSubmit={onSubmit} noValidate>
        <SelectField
          name="spaceId"
          label={t('discussions.space')}
          defaultValue={params.get('space') ?? open[0]?.id}
          options={open.map((s) => ({ value: s.id, label: s.name }))}
        />
        <TextField
          name="title"
          label={t('discussions.topic_title')}
          required
          maxLength={MAX_TITLE_CHARS}
          error={errors.title}
        />
        <Composer
          slug={network.slug}
          label={t('discussions.topic_body')}
          value={body}
          onChange={setBody}
          error={errors.body}
          rows={8}
        />
        <AttachmentPicker slug={network.slug} attachments={attachments} onChange={setAttachments} />
        {formErrors?.form && <Alert tone="error">{formErrors.form}</Alert>}
        <div className="actions">
          <Button type="submit" pending={create.isPending}>
            {t('discussions.publish')}
          </Button>
        </div>
      </form>
    </div>
  );
}
