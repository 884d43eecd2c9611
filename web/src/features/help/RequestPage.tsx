import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { HelpRequest } from '../../../../common/contracts/help-requests.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { ServerHtml } from '../../components/ServerHtml.tsx';
import { formatMoment } from '../../lib/dates.ts';
import { expertiseLabel, languageList } from '../../lib/labels.ts';
import { shownName } from '../../lib/people.ts';
import { useMe } from '../auth/api.ts';
import { useCurrentNetwork } from '../networks/NetworkLayout.tsx';
import {
  helpAccess,
  helpKeys,
  offerHelp,
  setHelpRequestStatus,
  updateHelpRequest,
  useHelpRequest,
} from './api.ts';
import type { HelpDraft } from './draft.ts';
import { HelpRequestForm } from './HelpRequestForm.tsx';
import { HelpBadges } from './HelpRequestRow.tsx';
import { isolate } from './labels.ts';
import { ResolveDialog } from './ResolveDialog.tsx';
import { AttachmentList, ResponsesSection } from './ResponsesSection.tsx';
import { SuggestedHelpersPanel } from './SuggestedHelpersPanel.tsx';

/**
 * One help request: what was asked, by whom, its badges, body and files; who offered to help
 * ("I can help" or taking it back), the answers (arriving live) and the answer form; the requester
 * edits, resolves with thanks or reopens; the requester and staff see the suggested helpers.
 */
