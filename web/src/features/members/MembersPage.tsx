import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Member } from '../../../../common/contracts/networks.ts';
import {
  MENTOR_LEVELS,
  type MentorLevel,
  NETWORK_ROLES,
  type NetworkRole,
} from '../../../../common/permissions.ts';
import { hasMentorLevel, levelForRole } from '../../../../common/policies/standing.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { TextAreaField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { UserText } from '../../components/UserText.tsx';
import { levelLabel, roleLabel } from '../../lib/labels.ts';
import { useMe } from '../auth/api.ts';
import { StartConversationButton } from '../messages/StartConversationButton.tsx';
import { MoocBadge } from '../mooc/MoocBadge.tsx';
import { can, networkKeys } from '../networks/api.ts';
import { useCurrentNetwork } from '../networks/NetworkLayout.tsx';
import { changeMember, removeMember, useMembers } from './api.ts';

type Pending =
  | { kind: 'change'; member: Member; role: NetworkRole; level: MentorLevel | null }
  | { kind: 'remove'; member: Member }
  | null;

export default function MembersPage() {
  const network = useCurrentNetwork();
  const { t } = useTranslation();
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const filterId = useId();
  const [role, setRole] = useState('');
  const [pending, setPending] = useState<Pending>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const members = useMembers(network.slug, role);
  const mayChange = can(network, 'members.change_role');
  const mayRemove = can(network, 'members.remove');
  const mayMessage = can(network, 'messages.send');
  const mayRecords = can(network, 'records.manage');

  const apply = useMutation({
    mutationFn: (p: NonNullable<Pending>) =>
      p.kind === 'change'
        ? changeMember(network.slug, p.member.userId, {
            role: p.role,
            level: hasMentorLevel(p.role) ? p.level : null,
          })
        : removeMember(network.slug, p.member.userId, reason),
    onSuccess: (_r, p) => {
      setPending(null);
      setReason('');
      setDone(
        p.kind === 'change'
          ? t('networks.members.changed', { name: p.member.displayName })
          : t('networks.members.removed', { name: p.member.displayName }),
      );
      // Everything of the network may change with a member (the viewer's own rights, when it is them).
      void queryClient.invalidateQueries({ queryKey: networkKeys.detail(network.slug) });
    },
  });

  const list = members.data?.pages.flatMap((p) => p.members) ?? [];
  const roleOptions = NETWORK_ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }));

  return (
    <div className="page stack">
      <PageHeading title={t('networks.members.title')} />
      <p className="muted">{t('networks.home.member_count', { count: network.memberCount })}</p>
      <div className="field field-inline">
        <label htmlFor={filterId}>{t('networks.members.filter_role')}</label>
        <select id={filterId} value={role} onChange={(e) => setRole(e.target.value)}>
          <option value="">{t('networks.members.all_roles')}</option>
          {roleOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      {done && <Alert tone="success">{done}</Alert>}
      {members.isPending && <Loading />}
      {members.isError && <QueryError error={members.error} onRetry={() => void members.refetch()} />}
      {members.isSuccess && list.length === 0 && <p className="empty">{t('networks.members.empty')}</p>}
      {list.length > 0 && (
        <ul className="rows">
          {list.map((m) => (
            <MemberRow
              key={m.userId}
              member={m}
              isMe={m.userId === me?.id}
              mayMessage={mayMessage}
              mayChange={mayChange}
              mayRemove={mayRemove}
              recordHref={
                mayRecords ? `/networks/${network.slug}/members/${encodeURIComponent(m.userId)}/record` : null
              }
              onChange={(nextRole, level) => {
                setDone(null);
                apply.reset();
                setPending({ kind: 'change', member: m, role: nextRole, level });
              }}
              onRemove={() => {
                setDone(null);
                apply.reset();
                setReason('');
                setPending({ kind: 'remove', member: m });
              }}
            />
          ))}
        </ul>
      )}
      {members.hasNextPage && (
        <div>
          <Button
            variant="secondary"
            pending={members.isFetchingNextPage}
            onClick={() => void members.fetchNextPage()}
          >
            {t('common.load_more')}
          </Button>
        </div>
      )}
      <ConfirmDialog
        open={pending !== null}
        tone={pending?.kind === 'change' ? 'primary' : 'danger'}
        message={
          pending?.kind === 'change'
            ? t('networks.members.change_confirm', {
                name: pending.member.displayName,
                role: roleLabel(t, pending.role),
              })
            : t('networks.members.remove_confirm', { name: pending?.member.displayName ?? '' })
        }
        confirmLabel={
          pending?.kind === 'change' ? t('networks.members.change') : t('networks.members.remove')
        }
        pending={apply.isPending}
        onConfirm={() => {
          if (!pending) return;
          if (pending.kind === 'remove' && reason.trim().length < 3) {
            setReasonError(true);
            return;
          }
          apply.mutate(pending);
        }}
        onCancel={() => {
          setPending(null);
          apply.reset();
        }}
      >
        {pending?.kind === 'remove' && (
          <div className="dialog-body">
            <TextAreaField
              name="reason"
              label={t('networks.members.reason')}
              hint={t('networks.members.reason_hint')}
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                setReasonError(false);
              }}
              error={reasonError ? t('networks.members.reason_missing') : undefined}
              maxLength={1000}
              rows={3}
            />
          </div>
        )}
        {apply.isError && <Alert tone="error">{apply.error.message}</Alert>}
      </ConfirmDialog>
    </div>
  );
}

