import { describe, expect, it } from 'vitest';
import {
  type Authored,
  type ContentReader,
  canChangeMessage,
  canDeleteContent,
  canEditContent,
  canSeeDeletedContent,
  isAuthor,
  isModeration,
  NOBODY,
} from './content.ts';

const readers: Record<string, ContentReader> = {
  author: { userId: 'u-author', isModerator: false },
  other_member: { userId: 'u-other', isModerator: false },
  moderator: { userId: 'u-moderator', isModerator: true },
  moderating_author: { userId: 'u-author', isModerator: true },
  nobody: NOBODY,
};
const items: Record<string, Authored> = {
  live: { authorId: 'u-author', deleted: false },
  deleted: { authorId: 'u-author', deleted: true },
  /** Its author's account is gone. */
  orphaned: { authorId: null, deleted: false },
};

/**
 * Y = allowed, - = denied; one letter per reader in the order above
 * (author, other member, moderator, moderating author, nobody).
 */
const EXPECTED: Record<string, Record<string, string>> = {
  edit: { live: 'Y--Y-', deleted: '-----', orphaned: '-----' },
  delete: { live: 'Y-YY-', deleted: '-----', orphaned: '--YY-' },
  moderation: { live: '-YY-Y', deleted: '-YY-Y', orphaned: 'YYYYY' },
};
const rules: Record<string, (reader: ContentReader, item: Authored) => boolean> = {
  edit: canEditContent,
  delete: canDeleteContent,
  moderation: isModeration,
};

describe('content rules', () => {
  for (const [rule, decide] of Object.entries(rules)) {
    for (const [itemName, item] of Object.entries(items)) {
      it(`${rule} · ${itemName}`, () => {
        const actual = Object.values(readers)
          .map((reader) => (decide(reader, item) ? 'Y' : '-'))
          .join('');
        expect(actual).toBe(EXPECTED[rule]?.[itemName]);
      });
    }
  }

  it('knows the author by id, and nobody is nobody’s author', () => {
    expect(isAuthor(readers.author as ContentReader, items.live as Authored)).toBe(true);
    expect(isAuthor(readers.other_member as ContentReader, items.live as Authored)).toBe(false);
    // The neutral reader of a realtime fan-out must not own content whose author is gone.
    expect(isAuthor(NOBODY, { authorId: '' })).toBe(false);
    expect(isAuthor(NOBODY, { authorId: null })).toBe(false);
  });

  it('keeps the text of deleted content for moderators only', () => {
    expect(Object.values(readers).map(canSeeDeletedContent)).toEqual([false, false, true, true, false]);
  });
});

describe('message rules', () => {
  it('let only the sender change a message', () => {
    expect(canChangeMessage('u1', { senderId: 'u1' })).toBe(true);
    expect(canChangeMessage('u2', { senderId: 'u1' })).toBe(false);
    // A message whose sender's account is gone belongs to nobody, not even to "no user".
    expect(canChangeMessage('', { senderId: null })).toBe(false);
    expect(canChangeMessage('', { senderId: '' })).toBe(false);
  });
});
