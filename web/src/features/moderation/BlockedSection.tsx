import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.tsx';
import { UserText } from '../../components/UserText.tsx';
import { setBlocked, useBlocks } from './api.ts';

/** The account page's list of blocked people, each with "Unblock". */
export function BlockedSection() {
  const { t } = useTranslation();
  const headingId = useId();
  const queryClient = useQueryClient();
  const { data } = useBlocks();
  const unblock = useMutation({ mutationFn: (id: string) => setBlocked(queryClient, id, false) });
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('moderation.blocked_title')}</h2>
      {data && data.blocks.length === 0 && <p className="muted">{t('moderation.blocked_empty')}</p>}
      <ul className="stack">
        {data?.blocks.map((b) => (
          <li key={b.id} className="row">
            <UserText>{b.displayName}</UserText>
            <Button
              variant="quiet"
              pending={unblock.isPending && unblock.variables === b.id}
              onClick={() => unblock.mutate(b.id)}
            >
              {t('moderation.unblock')}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
