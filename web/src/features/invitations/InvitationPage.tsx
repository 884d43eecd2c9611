import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { AcceptedInvitation } from '../../../../common/contracts/invitations.ts';
import { Alert } from '../../components/Alert.tsx';
import { ApiForm } from '../../components/ApiForm.tsx';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { currentLocale } from '../../lib/i18n.ts';
import { levelLabel, roleLabel } from '../../lib/labels.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { AccountFields } from '../auth/AccountFields.tsx';
import { authKeys, useMe } from '../auth/api.ts';
import { hasPublishedLegal, legalKeys, shownVersions, useCurrentLegal } from '../legal/api.ts';
import { ConsentField } from '../legal/ConsentField.tsx';
import { networkKeys } from '../networks/api.ts';
import { acceptInvitation, type InvitationPreview, useInvitationPreview } from './api.ts';

/** Where the invitation mail (or a shared link) leads: what it is, then join — signing up on the way if needed. */
export default function InvitationPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const { data: me, isPending: mePending } = useMe();
  const preview = useInvitationPreview(token);
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const joined = async (result: AcceptedInvitation) => {
    if (result.accountCreated) await queryClient.invalidateQueries({ queryKey: authKeys.me });
    void queryClient.invalidateQueries({ queryKey: networkKeys.mine });
    // New members start at the agreement: nothing else of the network opens before they accept it.
    navigate(`/networks/${result.network.slug}/agreement`, { replace: true });
  };
  const join = useMutation({ mutationFn: () => acceptInvitation(token), onSuccess: joined });

  if (preview.isPending || mePending) return <Loading />;
  if (preview.isError) {
    return (
      <div className="page page-narrow stack">
        <PageHeading title={t('invitations.landing.title_generic')} />
        <QueryError error={preview.error} />
      </div>
    );
  }
  const inv = preview.data;
  const role = inv.level ? `${roleLabel(t, inv.role)} (${levelLabel(t, inv.level)})` : roleLabel(t, inv.role);
  const statusMessage: Record<Exclude<InvitationPreview['status'], 'valid'>, string> = {
    expired: t('invitations.landing.expired'),
    revoked: t('invitations.landing.revoked'),
    used: t('invitations.landing.used'),
  };

  return (
    <div className="page page-narrow stack">
      <PageHeading title={t('invitations.landing.title', { network: inv.network.name })} />
      <p className="lead">
        {inv.inviterName
          ? t('invitations.landing.intro_by', { name: inv.inviterName, network: inv.network.name, role })
          : t('invitations.landing.intro', { network: inv.network.name, role })}
      </p>
      {inv.status !== 'valid' ? (
        <Alert tone="error">{statusMessage[inv.status]}</Alert>
      ) : (
        <>
          <p className="muted small">{t('invitations.landing.expires', { date: new Date(inv.expiresAt) })}</p>
          <p>{t('invitations.landing.agreement_note')}</p>
          {me ? (
            <section className="card stack" aria-labelledby="join-heading">
              <h2 id="join-heading">{t('invitations.landing.join_title')}</h2>
              <p>{t('invitations.landing.signed_in_as', { name: me.displayName, email: me.email })}</p>
              {join.isError && <Alert tone="error">{join.error.message}</Alert>}
              <div>
                <Button pending={join.isPending} onClick={() => join.mutate()}>
                  {t('invitations.landing.join', { network: inv.network.name })}
                </Button>
              </div>
            </section>
          ) : inv.accountExists ? (
            <section className="card stack" aria-labelledby="join-heading">
              <h2 id="join-heading">{t('invitations.landing.join_title')}</h2>
              <p>{t('invitations.landing.account_exists', { email: inv.email ?? '' })}</p>
              <p>
                <Link
                  className="button button-primary"
                  to={`/signin?next=${encodeURIComponent(`/invitations/${token}`)}`}
                >
                  {t('invitations.landing.sign_in_to_join')}
                </Link>
              </p>
            </section>
          ) : (
            <SignUpAndJoin token={token} invitation={inv} onJoined={joined} />
          )}
        </>
      )}
    </div>
  );
}

const fields = ['displayName', 'email', 'password', 'consent'] as const;

function SignUpAndJoin({
  token,
  invitation,
  onJoined,
}: {
  token: string;
  invitation: InvitationPreview;
  onJoined: (result: AcceptedInvitation) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const legal = useCurrentLegal();
  const byLink = invitation.kind === 'link';
  const form = useApiForm({
    fields,
    required: byLink ? ['displayName', 'email', 'password'] : ['displayName', 'password'],
    codeFields: { WEAK_PASSWORD: 'password', EMAIL_TAKEN: 'email', DOCUMENT_CHANGED: 'consent' },
    validate: (v) =>
      legal.data && hasPublishedLegal(legal.data) && v.consent !== 'yes'
        ? { consent: t('legal.consent.missing') }
        : {},
    submit: async (v) => {
      try {
        // A new account accepts the texts on screen, as at sign-up (a newer one is refused and shown).
        return await acceptInvitation(token, {
          displayName: v.displayName,
          password: v.password,
          locale: currentLocale(),
          ...(byLink ? { email: v.email } : {}),
          acceptedLegal: legal.data ? shownVersions(legal.data) : {},
        });
      } catch (error) {
        if (isApiError(error, 'DOCUMENT_CHANGED'))
          void queryClient.invalidateQueries({ queryKey: legalKeys.current });
        throw error;
      }
    },
    onSuccess: onJoined,
  });
  if (legal.isPending) return <Loading />;
  if (legal.isError) return <QueryError error={legal.error} onRetry={() => void legal.refetch()} />;
  return (
    <section className="card stack" aria-labelledby="signup-heading">
      <h2 id="signup-heading">{t('invitations.landing.signup_title')}</h2>
      <ApiForm formRef={form.formRef} onSubmit={form.onSubmit} formError={form.errors.form}>
        {invitation.email && (
          <dl className="facts">
            <dt>{t('auth.email')}</dt>
            <dd dir="ltr">{invitation.email}</dd>
          </dl>
        )}
        <AccountFields errors={form.errors.fields} withEmail={byLink} />
        <ConsentField
          key={JSON.stringify(shownVersions(legal.data))}
          current={legal.data}
          error={form.errors.fields.consent}
        />
        <Button type="submit" pending={form.isPending}>
          {t('invitations.landing.signup_submit')}
        </Button>
      </ApiForm>
      <p>
        <Link to={`/signin?next=${encodeURIComponent(`/invitations/${token}`)}`}>
          {t('auth.sign_up.have_account')}
        </Link>
      </p>
    </section>
  );
}
