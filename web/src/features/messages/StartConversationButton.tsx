import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '../../components/Button.tsx';
import { openDirect } from './api.ts';

/** "Send a message" next to a member: opens (or finds) the direct conversation and goes there. */
export function StartConversationButton({ userId, name }: { userId: string; name: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const open = useMutation({
    mutationFn: () => openDirect(userId),
    onSuccess: (conversation) => navigate(`/messages/${conversation.id}`),
  });
  return (
    <span>
      <Button
        variant="secondary"
        pending={open.isPending}
        onClick={() => open.mutate()}
        aria-label={t('messages.start_with', { name })}
      >
        {t('messages.start')}
      </Button>
      {open.isError && (
        <span role="alert" className="field-error small">
          {open.error.message}
        </span>
      )}
    </span>
  );
}
