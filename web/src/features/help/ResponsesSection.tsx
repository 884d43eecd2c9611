import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../../common/contracts/discussions.ts';
import type { HelpRequest, HelpResponse } from '../../../../common/contracts/help-requests.ts';
import { HELP_RESPONSE_MAX } from '../../../../common/help-requests.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ServerHtml } from '../../components/ServerHtml.tsx';
import { formatMoment } from '../../lib/dates.ts';
import { shownName } from '../../lib/people.ts';
import { AttachmentPicker } from '../discussions/AttachmentPicker.tsx';
import { Composer } from '../discussions/Composer.tsx';
import { CaseTextField, PrivacyConfirmation } from '../privacy/CaseTextField.tsx';
import { findPersonalData } from '../privacy/privacy-check.ts';
import { helpKeys, privacyFindingsOf, respondToHelpRequest } from './api.ts';
import { withResponse } from './live.ts';

/** Files of a request or a response, as download links with their size. */
export function AttachmentList({ attachments }: { attachments: Attachment[] }) {
  if (attachments.length === 0) return null;
  return (
    <ul className="attachments">
      {attachments.map((a) => (
        <li key={a.id}>
          <a href={a.url} download={a.fileName}>
            <span aria-hidden="true">📎 </span>
            <bdi>{a.fileName}</bdi>
          </a>{' '}
          <span className="muted small">({Math.max(1, Math.round(a.size / 1024))} KB)</span>
        </li>
      ))}
    </ul>
  );
}

function ResponseView({ response }: { response: HelpResponse }) {
  const { t, i18n } = useTranslation();
  const author = response.author ? shownName(t, response.author) : t('help.former_member');
  return (
    <li>
      <article className="post help-response" aria-label={t('help.response_by', { name: author })}>
        <header className="post-head small">
          <bdi className="strong">{author}</bdi>
          <time className="muted" dateTime={response.createdAt}>
            {formatMoment(response.createdAt, i18n.language)}
          </time>
          {response.thanked && <span className="badge badge-ok">{t('help.thanked')}</span>}
        </header>
        <ServerHtml html={response.bodyHtml} />
        <AttachmentList attachments={response.attachments} />
      </article>
    </li>
  );
}

/**
 * The answers to a request, oldest first (new ones arrive over the socket), and the form to answer.
 * An answer to a case consultation is privacy-checked as the request was.
 */
export function ResponsesSection({ slug, request }: { slug: string; request: HelpRequest }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [confirmed, setConfirmed] = useState(false);
  const [mustConfirm, setMustConfirm] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  const isCase = request.kind === 'case';
  const respond = useMutation({
    mutationFn: (privacyConfirmed: boolean) =>
      respondToHelpRequest(slug, request.id, {
        body,
        attachmentIds: attachments.map((a) => a.id),
        privacyConfirmed,
      }),
    onSuccess: (response) => {
      const key = helpKeys.request(slug, request.id);
      const cached = queryClient.getQueryData<HelpRequest>(key);
      const merged = cached && withResponse(cached, response);
      if (merged) queryClient.setQueryData(key, merged);
      void queryClient.invalidateQueries({ queryKey: helpKeys.all(slug) });
      setBody('');
      setAttachments([]);
      setConfirmed(false);
      setMustConfirm(false);
    },
  });
  const server = privacyFindingsOf(respond.error);
  useEffect(() => {
    if (mustConfirm || server) confirmRef.current?.querySelector('input')?.focus();
  }, [mustConfirm, server]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (body.trim() === '') return;
    if (!isCase) return respond.mutate(false);
    const needed = (await findPersonalData(body)).length > 0 || server !== null;
    if (needed && !confirmed) return setMustConfirm(true);
    respond.mutate(needed);
  }

  return (
    <section className="stack" aria-labelledby="help-responses-heading">
      <h2 id="help-responses-heading">{t('help.responses', { count: request.responses.length })}</h2>
      {request.responses.length === 0 ? (
        <p className="empty">{t('help.no_responses')}</p>
      ) : (
        <ol className="post-list">
          {request.responses.map((r) => (
            <ResponseView key={r.id} response={r} />
          ))}
        </ol>
      )}
      {request.canRespond && (
        <form className="card form" onSubmit={submit} noValidate>
          {isCase ? (
            <CaseTextField
              name="response"
              label={t('help.respond_label')}
              hint={t('help.respond_case_hint')}
              maxLength={HELP_RESPONSE_MAX}
              rows={5}
              value={body}
              onChange={(value) => {
                setBody(value);
                setConfirmed(false);
              }}
            />
          ) : (
            <Composer slug={slug} label={t('help.respond_label')} value={body} onChange={setBody} rows={5} />
          )}
          <AttachmentPicker slug={slug} attachments={attachments} onChange={setAttachments} />
          {isCase && (mustConfirm || server) && (
            <div ref={confirmRef} className="stack-tight">
              <Alert tone={confirmed ? 'info' : 'error'}>{t('help.respond_confirm_needed')}</Alert>
              <PrivacyConfirmation checked={confirmed} onChange={setConfirmed} />
            </div>
          )}
          {respond.isError && !server && <Alert tone="error">{respond.error.message}</Alert>}
          <div className="actions">
            <Button type="submit" pending={respond.isPending} disabled={body.trim() === ''}>
              {t('help.respond_submit')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