export default function RequestPage() {
  const network = useCurrentNetwork();
  const { requestId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const request = useHelpRequest(network.slug, requestId);
  const [editing, setEditing] = useState(false);
  const back = (
    <p className="eyebrow">
      <Link to={`/networks/${network.slug}/support`}>{t('help.back')}</Link>
    </p>
  );

  if (request.isPending) return <Loading />;
  if (request.isError)
    return (
      <div className="page stack">
        {back}
        <QueryError error={request.error} onRetry={() => void request.refetch()} />
      </div>
    );
  const data = request.data;
  const isRequester = Boolean(me && data.requester?.id === me.id);
  const showSuggestions = (isRequester || helpAccess(network).manage) && data.status !== 'resolved';

  return (
    <div className="page stack help-request">
      {back}
      <PageHeading title={data.title} userText>
        <span dir="auto">{data.title}</span>
      </PageHeading>
      <HelpBadges request={data} />
      <p className="muted small">
        {data.requester
          ? t('help.asked_by', {
              name: isolate(shownName(t, data.requester)),
              when: formatMoment(data.createdAt, i18n.language),
            })
          : t('help.asked_at', { when: formatMoment(data.createdAt, i18n.language) })}
        {data.languages.length > 0 &&
          ` · ${t('help.in_languages', { languages: languageList(data.languages, i18n.language) })}`}
      </p>
      {data.expertise.length > 0 && (
        <ul className="tags" aria-label={t('help.expertise')}>
          {data.expertise.map((area) => (
            <li key={area}>{expertiseLabel(t, area)}</li>
          ))}
        </ul>
      )}
      {data.kind === 'case' && <p className="muted small">{t('help.case_members_only')}</p>}
      {data.status === 'resolved' && (
        <Alert tone="success">
          {data.resolvedBy
            ? t('help.resolved_by', { name: isolate(shownName(t, data.resolvedBy)) })
            : t('help.status.resolved')}
          {data.thanksNote && (
            <>
              {' '}
              <q className="prewrap" dir="auto">
                {data.thanksNote}
              </q>
            </>
          )}
        </Alert>
      )}

      {editing ? (
        <EditForm slug={network.slug} request={data} onDone={() => setEditing(false)} />
      ) : (
        <article className="card stack" aria-label={t('help.request_body')}>
          <ServerHtml html={data.bodyHtml} />
          <AttachmentList attachments={data.attachments} />
          {data.canEdit && (
            <div>
              <Button variant="quiet" onClick={() => setEditing(true)}>
                {t('help.edit')}
              </Button>
            </div>
          )}
        </article>
      )}

      <Actions slug={network.slug} request={data} />
      <OffersSection request={data} />
      {showSuggestions && me && (
        <SuggestedHelpersPanel slug={network.slug} requestId={data.id} viewerId={me.id} />
      )}
      <ResponsesSection slug={network.slug} request={data} />
    </div>
  );
}

/** Offer help (or take the offer back), resolve with thanks, reopen. */
function Actions({ slug, request }: { slug: string; request: HelpRequest }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [resolving, setResolving] = useState(false);
  const key = helpKeys.request(slug, request.id);
  const done = (next: HelpRequest) => {
    queryClient.setQueryData(key, next);
    void queryClient.invalidateQueries({ queryKey: helpKeys.lists(slug) });
  };
  const offer = useMutation({
    mutationFn: (withdraw: boolean) => offerHelp(slug, request.id, withdraw),
    onSuccess: done,
  });
  const status = useMutation({
    mutationFn: (body: { status: 'resolved' | 'open'; thank?: string[]; thanksNote?: string }) =>
      setHelpRequestStatus(slug, request.id, body),
    onSuccess: (next) => {
      setResolving(false);
      done(next);
      // The button that opened the dialog is gone now: the focus goes back to the page's heading.
      document.querySelector<HTMLElement>('main h1, h1')?.focus();
    },
  });
  if (!request.canOffer && !request.offeredByMe && !request.canResolve && !request.canReopen) return null;
  return (
    <div className="stack-tight">
      <div className="actions help-actions">
        {request.canOffer && !request.offeredByMe && (
          <Button pending={offer.isPending} onClick={() => offer.mutate(false)}>
            {t('help.offer')}
          </Button>
        )}
        {request.offeredByMe && (
          <Button variant="secondary" pending={offer.isPending} onClick={() => offer.mutate(true)}>
            {t('help.withdraw_offer')}
          </Button>
        )}
        {request.canResolve && (
          <Button variant="secondary" onClick={() => setResolving(true)}>
            {t('help.resolve.button')}
          </Button>
        )}
        {request.canReopen && (
          <Button
            variant="secondary"
            pending={status.isPending}
            onClick={() => status.mutate({ status: 'open' })}
          >
            {t('help.reopen')}
          </Button>
        )}
      </div>
      {offer.isError && <Alert tone="error">{offer.error.message}</Alert>}
      {status.isError && !resolving && <Alert tone="error">{status.error.message}</Alert>}
      {request.canResolve && (
        <ResolveDialog
          open={resolving}
          request={request}
          pending={status.isPending}
          error={resolving ? status.error : null}
          onResolve={(thank, thanksNote) => status.mutate({ status: 'resolved', thank, thanksNote })}
          onCancel={() => {
            setResolving(false);
            status.reset();
          }}
        />
      )}
    </div>
  );
}

/** Who offered to help, and whether they were thanked. */
function OffersSection({ request }: { request: HelpRequest }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="stack-tight" aria-labelledby="help-offers-heading">
      <h2 id="help-offers-heading">{t('help.offers', { count: request.offers.length })}</h2>
      {request.offers.length === 0 ? (
        <p className="muted small">{t('help.no_offers')}</p>
      ) : (
        <ul className="plain-list help-offers">
          {request.offers.map((o) => (
            <li key={o.helper.id}>
              <bdi className="strong">{shownName(t, o.helper)}</bdi>{' '}
              <span className="muted small">{formatMoment(o.createdAt, i18n.language)}</span>
              {o.thanked && <span className="badge badge-ok">{t('help.thanked')}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The requester edits the request (kind and files stay as they are). */
function EditForm({ slug, request, onDone }: { slug: string; request: HelpRequest; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<HelpDraft>({
    kind: request.kind,
    title: request.title,
    body: request.bodySource ?? '',
    expertise: request.expertise,
    languages: request.languages,
    urgency: request.urgency,
    deadline: request.deadline ?? '',
    attachments: [],
  });
  const save = useMutation({
    mutationFn: (privacyConfirmed: boolean) =>
      updateHelpRequest(slug, request.id, {
        title: draft.title.trim(),
        body: draft.body,
        expertise: draft.expertise,
        languages: draft.languages,
        urgency: draft.urgency,
        deadline: draft.deadline || null,
        privacyConfirmed,
      }),
    onSuccess: (next) => {
      queryClient.setQueryData(helpKeys.request(slug, request.id), next);
      void queryClient.invalidateQueries({ queryKey: helpKeys.lists(slug) });
      onDone();
    },
  });
  return (
    <HelpRequestForm
      slug={slug}
      mode="edit"
      draft={draft}
      update={(change) => setDraft((d) => ({ ...d, ...change }))}
      onSubmit={(privacyConfirmed) => save.mutate(privacyConfirmed)}
      pending={save.isPending}
      error={save.error}
      submitLabel={t('common.save')}
      actions={
        <Button variant="secondary" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      }
    />
  );
}