interface MemberRowProps {
  member: Member;
  isMe: boolean;
  mayMessage: boolean;
  mayChange: boolean;
  mayRemove: boolean;
  onChange: (role: NetworkRole, level: MentorLevel | null) => void;
  onRemove: () => void;
  /** The member's volunteer record, for the meta-mentors and office. */
  recordHref: string | null;
}

function MemberRow({
  member,
  isMe,
  mayMessage,
  mayChange,
  mayRemove,
  onChange,
  onRemove,
  recordHref,
}: MemberRowProps) {
  const { t } = useTranslation();
  const roleId = useId();
  const levelId = useId();
  const [role, setRole] = useState<NetworkRole>(member.role);
  const [level, setLevel] = useState<MentorLevel | null>(levelForRole(member.role, member.level));
  const changed = role !== member.role || (hasMentorLevel(role) && level !== member.level);
  return (
    <li className="row member-row">
      <div className="row-main">
        <p className="strong">
          <UserText>{member.displayName}</UserText>
          {isMe && <span className="badge badge-ok">{t('networks.members.you')}</span>}
          <MoocBadge userId={member.userId} />
        </p>
        <p className="muted small">
          {roleLabel(t, member.role)}
          {member.level && ` · ${levelLabel(t, member.level)}`} ·{' '}
          {t('networks.members.joined', { date: new Date(member.joinedAt) })}
          {!member.acceptedCurrent && ` · ${t('networks.members.not_accepted')}`}
        </p>
        {recordHref && (
          <p className="small">
            <Link to={recordHref}>{t('records.open_link')}</Link>
          </p>
        )}
      </div>
      {mayMessage && !isMe && <StartConversationButton userId={member.userId} name={member.displayName} />}
      {(mayChange || (mayRemove && !isMe)) && (
        <div className="row-actions">
          {mayChange && (
            <>
              <div className="field">
                <label htmlFor={roleId} className="small">
                  {t('networks.members.role')}
                </label>
                <select id={roleId} value={role} onChange={(e) => setRole(e.target.value as NetworkRole)}>
                  {NETWORK_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {roleLabel(t, r)}
                    </option>
                  ))}
                </select>
              </div>
              {hasMentorLevel(role) && (
                <div className="field">
                  <label htmlFor={levelId} className="small">
                    {t('networks.members.level')}
                  </label>
                  <select
                    id={levelId}
                    value={level ?? 'beginner'}
                    onChange={(e) => setLevel(e.target.value as MentorLevel)}
                  >
                    {MENTOR_LEVELS.map((l) => (
                      <option key={l} value={l}>
                        {levelLabel(t, l)}
                      </option>
                    ))}
                  </select>
                </div>
              )}
              <Button
                variant="secondary"
                disabled={!changed}
                aria-label={`${t('networks.members.change')} — ${member.displayName}`}
                onClick={() => onChange(role, hasMentorLevel(role) ? level : null)}
              >
                {t('networks.members.change')}
              </Button>
            </>
          )}
          {mayRemove && !isMe && (
            <Button
              variant="danger"
              aria-label={t('networks.members.remove_named', { name: member.displayName })}
              onClick={onRemove}
            >
              {t('networks.members.remove')}
            </Button>
          )}
        </div>
      )}
    </li>
  );
}
