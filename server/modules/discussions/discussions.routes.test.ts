import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_POST_CHARS, mentionToken } from '../../../common/contracts/discussions.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, signIn, TestClient } from '../../test/client.ts';
import { recordEvents, spaceId, startTopic } from '../../test/discussions.ts';
import { buildMember, buildNetwork, buildOrganisation, buildUser } from '../../test/factories.ts';
import type { NetworkRow } from '../networks/index.ts';

describe.each(DIALECTS)('discussions on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  /** A network with a meta-mentor, two mentors and an office member, all signed in. */
  async function setup(overrides: Partial<NetworkRow> = {}) {
    const network = await buildNetwork(t.ctx, overrides);
    const metaUser = await buildMember(t.ctx, network, { role: 'meta_mentor' });
    const aliceUser = await buildMember(t.ctx, network, { role: 'mentor' });
    const bobUser = await buildMember(t.ctx, network, { role: 'mentor' });
    const officeUser = await buildMember(t.ctx, network, { role: 'office' });
    const [meta, alice, bob, office] = await Promise.all(
      [metaUser, aliceUser, bobUser, officeUser].map((u) => signIn(t.app, u)),
    );
    if (!meta || !alice || !bob || !office) throw new Error('sign-in failed');
    const slug = network.slug;
    return { network, slug, meta, alice, bob, office, metaUser, aliceUser, bobUser, officeUser };
  }

  describe('spaces', () => {
    it('starts every network with Ideas, Experiences and Questions, named in the reader’s language', async () => {
      const founder = await buildUser(t.ctx, { locale: 'de' });
      const org = await buildOrganisation(t.ctx, { adminId: founder.id });
      const client = await signIn(t.app, founder);
      const created = await client.post(`/api/organisations/${org.slug}/networks`, {
        name: 'Räume im Test',
        languages: ['de'],
        visibility: 'public',
      });
      expect(created.statusCode).toBe(201);
      const network = created.json();
      const row = await t.ctx.database.db
        .selectFrom('spaces')
        .select(['key', 'name', 'position'])
        .where('networkId', '=', network.id)
        .orderBy('position')
        .execute();
      expect(row).toEqual([
        { key: 'ideas', name: null, position: 0 },
        { key: 'experiences', name: null, position: 1 },
        { key: 'questions', name: null, position: 2 },
      ]);
      // The founder is an org admin, not a member: discussions are for members.
      expect((await client.get(`/api/networks/${network.slug}/spaces`)).statusCode).toBe(403);
      const networkRow = await t.ctx.database.db
        .selectFrom('networks')
        .selectAll()
        .where('id', '=', network.id)
        .executeTakeFirstOrThrow();
      const member = await buildMember(t.ctx, networkRow, { user: await buildUser(t.ctx, { locale: 'de' }) });
      const memberClient = await signIn(t.app, member);
      const spaces = (await memberClient.get(`/api/networks/${network.slug}/spaces`)).json().spaces;
      expect(spaces.map((s: { name: string }) => s.name)).toEqual(['Ideen', 'Erfahrungen', 'Fragen']);
      const english = await memberClient.get(`/api/networks/${network.slug}/spaces`, {
        'accept-language': 'en',
      });
      // The account language wins over the header.
      expect(english.json().spaces[0].name).toBe('Ideen');
    });

    it('lets meta-mentors add, rename and archive spaces; others may not', async () => {
      const { slug, meta, alice, office } = await setup();
      const added = await meta.post(`/api/networks/${slug}/spaces`, { name: 'Housing' });
      expect(added.statusCode).toBe(201);
      expect(added.json()).toMatchObject({ key: null, name: 'Housing', position: 3, archived: false });
      expect((await meta.post(`/api/networks/${slug}/spaces`, { name: 'x' })).statusCode).toBe(400);
      expect((await meta.post(`/api/networks/${slug}/spaces`, { name: 'Ok', extra: 1 })).statusCode).toBe(
        400,
      );
      expect(errorCode(await alice.post(`/api/networks/${slug}/spaces`, { name: 'Mine' }))).toBe('FORBIDDEN');
      expect(errorCode(await office.post(`/api/networks/${slug}/spaces`, { name: 'Mine' }))).toBe(
        'FORBIDDEN',
      );

      const ideas = await spaceId(meta, slug, 'ideas');
      const renamed = await meta.patch(`/api/networks/${slug}/spaces/${ideas}`, { name: 'Brainstorming' });
      expect(renamed.json()).toMatchObject({
        key: 'ideas',
        name: 'Brainstorming',
        customName: 'Brainstorming',
      });
      const reset = await meta.patch(`/api/networks/${slug}/spaces/${ideas}`, { name: null });
      expect(reset.json()).toMatchObject({ name: 'Ideas', customName: null });
      // A custom space cannot lose its name.
      const custom = await meta.patch(`/api/networks/${slug}/spaces/${added.json().id}`, { name: null });
      expect(custom.json().name).toBe('Housing');

      const archived = await meta.patch(`/api/networks/${slug}/spaces/${added.json().id}`, {
        archived: true,
      });
      expect(archived.json().archived).toBe(true);
      expect(
        errorCode(
          await alice.post(`/api/networks/${slug}/topics`, {
            spaceId: added.json().id,
            title: 'In an archived space',
            body: 'Hello',
          }),
        ),
      ).toBe('SPACE_ARCHIVED');
      expect(errorCode(await alice.patch(`/api/networks/${slug}/spaces/${ideas}`, { archived: true }))).toBe(
        'FORBIDDEN',
      );

      const other = await setup();
      const foreign = await spaceId(other.meta, other.slug, 'ideas');
      expect(
        (await meta.patch(`/api/networks/${slug}/spaces/${foreign}`, { name: 'Stolen' })).statusCode,
      ).toBe(404);
    });
  });

  describe('topics and replies', () => {
    it('starts a topic, lists it, replies, and keeps the counts', async () => {
      const { network, slug, alice, bob, aliceUser } = await setup();
      const questions = await spaceId(alice, slug);
      const rec = recordEvents(t.ctx);
      const topic = await startTopic(alice, slug, {
        spaceId: questions,
        title: 'Anmeldung beim Bürgeramt',
        body: 'Wie lange dauert **die Anmeldung**?',
      });
      expect(topic).toMatchObject({
        spaceId: questions,
        title: 'Anmeldung beim Bürgeramt',
        author: { id: aliceUser.id },
        replyCount: 0,
        pinned: false,
        locked: false,
        isNew: false,
        unreadCount: 0,
      });
      expect(topic.opening.bodyHtml).toBe('<p>Wie lange dauert <strong>die Anmeldung</strong>?</p>\n');
      expect(topic.opening).toMatchObject({
        isOpening: true,
        canEdit: true,
        canDelete: true,
        editedAt: null,
      });

      const reply = await bob.post(`/api/networks/${slug}/topics/${topic.id}/replies`, {
        body: 'About two weeks in our town.',
      });
      expect(reply.statusCode).toBe(201);
      expect(reply.json()).toMatchObject({ isOpening: false, bodySource: 'About two weeks in our town.' });

      const list = (await alice.get(`/api/networks/${slug}/topics?spaceId=${questions}`)).json();
      expect(list.topics).toHaveLength(1);
      expect(list.topics[0]).toMatchObject({ id: topic.id, replyCount: 1, unreadCount: 1, isNew: false });
      const replies = (await alice.get(`/api/networks/${slug}/topics/${topic.id}/replies`)).json();
      expect(replies.replies.map((r: { id: string }) => r.id)).toEqual([reply.json().id]);
      // The Markdown source goes only to the author, who alone may edit; others read the HTML.
      expect(replies.replies[0]).toMatchObject({
        canEdit: false,
        canDelete: false,
        bodySource: null,
        bodyHtml: '<p>About two weeks in our town.</p>\n',
      });
      const ownReplies = (await bob.get(`/api/networks/${slug}/topics/${topic.id}/replies`)).json();
      expect(ownReplies.replies[0]).toMatchObject({
        canEdit: true,
        bodySource: 'About two weeks in our town.',
      });
      expect(
        (await bob.get(`/api/networks/${slug}/topics/${topic.id}`)).json().opening.bodySource,
      ).toBeNull();

      expect(rec.of('topic.created').map((e) => e.room)).toEqual([`network:${network.id}`]);
      expect(rec.of('reply.created')[0]?.event.data).toMatchObject({
        topicId: topic.id,
        post: { id: reply.json().id },
      });
      rec.stop();
    });

    it('refuses bad input with codes', async () => {
      const { slug, alice, meta } = await setup();
      const questions = await spaceId(alice, slug);
      const post = (body: unknown) => alice.post(`/api/networks/${slug}/topics`, body);
      expect(errorCode(await post({ spaceId: questions, title: 'Empty body', body: '   ' }))).toBe(
        'VALIDATION_FAILED',
      );
      expect(errorCode(await post({ spaceId: questions, title: '', body: 'x' }))).toBe('VALIDATION_FAILED');
      const huge = await post({ spaceId: questions, title: 'Huge', body: 'x'.repeat(MAX_POST_CHARS + 1) });
      expect(huge.statusCode).toBe(400);
      expect(huge.json().error.details[0].path).toEqual(['body']);
      // The longest post fits even in four-byte characters.
      const longest = await post({
        spaceId: questions,
        title: 'Longest',
        body: '🙂'.repeat(MAX_POST_CHARS / 2),
      });
      expect(longest.statusCode).toBe(201);
      const tooBig = await post({ spaceId: questions, title: 'Way too big', body: 'x'.repeat(300 * 1024) });
      expect(errorCode(tooBig)).toBe('PAYLOAD_TOO_LARGE');
      expect(errorCode(await post({ spaceId: 'nope', title: 'Unknown space', body: 'x' }))).toBe('NOT_FOUND');

      const topic = await startTopic(alice, slug, { spaceId: questions });
      const replies = `/api/networks/${slug}/topics/${topic.id}/replies`;
      expect(errorCode(await alice.post(replies, { body: '' }))).toBe('VALIDATION_FAILED');
      expect(errorCode(await alice.post(replies, { body: 'x'.repeat(MAX_POST_CHARS + 1) }))).toBe(
        'VALIDATION_FAILED',
      );
      expect(errorCode(await alice.post(replies, { body: 'ok', unknown: true }))).toBe('VALIDATION_FAILED');
      expect(errorCode(await alice.get(`${replies}?cursor=forged`))).toBe('VALIDATION_FAILED');
      expect(errorCode(await alice.get(`${replies}?limit=1000`))).toBe('VALIDATION_FAILED');
      expect(
        errorCode(await meta.request('PUT', `/api/networks/${slug}/topics/${topic.id}/moderation`, {})),
      ).toBe('VALIDATION_FAILED');
      expect(
        errorCode(
          await alice.post(`/api/networks/${slug}/posts/${topic.opening.id}/reactions`, { reaction: '💩' }),
        ),
      ).toBe('VALIDATION_FAILED');
    });

    it('answers ids from another network with 404', async () => {
      const { slug, alice } = await setup();
      const other = await setup();
      const foreignSpace = await spaceId(other.alice, other.slug);
      const foreign = await startTopic(other.alice, other.slug, { spaceId: foreignSpace });
      const n = `/api/networks/${slug}`;
      expect(errorCode(await alice.get(`${n}/topics/${foreign.id}`))).toBe('NOT_FOUND');
      expect(errorCode(await alice.get(`${n}/topics/${foreign.id}/replies`))).toBe('NOT_FOUND');
      // Whatever the cursor: one that would read further replies, or a broken one.
      const cursor = Buffer.from(JSON.stringify([''])).toString('base64url');
      for (const page of [`cursor=${cursor}`, 'cursor=forged']) {
        expect(errorCode(await alice.get(`${n}/topics/${foreign.id}/replies?${page}`))).toBe('NOT_FOUND');
      }
      expect(errorCode(await alice.get(`${n}/topics?spaceId=${foreignSpace}`))).toBe('NOT_FOUND');
      expect(errorCode(await alice.post(`${n}/topics/${foreign.id}/replies`, { body: 'Hi' }))).toBe(
        'NOT_FOUND',
      );
      expect(
        errorCode(
          await alice.post(`${n}/topics`, { spaceId: foreignSpace, title: 'Forged space', body: 'x' }),
        ),
      ).toBe('NOT_FOUND');
      expect(errorCode(await alice.patch(`${n}/posts/${foreign.opening.id}`, { body: 'Edited' }))).toBe(
        'NOT_FOUND',
      );
      expect(errorCode(await alice.delete(`${n}/posts/${foreign.opening.id}`))).toBe('NOT_FOUND');
      expect(
        errorCode(await alice.post(`${n}/posts/${foreign.opening.id}/reactions`, { reaction: 'like' })),
      ).toBe('NOT_FOUND');
      const own = await startTopic(alice, slug, { spaceId: await spaceId(alice, slug) });
      expect(errorCode(await alice.post(`${n}/topics/${own.id}/read`, { postId: foreign.opening.id }))).toBe(
        'NOT_FOUND',
      );
      // Nothing changed over there.
      const untouched = (await other.alice.get(`/api/networks/${other.slug}/topics/${foreign.id}`)).json();
      expect(untouched).toMatchObject({ replyCount: 0, deleted: false, opening: { editedAt: null } });
    });

    it('renders mentions of members, refuses mentions of anyone else, and tells the mentioned', async () => {
      const { slug, alice, bob, bobUser, aliceUser } = await setup();
      const outsider = await buildUser(t.ctx);
      const other = await setup();
      const questions = await spaceId(alice, slug);
      const rec = recordEvents(t.ctx);
      const topic = await startTopic(alice, slug, {
        spaceId: questions,
        body: `Hi ${mentionToken({ id: bobUser.id, displayName: 'Fake Name' })}, can you help? \`${mentionToken(outsider)}\``,
      });
      expect(topic.opening.mentions).toEqual([bobUser.id]);
      expect(topic.opening.bodyHtml).toContain(
        `<span class="mention" data-user-id="${bobUser.id}">@${bobUser.displayName}</span>`,
      );
      const mention = rec.of('mention.created');
      expect(mention.map((e) => e.room)).toEqual([`user:${bobUser.id}`]);
      expect(mention[0]?.event.data).toMatchObject({
        topicId: topic.id,
        postId: topic.opening.id,
        networkSlug: slug,
        by: { id: aliceUser.id },
      });

      for (const stranger of [outsider, other.aliceUser]) {
        const res = await bob.post(`/api/networks/${slug}/topics/${topic.id}/replies`, {
          body: `Ask ${mentionToken(stranger)}`,
        });
        expect(res.statusCode).toBe(400);
        expect(res.json().error).toMatchObject({
          code: 'MENTION_NOT_MEMBER',
          details: { userIds: [stranger.id] },
        });
      }
      expect(
        errorCode(
          await alice.patch(`/api/networks/${slug}/posts/${topic.opening.id}`, {
            body: mentionToken(outsider),
          }),
        ),
      ).toBe('MENTION_NOT_MEMBER');

      // Mentioning yourself or someone already mentioned before an edit tells nobody again.
      const before = rec.of('mention.created').length;
      const edited = await alice.patch(`/api/networks/${slug}/posts/${topic.opening.id}`, {
        body: `${mentionToken(bobUser)} and ${mentionToken(aliceUser)}`,
      });
      expect(edited.statusCode).toBe(200);
      expect(rec.of('mention.created')).toHaveLength(before);
      rec.stop();
    });

    it('lets only the author edit (marked edited) and the author or a moderator delete', async () => {
      const { slug, alice, bob, meta } = await setup();
      const topic = await startTopic(alice, slug, { spaceId: await spaceId(alice, slug) });
      const replyRes = await bob.post(`/api/networks/${slug}/topics/${topic.id}/replies`, {
        body: 'First answer',
      });
      const reply = replyRes.json();
      const postUrl = `/api/networks/${slug}/posts/${reply.id}`;

      expect(errorCode(await alice.patch(postUrl, { body: 'Not mine' }))).toBe('FORBIDDEN');
      expect(errorCode(await meta.patch(postUrl, { body: 'Moderators do not rewrite' }))).toBe('FORBIDDEN');
      const rec = recordEvents(t.ctx);
      const edited = await bob.patch(postUrl, { body: 'First answer, *corrected*' });
      expect(edited.statusCode).toBe(200);
      expect(edited.json().editedAt).toEqual(expect.any(String));
      expect(edited.json().bodyHtml).toBe('<p>First answer, <em>corrected</em></p>\n');
      expect(rec.of('reply.updated')[0]?.event.data).toMatchObject({
        post: { id: reply.id, editedAt: expect.any(String) },
      });

      expect(errorCode(await alice.delete(postUrl))).toBe('FORBIDDEN');
      const deleted = await bob.delete(postUrl);
      expect(deleted.json()).toMatchObject({ deleted: true, bodySource: null, bodyHtml: null });
      expect(rec.of('reply.deleted')[0]?.event.data).toEqual({
        networkId: expect.any(String),
        topicId: topic.id,
        postId: reply.id,
      });
      expect(errorCode(await bob.patch(postUrl, { body: 'Back again' }))).toBe('NOT_FOUND');
      expect(errorCode(await bob.delete(postUrl))).toBe('NOT_FOUND');

      const forMember = (await alice.get(`/api/networks/${slug}/topics/${topic.id}/replies`)).json()
        .replies[0];
      expect(forMember).toMatchObject({ id: reply.id, deleted: true, bodyHtml: null, bodySource: null });
      const forModerator = (await meta.get(`/api/networks/${slug}/topics/${topic.id}/replies`)).json()
        .replies[0];
      expect(forModerator).toMatchObject({
        deleted: true,
        bodyHtml: '<p>First answer, <em>corrected</em></p>\n',
        bodySource: null,
      });
      expect((await alice.get(`/api/networks/${slug}/topics/${topic.id}`)).json().replyCount).toBe(0);

      // A moderator deletes someone else's reply; the audit log says so.
      const second = (
        await bob.post(`/api/networks/${slug}/topics/${topic.id}/replies`, { body: 'Spam?' })
      ).json();
      expect((await meta.delete(`/api/networks/${slug}/posts/${second.id}`)).statusCode).toBe(200);
      const audit = await t.ctx.database.db
        .selectFrom('auditLog')
        .select('action')
        .where('action', '=', 'post.deleted')
        .where('details', 'like', `%${second.id}%`)
        .execute();
      expect(audit).toHaveLength(1);
      rec.stop();
    });

    it('deletes topics softly: moderators still see them, members see "deleted"', async () => {
      const { slug, alice, bob, meta } = await setup();
      const questions = await spaceId(alice, slug);
      const topic = await startTopic(alice, slug, { spaceId: questions, title: 'To be removed' });
      await bob.post(`/api/networks/${slug}/topics/${topic.id}/replies`, { body: 'A reply' });
      expect(errorCode(await bob.delete(`/api/networks/${slug}/topics/${topic.id}`))).toBe('FORBIDDEN');
      expect((await alice.delete(`/api/networks/${slug}/topics/${topic.id}`)).statusCode).toBe(200);

      const seenByBob = (await bob.get(`/api/networks/${slug}/topics/${topic.id}`)).json();
      expect(seenByBob).toMatchObject({ deleted: true, title: null, opening: { bodyHtml: null } });
      expect((await bob.get(`/api/networks/${slug}/topics`)).json().topics).toEqual([]);
      expect((await bob.get(`/api/networks/${slug}/topics/${topic.id}/replies`)).json().replies).toEqual([]);
      expect(
        (await bob.get(`/api/networks/${slug}/topics/${topic.id}/replies?cursor=forged`)).json(),
      ).toMatchObject({ replies: [], nextCursor: null });
      expect(
        errorCode(await meta.get(`/api/networks/${slug}/topics/${topic.id}/replies?cursor=forged`)),
      ).toBe('VALIDATION_FAILED');
      const seenByMeta = (await meta.get(`/api/networks/${slug}/topics/${topic.id}`)).json();
      expect(seenByMeta).toMatchObject({ deleted: true, title: 'To be removed', opening: { deleted: true } });
      expect(seenByMeta.opening.bodyHtml).toEqual(expect.any(String));
      expect((await meta.get(`/api/networks/${slug}/topics`)).json().topics).toHaveLength(1);
      expect(
        (await meta.get(`/api/networks/${slug}/topics/${topic.id}/replies`)).json().replies,
      ).toHaveLength(1);
      expect(
        errorCode(await meta.post(`/api/networks/${slug}/topics/${topic.id}/replies`, { body: 'x' })),
      ).toBe('NOT_FOUND');
      const spaces = (await bob.get(`/api/networks/${slug}/spaces`)).json().spaces;
      expect(spaces.find((s: { id: string }) => s.id === questions).topicCount).toBe(0);

      // Deleting the opening post deletes the topic; a moderator may do it.
      const second = await startTopic(bob, slug, { spaceId: questions });
      expect((await meta.delete(`/api/networks/${slug}/posts/${second.opening.id}`)).statusCode).toBe(200);
      expect((await alice.get(`/api/networks/${slug}/topics/${second.id}`)).json().deleted).toBe(true);
    });

    it('lets meta-mentors pin and lock; locked topics refuse replies', async () => {
      const { slug, alice, bob, meta, office } = await setup();
      const questions = await spaceId(alice, slug);
      const older = await startTopic(alice, slug, { spaceId: questions, title: 'Older topic' });
      const newer = await startTopic(bob, slug, { spaceId: questions, title: 'Newer topic' });
      const moderation = `/api/networks/${slug}/topics/${older.id}/moderation`;
      expect(errorCode(await alice.request('PUT', moderation, { pinned: true }))).toBe('FORBIDDEN');
      expect(errorCode(await office.request('PUT', moderation, { pinned: true }))).toBe('FORBIDDEN');

      expect((await meta.request('PUT', moderation, { pinned: true })).json()).toMatchObject({
        pinned: true,
        locked: false,
      });
      const order = (await bob.get(`/api/networks/${slug}/topics`))
        .json()
        .topics.map((x: { id: string }) => x.id);
      expect(order).toEqual([older.id, newer.id]);

      expect((await meta.request('PUT', moderation, { locked: true })).json()).toMatchObject({
        pinned: true,
        locked: true,
      });
      const refused = await bob.post(`/api/networks/${slug}/topics/${older.id}/replies`, {
        body: 'Too late',
      });
      expect(refused.statusCode).toBe(409);
      expect(errorCode(refused)).toBe('TOPIC_LOCKED');
      expect(
        errorCode(await meta.post(`/api/networks/${slug}/topics/${older.id}/replies`, { body: 'Me too' })),
      ).toBe('TOPIC_LOCKED');
      expect((await meta.request('PUT', moderation, { locked: false, pinned: false })).json()).toMatchObject({
        pinned: false,
        locked: false,
      });
      expect(
        (await bob.post(`/api/networks/${slug}/topics/${older.id}/replies`, { body: 'Now' })).statusCode,
      ).toBe(201);
      // Renaming is for the author.
      expect(
        errorCode(await bob.patch(`/api/networks/${slug}/topics/${older.id}`, { title: 'Hijacked' })),
      ).toBe('FORBIDDEN');
      expect(
        (await alice.patch(`/api/networks/${slug}/topics/${older.id}`, { title: 'Renamed' })).json().title,
      ).toBe('Renamed');
    });

    it('toggles reactions from the fixed set', async () => {
      const { slug, alice, bob } = await setup();
      const topic = await startTopic(alice, slug, { spaceId: await spaceId(alice, slug) });
      const url = `/api/networks/${slug}/posts/${topic.opening.id}/reactions`;
      const rec = recordEvents(t.ctx);
      expect((await bob.post(url, { reaction: 'like' })).json().reactions).toEqual([
        { reaction: 'like', count: 1, mine: true },
      ]);
      expect((await alice.post(url, { reaction: 'like' })).json().reactions).toEqual([
        { reaction: 'like', count: 2, mine: true },
      ]);
      await alice.post(url, { reaction: 'thanks' });
      expect((await bob.post(url, { reaction: 'like' })).json().reactions).toEqual([
        { reaction: 'like', count: 1, mine: false },
        { reaction: 'thanks', count: 1, mine: false },
      ]);
      const seen = (await bob.get(`/api/networks/${slug}/topics/${topic.id}`)).json().opening.reactions;
      expect(seen).toEqual([
        { reaction: 'like', count: 1, mine: false },
        { reaction: 'thanks', count: 1, mine: false },
      ]);
      expect(rec.of('reaction.changed')).toHaveLength(4);
      expect(rec.of('reaction.changed')[3]?.event.data).toMatchObject({
        postId: topic.opening.id,
        reactions: [
          { reaction: 'like', count: 1, mine: false },
          { reaction: 'thanks', count: 1, mine: false },
        ],
      });
      rec.stop();
    });

    it('marks what is new since the last visit', async () => {
      const { slug, alice, bob } = await setup();
      const topic = await startTopic(alice, slug, { spaceId: await spaceId(alice, slug) });
      const summary = async (client: TestClient) =>
        (await client.get(`/api/networks/${slug}/topics`))
          .json()
          .topics.find((x: { id: string }) => x.id === topic.id);
      expect(await summary(bob)).toMatchObject({ isNew: true, unreadCount: 1 });
      expect(await summary(alice)).toMatchObject({ isNew: false, unreadCount: 0 });

      expect((await bob.post(`/api/networks/${slug}/topics/${topic.id}/read`, {})).statusCode).toBe(200);
      expect(await summary(bob)).toMatchObject({ isNew: false, unreadCount: 0 });

      const r1 = (
        await alice.post(`/api/networks/${slug}/topics/${topic.id}/replies`, { body: 'One' })
      ).json();
      const r2 = (
        await alice.post(`/api/networks/${slug}/topics/${topic.id}/replies`, { body: 'Two' })
      ).json();
      expect(await summary(bob)).toMatchObject({ unreadCount: 2 });
      const detail = (await bob.get(`/api/networks/${slug}/topics/${topic.id}`)).json();
      expect(detail.lastReadPostId).toBe(topic.opening.id);

      await bob.post(`/api/networks/${slug}/topics/${topic.id}/read`, { postId: r1.id });
      expect(await summary(bob)).toMatchObject({ unreadCount: 1 });
      // The marker never moves back.
      await bob.post(`/api/networks/${slug}/topics/${topic.id}/read`, { postId: topic.opening.id });
      expect(await summary(bob)).toMatchObject({ unreadCount: 1 });
      await bob.post(`/api/networks/${slug}/topics/${topic.id}/read`, { postId: r2.id });
      expect(await summary(bob)).toMatchObject({ unreadCount: 0 });
      // Bob's own reply is not news to him.
      await bob.post(`/api/networks/${slug}/topics/${topic.id}/replies`, { body: 'Three' });
      expect(await summary(bob)).toMatchObject({ unreadCount: 0 });
      expect(await summary(alice)).toMatchObject({ unreadCount: 1 });
    });

    it('pages topics by last activity and replies by creation without duplicates', async () => {
      const { slug, alice, bob } = await setup();
      const questions = await spaceId(alice, slug);
      const ids: string[] = [];
      for (let i = 0; i < 7; i++)
        ids.push((await startTopic(alice, slug, { spaceId: questions, title: `Topic ${i}` })).id);
      // Activity moves the oldest topic to the top.
      const first = ids[0] ?? '';
      await bob.post(`/api/networks/${slug}/topics/${first}/replies`, { body: 'Bump' });
      const expected = [first, ...ids.slice(1).reverse()];

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `&cursor=${cursor}` : '';
        const page = (await bob.get(`/api/networks/${slug}/topics?limit=3${query}`)).json();
        expect(page.topics.length).toBeLessThanOrEqual(3);
        seen.push(...page.topics.map((x: { id: string }) => x.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(expected);

      const replyIds: string[] = [];
      for (let i = 0; i < 8; i++) {
        const author = i % 2 === 0 ? alice : bob;
        replyIds.push(
          (await author.post(`/api/networks/${slug}/topics/${first}/replies`, { body: `Reply ${i}` })).json()
            .id,
        );
      }
      const pages: string[] = [];
      cursor = null;
      do {
        const query: string = cursor ? `&cursor=${cursor}` : '';
        const page = (
          await alice.get(`/api/networks/${slug}/topics/${first}/replies?limit=3${query}`)
        ).json();
        pages.push(...page.replies.map((x: { id: string }) => x.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(pages).toHaveLength(9);
      expect(new Set(pages).size).toBe(9);
      expect(pages.slice(1)).toEqual(replyIds);
    });
  });

  describe('permissions', () => {
    it('lets only members who accepted the agreement read and write', async () => {
      const { network, slug, alice } = await setup();
      const topic = await startTopic(alice, slug, { spaceId: await spaceId(alice, slug) });
      const pendingUser = await buildMember(t.ctx, network, { accepted: false });
      const orgAdminUser = await buildUser(t.ctx);
      await t.ctx.database.db
        .insertInto('organisationAdmins')
        .values({
          organisationId: network.organisationId,
          userId: orgAdminUser.id,
          createdAt: new Date().toISOString(),
        })
        .execute();
      const platformUser = await buildUser(t.ctx, { isPlatformAdmin: 1 });
      const clients = {
        visitor: new TestClient(t.app),
        non_member: await signIn(t.app, await buildUser(t.ctx)),
        pending: await signIn(t.app, pendingUser),
        org_admin: await signIn(t.app, orgAdminUser),
        platform_admin: await signIn(t.app, platformUser),
      };
      const expected = {
        visitor: 'UNAUTHENTICATED',
        non_member: 'FORBIDDEN',
        pending: 'AGREEMENT_REQUIRED',
        org_admin: 'FORBIDDEN',
        platform_admin: 'FORBIDDEN',
      };
      const n = `/api/networks/${slug}`;
      const requests: [string, string, unknown?][] = [
        ['GET', `${n}/spaces`],
        ['POST', `${n}/spaces`, { name: 'Not yours' }],
        ['GET', `${n}/topics`],
        ['POST', `${n}/topics`, { spaceId: topic.spaceId, title: 'Not yours', body: 'x' }],
        ['GET', `${n}/topics/${topic.id}`],
        ['PATCH', `${n}/topics/${topic.id}`, { title: 'Not yours' }],
        ['DELETE', `${n}/topics/${topic.id}`],
        ['PUT', `${n}/topics/${topic.id}/moderation`, { pinned: true }],
        ['POST', `${n}/topics/${topic.id}/read`, {}],
        ['GET', `${n}/topics/${topic.id}/replies`],
        ['POST', `${n}/topics/${topic.id}/replies`, { body: 'x' }],
        ['PATCH', `${n}/posts/${topic.opening.id}`, { body: 'x' }],
        ['DELETE', `${n}/posts/${topic.opening.id}`],
        ['POST', `${n}/posts/${topic.opening.id}/reactions`, { reaction: 'like' }],
        ['GET', `${n}/attachments/${topic.opening.id}`],
      ];
      for (const [who, client] of Object.entries(clients)) {
        for (const [method, url, body] of requests) {
          const res = await client.request(method as 'GET', url, body);
          // A pending mentor could not do what only meta-mentors may even after accepting.
          const metaOnly = (url.endsWith('/spaces') && method === 'POST') || url.endsWith('/moderation');
          const want = who === 'pending' && metaOnly ? 'FORBIDDEN' : expected[who as keyof typeof expected];
          expect(`${who} ${method} ${url} → ${errorCode(res)}`).toBe(`${who} ${method} ${url} → ${want}`);
        }
      }
      // Nothing changed.
      const after = (await alice.get(`${n}/topics/${topic.id}`)).json();
      expect(after).toMatchObject({ title: topic.title, deleted: false, pinned: false, replyCount: 0 });
    });

    it('hides private networks from outsiders entirely', async () => {
      const { slug } = await setup({ visibility: 'private' });
      const outsider = await signIn(t.app, await buildUser(t.ctx));
      for (const url of ['spaces', 'topics']) {
        expect(errorCode(await outsider.get(`/api/networks/${slug}/${url}`))).toBe('NOT_FOUND');
        expect(errorCode(await new TestClient(t.app).get(`/api/networks/${slug}/${url}`))).toBe('NOT_FOUND');
      }
    });
  });
});
