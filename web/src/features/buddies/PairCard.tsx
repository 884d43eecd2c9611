import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BUDDY_NOTE_MAX, type BuddyPairStatus } from '../../../../common/buddies.ts';
import type { BuddyPair } from '../../../../common/contracts/buddies.ts';
import { isPairBeginner, isPairMember } from '../../../../common/policies/buddies.ts';
import { Alert } from '../../components/Alert.tsx';
import { Avatar } from '../../components/Avatar.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { TextAreaField } from '../../components/Field.tsx';
import { formatMoment } from '../../lib/dates.ts';
import { StartConversationButton } from '../messages/StartConversationButton.tsx';
import { buddyKeys, pairFacts, updateBuddyPair, withdrawBuddyPair } from './api.ts';

/** Keeps a name's own direction inside a translated sentence (the plain-text twin of <bdi>). */
const isolate = (text: string) => `\u2068${text}\u2069`;

export function statusLabel(t: TFunction, status: BuddyPairStatus): string {
  const labels: Record<BuddyPairStatus, string> = {
    requested: t('buddies.status.requested'),
    proposed: t('buddies.status.proposed'),
    active: t('buddies.status.active'),
    declined: t('buddies.status.declined'),
    withdrawn: t('buddies.status.withdrawn'),
    ended: t('buddies.status.ended'),
  };
  return labels[status];
}

const STATUS_BADGES: Record<BuddyPairStatus, string> = {
  requested: 'badge badge-warn',
  proposed: 'badge badge-new',
  active: 'badge badge-ok',
  declined: 'badge',
  withdrawn: 'badge',
  ended: 'badge',
};

type Dialog = 'decline' | 'end' | 'withdraw' | null;

/**
 * One pairing with what the viewer may do with it (the answer's canAccept, canEnd, canWithdraw):
 * accept, decline (with a note), end (with a note) or withdraw, each but accepting after a
 * confirmation. The two buddies get a way to their conversation.
 */
