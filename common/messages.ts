export const MESSAGE_MAX_CHARS = 10_000;
/** Participants of a group, the creator included. */
export const GROUP_MIN_PEOPLE = 2;
export const GROUP_MAX_PEOPLE = 50;
export const CONVERSATION_KINDS = ['direct', 'group'] as const;
