import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useCurrentNetwork } from '../networks/NetworkLayout.tsx';
import { createHelpRequest, helpAccess, helpKeys } from './api.ts';
import { isBlank, useHelpDraft } from './draft.ts';
import { HelpRequestForm } from './HelpRequestForm.tsx';

/**
 * "Ask for support": the form of a new help request or case consultation. What is typed is kept
 * as a draft in the tab until it is posted, so a failed post loses nothing.
 */
export default function AskPage() {
  const network = useCurrentNetwork();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const { draft, update, discard } = useHelpDraft(
    network.slug,
    params.get('kind') === 'case' ? 'case' : 'question',
  );
  const [restored] = useState(() => !isBlank(draft));
  const [discarding, setDiscarding] = useState(false);
  const create = useMutation({
    mutationFn: (privacyConfirmed: boolean) =>
      createHelpRequest(network.slug, {
        kind: draft.kind,
        title: draft.title.trim(),
        body: draft.body,
        expertise: draft.expertise,
        languages: draft.languages,
        urgency: draft.urgency,
        deadline: draft.deadline || null,
        attachmentIds: draft.attachments.map((a) => a.id),
        privacyConfirmed,
      }),
    onSuccess: (request) => {
      discard();
      void queryClient.invalidateQueries({ queryKey: helpKeys.lists(network.slug) });
      navigate(`/networks/${network.slug}/support/${request.id}`);
    },
  });
  const back = `/networks/${network.slug}/support`;

  if (!helpAccess(network).ask) {
    return (
      <div className="page stack">
        <PageHeading title={t('help.ask_title')} />
        <p className="empty">{t('help.members_only')}</p>
      </div>
    );
  }

  return (
    <div className="page stack">
      <p>
        <Link to={back}>{t('help.back')}</Link>
      </p>
      <PageHeading title={t('help.ask_title')} />
      <p className="muted">{t('help.ask_intro')}</p>
      {restored && !isBlank(draft) && <Alert tone="info">{t('help.form.draft_restored')}</Alert>}
      <HelpRequestForm
        slug={network.slug}
        mode="ask"
        draft={draft}
        update={update}
        onSubmit={(privacyConfirmed) => create.mutate(privacyConfirmed)}
        pending={create.isPending}
        error={create.error}
        submitLabel={t('help.form.submit')}
        actions={
          !isBlank(draft) && (
            <Button variant="quiet" onClick={() => setDiscarding(true)}>
              {t('help.form.discard')}
            </Button>
          )
        }
      />
      <ConfirmDialog
        open={discarding}
        message={t('help.form.discard_confirm')}
        confirmLabel={t('help.form.discard')}
        onConfirm={() => {
          discard();
          setDiscarding(false);
          create.reset();
        }}
        onCancel={() => setDiscarding(false)}
      />
    </div>
  );
}
