/** Longest post (opening post, reply or announcement) in characters of Markdown. */
export const MAX_POST_CHARS = 20_000;
export const MAX_TITLE_CHARS = 200;
export const MAX_SPACE_NAME_CHARS = 60;
/** Attachments one post may carry. */
export const MAX_ATTACHMENTS_PER_POST = 10;
export const ATTACHMENT_MAX_MB = 10;

/**
 * A mention in a post's Markdown: `@[Display Name](user-id)`. The web app inserts it from the
 * member picker; the server checks that the id is a member of the network and renders the name it
 * knows (the text between the brackets is only a hint for people reading the source).
 */
export const MENTION_PATTERN =
  /@\[([^\]\n]{1,100})\]\(([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/g;

/** Builds the mention token for a member. */
export function mentionToken(person: { id: string; displayName: string }): string {
  const name = person.displayName.replace(/[[\]\n]/g, ' ').slice(0, 100);
  return `@[${name}](${person.id})`;
}

/** The fixed set of reactions, by name; the emoji is for display. */
export const REACTION_EMOJI = {
  like: '👍',
  heart: '❤️',
  laugh: '😄',
  celebrate: '🎉',
  thanks: '🙏',
  thinking: '🤔',
} as const;
export const REACTIONS = Object.keys(REACTION_EMOJI) as (keyof typeof REACTION_EMOJI)[];
export type Reaction = keyof typeof REACTION_EMOJI;

/** Content types an attachment may have (checked against the file's bytes on upload). */
export const ATTACHMENT_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'text/plain',
] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];
