import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Invitation } from '../../../../common/contracts/invitations.ts';
import { INVITATION_DEFAULT_DAYS, INVITATION_MAX_DAYS } from '../../../../common/invitations.ts';
import { MENTOR_LEVELS, NETWORK_ROLES } from '../../../../common/permissions.ts';
import { hasMentorLevel } from '../../../../common/policies/standing.ts';
import { Alert } from '../../components/Alert.tsx';
import { ApiForm } from '../../components/ApiForm.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ChoiceGroup, SelectField, TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { levelLabel, roleLabel } from '../../lib/labels.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { useCurrentNetwork } from '../networks/NetworkLayout.tsx';
import { createInvitation, invitationKeys, revokeInvitation, useInvitations } from './api.ts';

const fields = ['kind', 'email', 'role', 'level', 'expiresInDays'] as const;

export default function InvitationsPage() {
  const network = useCurrentNetwork();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<'email' | 'link'>('email');
  const [role, setRole] = useState<string>('mentor');
  const [status, setStatus] = useState<'pending' | 'all'>('pending');
  const [link, setLink] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const invitations = useInvitations(network.slug, status);
  const refresh = () => queryClient.invalidateQueries({ queryKey: invitationKeys.all(network.slug) });

  const form = useApiForm({
    fields,
    required: kind === 'email' ? ['email'] : [],
    submit: (v) => {
      const days = Number(v.expiresInDays) || INVITATION_DEFAULT_DAYS;
      const common = {
        role: v.role as Invitation['role'],
        ...(hasMentorLevel(v.role as Invitation['role'])
          ? { level: (v.level || 'beginner') as 'beginner' | 'experienced' }
          : {}),
        expiresInDays: days,
      };
      return createInvitation(
        network.slug,
        kind === 'email' ? { kind: 'email', email: v.email, ...common } : { kind: 'link', ...common },
      );
    },
    onSuccess: (created) => {
      setLink(created.url ?? null);
      setSentTo(created.invitation.email);
      if (created.invitation.kind === 'email') form.formRef.current?.reset();
      void refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => revokeInvitation(network.slug, id),
    onSuccess: () => {
      setRevoking(null);
      void refresh();
    },
  });

  const statusLabel = (s: Invitation['status']) =>
    ({
      pending: t('invitations.status.pending'),
      accepted: t('invitations.status.accepted'),
      expired: t('invitations.status.expired'),
      revoked: t('invitations.status.revoked'),
    })[s];
  const list = invitations.data?.invitations ?? [];

  return (
    <div className="page stack">
      <PageHeading title={t('invitations.title')} />
      <section className="card stack" aria-labelledby="invite-heading">
        <h2 id="invite-heading">{t('invitations.new_title')}</h2>
        <ApiForm formRef={form.formRef} onSubmit={form.onSubmit} formError={form.errors.form}>
          <fieldset className="field choice-group">
            <legend>{t('invitations.kind')}</legend>
            <div className="choices">
              <label className="choice">
                <input
                  type="radio"
                  name="kind"
                  value="email"
                  checked={kind === 'email'}
                  onChange={() => setKind('email')}
                />
                <span>{t('invitations.kind_email')}</span>
              </label>
              <label className="choice">
                <input
                  type="radio"
                  name="kind"
                  value="link"
                  checked={kind === 'link'}
                  onChange={() => setKind('link')}
                />
                <span>{t('invitations.kind_link')}</span>
              </label>
            </div>
          </fieldset>
          {kind === 'email' && (
            <TextField
              name="email"
              type="email"
              dir="ltr"
              label={t('auth.email')}
              hint={t('invitations.email_hint')}
              error={form.errors.fields.email}
            />
          )}
          <SelectField
            name="role"
            label={t('invitations.role')}
            value={role}
            onChange={(e) => setRole(e.target.value)}
            options={NETWORK_ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }))}
            error={form.errors.fields.role}
          />
          {hasMentorLevel(role as Invitation['role']) && (
            <ChoiceGroup
              type="radio"
              name="level"
              legend={t('invitations.level')}
              options={MENTOR_LEVELS.map((l) => ({ value: l, label: levelLabel(t, l) }))}
              defaultValue={['beginner']}
              error={form.errors.fields.level}
            />
          )}
          <TextField
            name="expiresInDays"
            type="number"
            inputMode="numeric"
            min={1}
            max={INVITATION_MAX_DAYS}
            defaultValue={INVITATION_DEFAULT_DAYS}
            label={t('invitations.expires_in')}
            hint={t('invitations.expires_hint', { max: INVITATION_MAX_DAYS })}
            error={form.errors.fields.expiresInDays}
          />
          {form.isSuccess && sentTo && (
            <Alert tone="success">{t('invitations.sent', { email: sentTo })}</Alert>
          )}
          <Button type="submit" pending={form.isPending}>
            {kind === 'email' ? t('invitations.send') : t('invitations.create_link')}
          </Button>
        </ApiForm>
        {link && <CopyLink url={link} />}
      </section>

      <section className="stack" aria-labelledby="list-heading">
        <div className="section-head">
          <h2 id="list-heading">{t('invitations.list_title')}</h2>
          <fieldset className="segmented">
            <legend className="visually-hidden">{t('invitations.filter')}</legend>
            <Button
              variant={status === 'pending' ? 'primary' : 'secondary'}
              aria-pressed={status === 'pending'}
              onClick={() => setStatus('pending')}
            >
              {t('invitations.filter_pending')}
            </Button>
            <Button
              variant={status === 'all' ? 'primary' : 'secondary'}
              aria-pressed={status === 'all'}
              onClick={() => setStatus('all')}
            >
              {t('invitations.filter_all')}
            </Button>
          </fieldset>
        </div>
        {invitations.isPending && <Loading />}
        {invitations.isError && (
          <QueryError error={invitations.error} onRetry={() => void invitations.refetch()} />
        )}
        {invitations.isSuccess && list.length === 0 && <p className="empty">{t('invitations.empty')}</p>}
        {list.length > 0 && (
          <ul className="rows">
            {list.map((inv) => {
              const who = inv.email ?? t('invitations.shareable_link');
              return (
                <li key={inv.id} className="row">
                  <div className="row-main">
                    <p className="strong">
                      <span dir={inv.email ? 'ltr' : undefined}>{who}</span>
                      <span className={inv.status === 'pending' ? 'badge badge-warn' : 'badge'}>
                        {statusLabel(inv.status)}
                      </span>
                    </p>
                    <p className="muted small">
                      {roleLabel(t, inv.role)}
                      {inv.level && ` · ${levelLabel(t, inv.level)}`} ·{' '}
                      {t('invitations.expires', { date: new Date(inv.expiresAt) })}
                      {inv.kind === 'link' && ` · ${t('invitations.uses', { count: inv.uses })}`}
                      {inv.invitedBy && ` · ${t('invitations.by', { name: inv.invitedBy.displayName })}`}
                    </p>
                  </div>
                  {inv.status === 'pending' && (
                    <Button
                      variant="secondary"
                      aria-label={t('invitations.revoke_named', { who })}
                      onClick={() => setRevoking(inv)}
                    >
                      {t('invitations.revoke')}
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <ConfirmDialog
        open={revoking !== null}
        message={t('invitations.revoke_confirm', { who: revoking?.email ?? t('invitations.shareable_link') })}
        confirmLabel={t('invitations.revoke')}
        pending={revoke.isPending}
        onConfirm={() => revoking && revoke.mutate(revoking.id)}
        onCancel={() => {
          setRevoking(null);
          revoke.reset();
        }}
      >
        {revoke.isError && <Alert tone="error">{revoke.error.message}</Alert>}
      </ConfirmDialog>
    </div>
  );
}

/** The shareable link, selectable, with a copy button (the only time it is shown). */
function CopyLink({ url }: { url: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [copied, setCopied] = useState(false);
  return (
    <div className="stack copy-link">
      <Alert tone="success">{t('invitations.link_created')}</Alert>
      <label htmlFor={id} className="strong">
        {t('invitations.link_label')}
      </label>
      <div className="copy-row">
        <input id={id} readOnly value={url} dir="ltr" onFocus={(e) => e.currentTarget.select()} />
        <Button
          variant="secondary"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(url);
              setCopied(true);
            } catch {
              document.getElementById(id)?.focus();
            }
          }}
        >
          {copied ? t('invitations.copied') : t('invitations.copy')}
        </Button>
      </div>
      <p className="muted small">{t('invitations.link_hint')}</p>
    </div>
  );
}
