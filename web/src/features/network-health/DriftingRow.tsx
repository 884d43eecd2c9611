import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { DriftingMember } from '../../../../common/contracts/network-health.ts';
import { Button } from '../../components/Button.tsx';
import { UserText } from '../../components/UserText.tsx';
import { isolate } from '../../lib/isolate.tsx';
import { openDirect } from '../messages/api.ts';
import { calendarDay } from '../mooc/calendar-day.ts';

/** A member drifting away, when they were last active, and a personal note in one click (a direct conversation). */
export function DriftingRow({ member, slug }: { member: DriftingMember; slug: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const open = useMutation({
    mutationFn: () => openDirect(member.id),
    onSuccess: (conversation) => navigate(`/messages/${conversation.id}`),
  });
  return (
    <li className="row">
      <div>
        <Link to={`/networks/${slug}/directory/${member.id}`}>
          <UserText>{member.displayName}</UserText>
        </Link>
        <p className="small muted">
          {t('health.drifting.last_active', { date: calendarDay(member.lastActiveOn) })}
        </p>
      </div>
      <span>
        <Button
          variant="secondary"
          pending={open.isPending}
          onClick={() => open.mutate()}
          aria-label={t('health.drifting.note_to', { name: isolate(member.displayName) })}
        >
          {t('health.drifting.note')}
        </Button>
        {open.isError && (
          <span role="alert" className="field-error small">
            {open.error.message}
          </span>
        )}
      </span>
    </li>
  );
}
