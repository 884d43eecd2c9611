import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Invitation } from '../../../../common/contracts/invitations.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { createInvitation, invitationKeys, revokeInvitation, useInvitations } from './api.ts';

/** The open e-mail invitations to become meta-mentor: named by address, not yet accepted. */
export function pendingMetaMentorInvitations(invitations: Invitation[]): Invitation[] {
  return invitations.filter((i) => i.kind === 'email' && i.role === 'meta_mentor' && i.status === 'pending');
}

interface ListProps {
  invitations: Invitation[];
  onResend: (invitation: Invitation) => void;
  onWithdraw: (invitation: Invitation) => void;
  resending?: string | null;
}

/** Each pending meta-mentor invitation with when it runs out, who sent it, and its two actions. */
export function PendingMetaMentorList({ invitations, onResend, onWithdraw, resending }: ListProps) {
  const { t } = useTranslation();
  if (invitations.length === 0) return null;
  return (
    <div className="stack">
      <h3>{t('networks.settings.pending_title')}</h3>
      <ul className="rows">
        {invitations.map((inv) => {
          const email = inv.email ?? '';
          return (
            <li key={inv.id} className="row">
              <div className="row-main">
                <p className="strong" dir="ltr">
                  {email}
                </p>
                <p className="muted small">
                  {t('invitations.expires', { date: new Date(inv.expiresAt) })}
                  {inv.invitedBy && ` · ${t('invitations.by', { name: inv.invitedBy.displayName })}`}
                </p>
              </div>
              <div className="row-actions">
                <Button
                  variant="secondary"
                  aria-label={t('networks.settings.pending_resend_named', { email })}
                  pending={resending === inv.id}
                  onClick={() => onResend(inv)}
                >
                  {t('networks.settings.pending_resend')}
                </Button>
                <Button
                  variant="secondary"
                  aria-label={t('networks.settings.pending_withdraw_named', { email })}
                  onClick={() => onWithdraw(inv)}
                >
                  {t('networks.settings.pending_withdraw')}
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * The settings page's pending meta-mentor invitations (resend mails a fresh link that replaces
 * the old one; withdraw revokes it after a confirmation). Answers whether any are pending.
 */
export function PendingMetaMentors({ slug, invitations }: { slug: string; invitations: Invitation[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: invitationKeys.all(slug) });
  const [withdrawing, setWithdrawing] = useState<Invitation | null>(null);
  const [resent, setResent] = useState<string | null>(null);
  const resend = useMutation({
    mutationFn: (inv: Invitation) =>
      createInvitation(slug, { kind: 'email', email: inv.email ?? '', role: 'meta_mentor' }),
    onSuccess: (created) => {
      setResent(created.invitation.email);
      void refresh();
    },
  });
  const withdraw = useMutation({
    mutationFn: (id: string) => revokeInvitation(slug, id),
    onSuccess: () => {
      setWithdrawing(null);
      void refresh();
    },
  });
  return (
    <>
      <PendingMetaMentorList
        invitations={invitations}
        resending={resend.isPending ? (resend.variables?.id ?? null) : null}
        onResend={(inv) => resend.mutate(inv)}
        onWithdraw={setWithdrawing}
      />
      {resent && resend.isSuccess && (
        <Alert tone="success">{t('networks.settings.pending_resent', { email: resent })}</Alert>
      )}
      {resend.isError && <Alert tone="error">{resend.error.message}</Alert>}
      <ConfirmDialog
        open={withdrawing !== null}
        message={t('networks.settings.pending_withdraw_confirm', { email: withdrawing?.email ?? '' })}
        confirmLabel={t('networks.settings.pending_withdraw')}
        pending={withdraw.isPending}
        onConfirm={() => withdrawing && withdraw.mutate(withdrawing.id)}
        onCancel={() => {
          setWithdrawing(null);
          withdraw.reset();
        }}
      >
        {withdraw.isError && <Alert tone="error">{withdraw.error.message}</Alert>}
      </ConfirmDialog>
    </>
  );
}

/** The pending meta-mentor invitations of a network, for those who may manage invitations. */
export function usePendingMetaMentors(slug: string, enabled: boolean): Invitation[] {
  const list = useInvitations(slug, 'pending', enabled);
  return pendingMetaMentorInvitations(list.data?.invitations ?? []);
}
