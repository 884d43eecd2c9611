import type { OutgoingMail } from '../platform/mail/index.ts';

/** The invitation secret from an invitation mail or link. */
export function invitationTokenFrom(source: OutgoingMail | string | undefined): string {
  const text = typeof source === 'string' ? source : source?.text;
  const match = text?.match(/\/invitations\/([A-Za-z0-9_%-]+)/);
  if (!match?.[1]) throw new Error('no invitation link');
  return decodeURIComponent(match[1]);
}
