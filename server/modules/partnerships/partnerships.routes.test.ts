import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { notificationsOf } from '../../test/buddies.ts';
import { errorCode, signIn, type TestClient } from '../../test/client.ts';
import { buildEvent } from '../../test/events.ts';
import { buildHelpRequest } from '../../test/help-requests.ts';
import { buildTopic } from '../../test/discussions.ts';
import { buildMember, buildNetwork, buildOrganisation, buildUser, mailsTo } from '../../test/factories.ts';
import { buildResource } from '../../test/resources.ts';

describe.each(DIALECTS)('partner networks on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  /** A network with a meta-mentor and a mentor, each signed in. */
  async function side(name: string) {
    const network = await buildNetwork(t.ctx, { name });
    const meta = await buildMember(t.ctx, network, { role: 'meta_mentor' });
    const mentor = await buildMember(t.ctx, network, { role: 'mentor' });
    return {
      network,
      meta,
      mentor,
      metaClient: await signIn(t.app, meta),
      mentorClient: await signIn(t.app, mentor),
    };
  }

  async function partners() {
    const a = await side('Network A (fictional)');
    const b = await side('Network B (fictional)');
    const asked = await a.metaClient.post(`/api/networks/${a.network.slug}/partnerships`, {
      networkSlug: b.network.slug,
    });
    expect(asked.statusCode).toBe(201);
    const id = asked.json().id as string;
    const accepted = await b.metaClient.patch(`/api/networks/${b.network.slug}/partnerships/${id}`, {
      decision: 'accept',
    });
    expect(accepted.statusCode).toBe(200);
    return { a, b, id };
  }

  it('asks, tells the other side, and is accepted by the other side only', async () => {
    const a = await side('Asking network');
    const b = await side('Asked network');
    const asked = await a.metaClient.post(`/api/networks/${a.network.slug}/partnerships`, {
      networkSlug: b.network.slug,
    });
    expect(asked.statusCode).toBe(201);
    expect(asked.json()).toMatchObject({
      status: 'pending',
      outgoing: true,
      partner: { slug: b.network.slug, name: 'Asked network' },
    });
    const id = asked.json().id as string;
    expect(await notificationsOf(t.ctx, b.meta.id, 'partnership_requested')).toHaveLength(1);
    expect(await notificationsOf(t.ctx, a.meta.id, 'partnership_requested')).toHaveLength(0);

    // The asking side cannot answer its own request; a mentor of the asked side may not either.
    const self = await a.metaClient.patch(`/api/networks/${a.network.slug}/partnerships/${id}`, {
      decision: 'accept',
    });
    expect([self.statusCode, errorCode(self)]).toEqual([403, 'FORBIDDEN']);
    const mentor = await b.mentorClient.patch(`/api/networks/${b.network.slug}/partnerships/${id}`, {
      decision: 'accept',
    });
    expect([mentor.statusCode, errorCode(mentor)]).toEqual([403, 'FORBIDDEN']);

    // Pending requests show to the meta-mentors only; members see active partners.
    const pendingForMentor = await b.mentorClient.get(`/api/networks/${b.network.slug}/partnerships`);
    expect(pendingForMentor.json().partnerships).toEqual([]);
    const pendingForMeta = await b.metaClient.get(`/api/networks/${b.network.slug}/partnerships`);
    expect(pendingForMeta.json().partnerships).toMatchObject([{ id, status: 'pending', outgoing: false }]);

    const again = await a.metaClient.post(`/api/networks/${a.network.slug}/partnerships`, {
      networkSlug: b.network.slug,
    });
    expect([again.statusCode, errorCode(again)]).toEqual([409, 'PARTNERSHIP_EXISTS']);
    const reverse = await b.metaClient.post(`/api/networks/${b.network.slug}/partnerships`, {
      networkSlug: a.network.slug,
    });
    expect([reverse.statusCode, errorCode(reverse)]).toEqual([409, 'PARTNERSHIP_EXISTS']);

    const accepted = await b.metaClient.patch(`/api/networks/${b.network.slug}/partnerships/${id}`, {
      decision: 'accept',
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({
      status: 'active',
      outgoing: false,
      partner: { slug: a.network.slug },
    });
    expect(await notificationsOf(t.ctx, a.meta.id, 'partnership_accepted')).toHaveLength(1);
    const twice = await b.metaClient.patch(`/api/networks/${b.network.slug}/partnerships/${id}`, {
      decision: 'decline',
    });
    expect([twice.statusCode, errorCode(twice)]).toEqual([409, 'PARTNERSHIP_DECIDED']);

    const forMentor = await a.mentorClient.get(`/api/networks/${a.network.slug}/partnerships`);
    expect(forMentor.json().partnerships).toMatchObject([
      { id, status: 'active', partner: { slug: b.network.slug } },
    ]);

    // Both networks' audit logs record the request and the acceptance.
    const audit = await t.ctx.database.db
      .selectFrom('auditLog')
      .select(['networkId', 'action'])
      .where('action', 'like', 'partnership.%')
      .where('networkId', 'in', [a.network.id, b.network.id])
      .execute();
    expect(audit.map((r) => `${r.networkId === a.network.id ? 'a' : 'b'} ${r.action}`).sort()).toEqual([
      'a partnership.accepted',
      'a partnership.requested',
      'b partnership.accepted',
      'b partnership.requested',
    ]);
  });

  it('is declined, refuses oneself and networks one may not see, and is ended by either side', async () => {
    const a = await side('Network C (fictional)');
    const b = await side('Network D (fictional)');
    const ownSelf = await a.metaClient.post(`/api/networks/${a.network.slug}/partnerships`, {
      networkSlug: a.network.slug,
    });
    expect([ownSelf.statusCode, errorCode(ownSelf)]).toEqual([422, 'PARTNERSHIP_SELF']);
    const hidden = await buildNetwork(t.ctx, { visibility: 'private' });
    const toHidden = await a.metaClient.post(`/api/networks/${a.network.slug}/partnerships`, {
      networkSlug: hidden.slug,
    });
    expect([toHidden.statusCode, errorCode(toHidden)]).toEqual([404, 'NOT_FOUND']);

    const asked = await a.metaClient.post(`/api/networks/${a.network.slug}/partnerships`, {
      networkSlug: b.network.slug,
    });
    const declined = await b.metaClient.patch(
      `/api/networks/${b.network.slug}/partnerships/${asked.json().id}`,
      { decision: 'decline' },
    );
    expect(declined.json().status).toBe('declined');
    expect(await notificationsOf(t.ctx, a.meta.id, 'partnership_declined')).toHaveLength(1);

    const { a: c, b: d, id } = await partners();
    // An id of another network's partnership is not found through this one.
    const stranger = await a.metaClient.delete(`/api/networks/${a.network.slug}/partnerships/${id}`);
    expect(stranger.statusCode).toBe(404);
    const ended = await d.metaClient.delete(`/api/networks/${d.network.slug}/partnerships/${id}`);
    expect([ended.statusCode, ended.json().status]).toEqual([200, 'ended']);
    expect(await notificationsOf(t.ctx, c.meta.id, 'partnership_ended')).toHaveLength(1);
    const gone = await c.mentorClient.get(`/api/networks/${c.network.slug}/partnerships`);
    expect(gone.json().partnerships).toEqual([]);
    const endedTwice = await c.metaClient.delete(`/api/networks/${c.network.slug}/partnerships/${id}`);
    expect([endedTwice.statusCode, errorCode(endedTwice)]).toEqual([409, 'PARTNERSHIP_DECIDED']);
  });

  it('shows shared announcements, events and resources read-only in the partner, and nothing else', async () => {
    const { a, b, id } = await partners();
    const share = async (client: TestClient, title: string, shareWithPartners: boolean) =>
      client.post(`/api/networks/${a.network.slug}/announcements`, {
        title,
        body: `${title} body`,
        shareWithPartners,
      });
    expect((await share(a.metaClient, 'Shared announcement', true)).statusCode).toBe(201);
    expect((await share(a.metaClient, 'Own announcement', false)).statusCode).toBe(201);
    const sharedEvent = await buildEvent(t.ctx, a.network, a.meta.id, {
      title: 'Shared training',
      shareWithPartners: true,
    });
    const ownEvent = await buildEvent(t.ctx, a.network, a.meta.id, { title: 'Internal meeting' });
    const sharedResource = await buildResource(t.ctx, {
      networkId: a.network.id,
      authorId: a.meta.id,
      title: 'Shared guide',
      shareWithPartners: true,
    });
    const ownResource = await buildResource(t.ctx, {
      networkId: a.network.id,
      authorId: a.meta.id,
      title: 'Internal guide',
    });
    const helpId = await buildHelpRequest(t.ctx, {
      networkId: a.network.id,
      requesterId: a.mentor.id,
      kind: 'case',
    });
    const topic = await buildTopic(t.ctx, a.network, a.meta.id);
    const origin = { slug: a.network.slug, name: a.network.name };
    const bSlug = b.network.slug;

    const announcements = (await b.mentorClient.get(`/api/networks/${bSlug}/announcements`)).json()
      .announcements;
    expect(announcements.map((x: { title: string }) => x.title)).toEqual(['Shared announcement']);
    expect(announcements[0]).toMatchObject({ origin, author: null, pinned: false });
    // The partner's home shows its own pinned announcements only.
    expect(
      (await b.mentorClient.get(`/api/networks/${bSlug}/announcements/pinned`)).json().announcements,
    ).toEqual([]);

    const events = (await b.mentorClient.get(`/api/networks/${bSlug}/events`)).json().items;
    expect(events.map((e: { eventId: string }) => e.eventId)).toEqual([sharedEvent.id]);
    expect(events[0]).toMatchObject({ origin, shareWithPartners: true });
    const event = await b.mentorClient.get(`/api/networks/${bSlug}/events/${sharedEvent.id}`);
    expect(event.statusCode).toBe(200);
    expect(event.json()).toMatchObject({ title: 'Shared training', origin, organisers: [], canEdit: false });
    // Read-only: no answers, no changes across networks.
    const rsvp = await b.mentorClient.request('PUT', `/api/networks/${bSlug}/events/${sharedEvent.id}/rsvp`, {
      response: 'yes',
    });
    expect(rsvp.statusCode).toBe(404);
    const edit = await b.metaClient.patch(`/api/networks/${bSlug}/events/${sharedEvent.id}`, {
      title: 'Taken over',
    });
    expect(edit.statusCode).toBe(404);

    const resources = (await b.mentorClient.get(`/api/networks/${bSlug}/resources`)).json().resources;
    expect(resources.map((r: { id: string }) => r.id)).toEqual([sharedResource]);
    expect(resources[0]).toMatchObject({ origin, updatedBy: null });
    const resource = await b.mentorClient.get(`/api/networks/${bSlug}/resources/${sharedResource}`);
    expect(resource.json()).toMatchObject({ title: 'Shared guide', origin, canEdit: false, createdBy: null });

    // A member of the partner opens nothing but the shared items: not the origin's other items
    // (through either network), its case consultations, discussions, members or messages.
    const refused = [
      `/api/networks/${bSlug}/events/${ownEvent.id}`,
      `/api/networks/${bSlug}/resources/${ownResource}`,
      `/api/networks/${a.network.slug}/events/${sharedEvent.id}`,
      `/api/networks/${a.network.slug}/events`,
      `/api/networks/${a.network.slug}/announcements`,
      `/api/networks/${a.network.slug}/resources/${sharedResource}`,
      `/api/networks/${a.network.slug}/help-requests/${helpId}`,
      `/api/networks/${a.network.slug}/help-requests`,
      `/api/networks/${a.network.slug}/topics/${topic.topicId}`,
      `/api/networks/${a.network.slug}/members`,
    ];
    for (const url of refused) {
      const res = await b.mentorClient.get(url);
      expect([url, res.statusCode >= 400]).toEqual([url, true]);
    }
    // Partnership is no shared network: members of the two cannot open a conversation.
    const message = await b.mentorClient.post('/api/conversations/direct', { userId: a.mentor.id });
    expect([message.statusCode, errorCode(message)]).toEqual([403, 'NO_SHARED_NETWORK']);

    // Once the partnership ends, nothing of A shows in B any more.
    await a.metaClient.delete(`/api/networks/${a.network.slug}/partnerships/${id}`);
    expect((await b.mentorClient.get(`/api/networks/${bSlug}/events`)).json().items).toEqual([]);
    expect((await b.mentorClient.get(`/api/networks/${bSlug}/announcements`)).json().announcements).toEqual(
      [],
    );
    expect((await b.mentorClient.get(`/api/networks/${bSlug}/resources`)).json().resources).toEqual([]);
    expect((await b.mentorClient.get(`/api/networks/${bSlug}/events/${sharedEvent.id}`)).statusCode).toBe(
      404,
    );
  });

  it('lets an organisation ask to join a network, decided by its meta-mentor', async () => {
    const b = await side('Network E (fictional)');
    const orgAdmin = await buildUser(t.ctx);
    const org = await buildOrganisation(t.ctx, { adminId: orgAdmin.id, name: 'Joining Org (fictional)' });
    const admin = await signIn(t.app, orgAdmin);
    const asked = await admin.post(`/api/organisations/${org.slug}/join-requests`, {
      networkSlug: b.network.slug,
      message: 'We run a language café.',
    });
    expect(asked.statusCode).toBe(201);
    expect(asked.json()).toMatchObject({ status: 'pending', organisation: { slug: org.slug } });
    expect(await notificationsOf(t.ctx, b.meta.id, 'organisation_join_requested')).toHaveLength(1);
    const again = await admin.post(`/api/organisations/${org.slug}/join-requests`, {
      networkSlug: b.network.slug,
    });
    expect([again.statusCode, errorCode(again)]).toEqual([409, 'JOIN_REQUEST_EXISTS']);

    // Not an admin of the organisation: 403; a private network: 404.
    const outsider = await signIn(t.app, await buildUser(t.ctx));
    const notAdmin = await outsider.post(`/api/organisations/${org.slug}/join-requests`, {
      networkSlug: b.network.slug,
    });
    expect(notAdmin.statusCode).toBe(403);
    const hidden = await buildNetwork(t.ctx, { visibility: 'private' });
    const toHidden = await admin.post(`/api/organisations/${org.slug}/join-requests`, {
      networkSlug: hidden.slug,
    });
    expect(toHidden.statusCode).toBe(404);

    const requestId = asked.json().id as string;
    const byMentor = await b.mentorClient.patch(
      `/api/networks/${b.network.slug}/join-requests/${requestId}`,
      {
        decision: 'approve',
      },
    );
    expect(byMentor.statusCode).toBe(403);
    const list = await b.metaClient.get(`/api/networks/${b.network.slug}/join-requests`);
    expect(list.json().requests).toMatchObject([{ id: requestId, status: 'pending' }]);
    const approved = await b.metaClient.patch(`/api/networks/${b.network.slug}/join-requests/${requestId}`, {
      decision: 'approve',
    });
    expect(approved.json().status).toBe('approved');
    // The organisation's admins hear of the decision, in the app and by mail as they chose.
    const told = await notificationsOf(t.ctx, orgAdmin.id, 'organisation_join_approved');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ networkId: b.network.id, actorId: b.meta.id });
    expect(await notificationsOf(t.ctx, b.meta.id, 'organisation_join_approved')).toHaveLength(0);
    const page = await b.mentorClient.get(`/api/networks/${b.network.slug}`);
    expect(page.json().organisations.map((o: { slug: string }) => o.slug)).toContain(org.slug);
    const inAlready = await admin.post(`/api/organisations/${org.slug}/join-requests`, {
      networkSlug: b.network.slug,
    });
    expect([inAlready.statusCode, errorCode(inAlready)]).toEqual([409, 'ORGANISATION_IN_NETWORK']);
    const decidedTwice = await b.metaClient.patch(
      `/api/networks/${b.network.slug}/join-requests/${requestId}`,
      {
        decision: 'decline',
      },
    );
    expect([decidedTwice.statusCode, errorCode(decidedTwice)]).toEqual([409, 'JOIN_REQUEST_DECIDED']);
    const mine = await admin.get(`/api/organisations/${org.slug}/join-requests`);
    expect(mine.json().requests).toMatchObject([
      { id: requestId, status: 'approved', network: { slug: b.network.slug } },
    ]);
  });

  it('tells the organisation’s admins, in their language, when its request is declined', async () => {
    const b = await side('Network F (fictional)');
    const orgAdmin = await buildUser(t.ctx, { locale: 'de' });
    const org = await buildOrganisation(t.ctx, { adminId: orgAdmin.id, name: 'Declined Org (fictional)' });
    const admin = await signIn(t.app, orgAdmin);
    await admin.request('PUT', '/api/me/notification-preferences', { email: { applications: 'immediate' } });
    const asked = await admin.post(`/api/organisations/${org.slug}/join-requests`, {
      networkSlug: b.network.slug,
    });
    const declined = await b.metaClient.patch(
      `/api/networks/${b.network.slug}/join-requests/${asked.json().id}`,
      { decision: 'decline' },
    );
    expect(declined.json().status).toBe('declined');
    expect(await notificationsOf(t.ctx, orgAdmin.id, 'organisation_join_declined')).toHaveLength(1);
    expect(await notificationsOf(t.ctx, orgAdmin.id, 'organisation_join_approved')).toHaveLength(0);
    // In their list, though they are no member of the network.
    const list = (await admin.get('/api/notifications')).json();
    expect(list.notifications).toMatchObject([
      { kind: 'organisation_join_declined', network: { slug: b.network.slug } },
    ]);
    await t.ctx.jobs.drain();
    const [mail] = await mailsTo(t.ctx, orgAdmin.email);
    expect(mail?.subject).toContain('abgelehnt');
    expect(mail?.subject).toContain('Network F (fictional)');
  });
});