export function PairCard({
  pair,
  slug,
  viewerId,
  extra,
}: {
  pair: BuddyPair;
  slug: string;
  viewerId: string;
  /** One more action beside the card's own (the staff's "find a buddy" on a request). */
  extra?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [note, setNote] = useState('');
  const facts = pairFacts(pair);
  const me = { userId: viewerId };
  const member = isPairMember(me, facts);
  // The other of the two, seen from one of them (null for anyone else).
  const other = member ? (isPairBeginner(me, facts) ? pair.mentor : pair.beginner) : null;
  const done = () => {
    setDialog(null);
    setNote('');
    void queryClient.invalidateQueries({ queryKey: buddyKeys.all(slug) });
  };
  const change = useMutation({
    mutationFn: (status: 'active' | 'declined' | 'ended') => updateBuddyPair(slug, pair.id, { status, note }),
    onSuccess: done,
  });
  const withdraw = useMutation({ mutationFn: () => withdrawBuddyPair(slug, pair.id), onSuccess: done });
  const pending = change.isPending || withdraw.isPending;
  const error = change.error ?? withdraw.error;
  const close = () => {
    setDialog(null);
    change.reset();
    withdraw.reset();
  };
  const when = (iso: string | null) => (iso ? formatMoment(iso, i18n.language) : '');
  const mentorName = pair.mentor?.displayName;

  return (
    <li className="card person buddy-pair">
      <Avatar
        name={member ? (other?.displayName ?? '') : pair.beginner.displayName}
        url={member ? (other?.avatarUrl ?? null) : pair.beginner.avatarUrl}
      />
      <div className="stack-tight">
        <p className="buddy-names">
          {member ? (
            other ? (
              <>
                <span className="label">{t('buddies.card.with')}</span>{' '}
                <bdi className="strong">{other.displayName}</bdi>
              </>
            ) : (
              <span className="muted">{t('buddies.card.nobody_yet')}</span>
            )
          ) : (
            <>
              <bdi className="strong">{pair.beginner.displayName}</bdi>
              <span aria-hidden="true"> ⇄ </span>
              <span className="visually-hidden"> {t('buddies.card.and')} </span>
              {mentorName ? (
                <bdi className="strong">{mentorName}</bdi>
              ) : (
                <span className="muted">{t('buddies.card.nobody_yet')}</span>
              )}
            </>
          )}{' '}
          <span className={STATUS_BADGES[pair.status]}>{statusLabel(t, pair.status)}</span>
        </p>
        <p className="muted small">
          {pair.status === 'active' &&
            pair.activatedAt &&
            t('buddies.card.since', { when: when(pair.activatedAt) })}
          {pair.status === 'proposed' &&
            pair.proposedAt &&
            t('buddies.card.proposed_at', { when: when(pair.proposedAt) })}
          {pair.status === 'requested' && t('buddies.card.requested_at', { when: when(pair.createdAt) })}
          {pair.closedAt && t('buddies.card.closed_at', { when: when(pair.closedAt) })}
          {pair.requestedBy && pair.status !== 'active' && !pair.closedAt && !isPairBeginner(me, facts) && (
            <>
              {' · '}
              {t('buddies.card.asked_by')} <bdi>{pair.requestedBy.displayName}</bdi>
            </>
          )}
        </p>
        {pair.status === 'active' && (
          <p className="small">
            {pair.lastContactAt
              ? t('buddies.card.last_contact', { when: when(pair.lastContactAt) })
              : t('buddies.card.no_contact')}
          </p>
        )}
        {pair.note && (
          <blockquote className="small prewrap buddy-note" dir="auto">
            {pair.note}
          </blockquote>
        )}
        {pair.closeReason && (
          <p className="small">
            {t('buddies.card.closed_not_member', {
              name: isolate(
                (pair.closeReason === 'beginner_not_member' ? pair.beginner : pair.mentor)?.displayName ?? '',
              ),
            })}
          </p>
        )}
        {pair.closeNote && (
          <p className="small">
            <span className="label">
              {t('buddies.card.close_note', { name: pair.closedBy?.displayName ?? '' })}
            </span>{' '}
            <span className="prewrap" dir="auto">
              {pair.closeNote}
            </span>
          </p>
        )}
        <div className="actions">
          {pair.canAccept && (
            <>
              <Button pending={change.isPending && dialog === null} onClick={() => change.mutate('active')}>
                {t('buddies.actions.accept')}
              </Button>
              <Button variant="secondary" onClick={() => setDialog('decline')}>
                {t('buddies.actions.decline')}
              </Button>
            </>
          )}
          {member && pair.status === 'active' && pair.conversationId && (
            <Link
              className="button button-primary"
              to={`/messages/${pair.conversationId}`}
              aria-label={other ? t('buddies.actions.message_to', { name: other.displayName }) : undefined}
            >
              {t('buddies.actions.message')}
            </Link>
          )}
          {member && pair.status === 'active' && !pair.conversationId && other && (
            <StartConversationButton userId={other.id} name={other.displayName} />
          )}
          {pair.canEnd && (
            <Button variant="secondary" onClick={() => setDialog('end')}>
              {t('buddies.actions.end')}
            </Button>
          )}
          {extra}
          {pair.canWithdraw && (
            <Button variant="quiet" onClick={() => setDialog('withdraw')}>
              {pair.status === 'requested'
                ? t('buddies.actions.withdraw_request')
                : t('buddies.actions.withdraw')}
            </Button>
          )}
        </div>
        {error && dialog === null && <Alert tone="error">{error.message}</Alert>}
      </div>
      <ConfirmDialog
        open={dialog !== null}
        message={
          dialog === 'end'
            ? t('buddies.confirm.end')
            : dialog === 'decline'
              ? t('buddies.confirm.decline')
              : t('buddies.confirm.withdraw')
        }
        confirmLabel={
          dialog === 'end'
            ? t('buddies.actions.end')
            : dialog === 'decline'
              ? t('buddies.actions.decline')
              : t('buddies.confirm.withdraw_button')
        }
        pending={pending}
        onConfirm={() =>
          dialog === 'withdraw' ? withdraw.mutate() : change.mutate(dialog === 'end' ? 'ended' : 'declined')
        }
        onCancel={close}
      >
        {(dialog === 'end' || dialog === 'decline') && (
          <TextAreaField
            name="note"
            label={dialog === 'end' ? t('buddies.confirm.end_note') : t('buddies.confirm.decline_note')}
            hint={t('buddies.confirm.note_hint')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={BUDDY_NOTE_MAX}
            rows={3}
            dir="auto"
          />
        )}
        {error && <Alert tone="error">{error.message}</Alert>}
      </ConfirmDialog>
    </li>
  );
}
