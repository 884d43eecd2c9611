import { describe, expect, it } from 'vitest';
import type { Post } from '../../../../common/contracts/discussions.ts';
import type { Report } from '../../../../common/contracts/moderation.ts';
import { PostView } from '../discussions/PostView.tsx';
import { decisionsFor, itemLink } from './ModerationPage.tsx';
import { ReportButton } from './ReportButton.tsx';
import { renderPage as render } from '../../test-support/render.tsx';

const post = (over: Partial<Post> = {}): Post => ({
  id: 'p1',
  topicId: 't1',
  isOpening: false,
  author: { id: 'u2', displayName: 'Bea', formerMember: false },
  bodySource: null,
  bodyHtml: '<p>Hello</p>',
  mentions: [],
  attachments: [],
  reactions: [],
  createdAt: '2025-01-01T10:00:00Z',
  editedAt: null,
  deleted: false,
  deletedAt: null,
  hidden: false,
  authorBlocked: false,
  canEdit: false,
  canDelete: false,
  ...over,
});

const report = (over: Partial<Report> = {}): Report => ({
  id: 'r1',
  kind: 'post',
  itemId: 'p1',
  reason: 'spam',
  status: 'open',
  createdAt: '2025-01-01T10:00:00Z',
  text: '',
  reporter: { id: 'u1', displayName: 'Anna' },
  author: { id: 'u2', displayName: 'Bea' },
  network: { id: 'n1', slug: 'net', name: 'Net' },
  excerpt: 'Hello',
  topicId: 't1',
  hidden: false,
  decision: null,
  decidedBy: null,
  decidedAt: null,
  note: null,
  ...over,
});

describe('moderation in the web app', () => {
  it('offers a report dialog with the reasons, in English and Arabic', () => {
    const html = render(<ReportButton kind="post" id="p1" />);
    expect(html).toContain('>Report<');
    expect(html).toContain('<dialog');
    expect(html).toContain('Personal data of a mentee');
    const arabic = render(<ReportButton kind="post" id="p1" />, 'ar');
    expect(arabic).toContain('بيانات شخصية لشخص مرافَق');
  });

  it('collapses a post by a blocked person and marks hidden ones', () => {
    const blocked = render(
      <PostView slug="net" topicId="t1" post={post({ authorBlocked: true })} canReact />,
    );
    expect(blocked).toContain('Post by a person you blocked.');
    expect(blocked).not.toContain('Hello');
    const hiddenForOthers = render(
      <PostView slug="net" topicId="t1" post={post({ hidden: true, bodyHtml: null })} canReact />,
    );
    expect(hiddenForOthers).toContain('Hidden by a moderator.');
    const hiddenForAuthor = render(
      <PostView slug="net" topicId="t1" post={post({ hidden: true, canEdit: true })} canReact />,
    );
    expect(hiddenForAuthor).toContain('others cannot read it');
    expect(hiddenForAuthor).toContain('Hello');
  });

  it('offers the decisions that fit a report and links to its item', () => {
    expect(decisionsFor(report())).toEqual(['hide', 'warn', 'suspend', 'dismiss']);
    expect(decisionsFor(report({ hidden: true, status: 'resolved' }))).toEqual([
      'restore',
      'warn',
      'suspend',
    ]);
    expect(decisionsFor(report({ kind: 'message', network: null, topicId: null }))).toEqual([
      'warn',
      'dismiss',
    ]);
    expect(itemLink(report())).toBe('/networks/net/discussions/t1');
    expect(itemLink(report({ kind: 'resource', itemId: 'x1' }))).toBe('/networks/net/resources/x1');
    expect(itemLink(report({ kind: 'profile', network: null }))).toBeNull();
  });
});
