import type { TFunction } from 'i18next';
import type { Conversation } from '../../../../common/contracts/messages.ts';

/** A group's title, or the other person's name in a direct conversation. */
export function conversationTitle(t: TFunction, conversation: Conversation, myId: string): string {
  if (conversation.title) return conversation.title;
  const others = conversation.participants.filter((p) => p.userId !== myId).map((p) => p.displayName);
  return others.join(', ') || t('messages.only_you');
}
