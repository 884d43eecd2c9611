import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuddyPair, BuddySuggestions } from '../../../common/contracts/buddies.ts';
import { buildPair, notificationsOf, saveProfileAs } from '../../test/buddies.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, signIn, type TestClient } from '../../test/client.ts';
import { recordEvents } from '../../test/discussions.ts';
import { buildMember, buildNetwork, buildUser } from '../../test/factories.ts';
import type { NetworkRow } from '../networks/index.ts';
import type { UserRow } from '../users/index.ts';

describe.each(DIALECTS)('buddy pairing on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  /** A member with a client and their id. */
  async function person(
    network: NetworkRow,
    options: Parameters<typeof buildMember>[2] & { name?: string } = {},
  ): Promise<{ id: string; client: TestClient; user: UserRow }> {
    const user = options.user ?? (await buildUser(t.ctx, { displayName: options.name ?? 'Someone' }));
    const member = await buildMember(t.ctx, network, { ...options, user });
    return { id: user.id, client: await signIn(t.app, member), user };
  }

  /** A network with its meta-mentor, an office member, a beginner and an experienced mentor. */
  async function pairingNetwork() {
    const network = await buildNetwork(t.ctx, { visibility: 'private' });
    const base = `/api/networks/${network.slug}/buddies`;
    const meta = await person(network, { role: 'meta_mentor', name: 'Olga Meta' });
    const office = await person(network, { role: 'office', name: 'Omar Office' });
    const beginner = await person(network, { level: 'beginner', name: 'Nadia New' });
    const mentor = await person(network, { level: 'experienced', name: 'Milan Mentor' });
    return { network, base, meta, office, beginner, mentor };
  }

  it('suggests experienced mentors ranked by language, region, expertise and load, with the reasons', async () => {
    const { network, base, meta, beginner } = await pairingNetwork();
    await saveProfileAs(beginner.client, {
      languages: ['ar', 'de'],
      region: 'Leipzig',
      expertise: ['housing', 'work'],
      lookingForBuddy: true,
    });
    const mentors = {
      best: await person(network, { level: 'experienced', name: 'Amal Best' }),
      open: await person(network, { level: 'experienced', name: 'Bruno Open' }),
      far: await person(network, { level: 'experienced', name: 'Carla Far' }),
      busy: await person(network, { level: 'experienced', name: 'Dara Busy' }),
      pending: await person(network, { level: 'experienced', accepted: false, name: 'Eve Pending' }),
    };
    await saveProfileAs(mentors.best.client, {
      languages: ['ar', 'de'],
      region: 'leipzig ',
      expertise: ['housing'],
    });
    await saveProfileAs(mentors.open.client, {
      languages: ['ar'],
      region: 'Berlin',
      expertise: ['housing', 'work'],
      openToBuddy: true,
    });
    await saveProfileAs(mentors.far.client, { languages: ['en'], region: 'Hamburg' });
    await saveProfileAs(mentors.busy.client, {
      languages: ['ar', 'de'],
      region: 'Leipzig',
      expertise: ['housing'],
    });
    await saveProfileAs(mentors.pending.client, { languages: ['ar', 'de'], region: 'Leipzig' });
    // Dara is the buddy of two beginners already (one of them in another network: a person's time is one).
    const other = await buildNetwork(t.ctx);
    for (const net of [network, other]) {
      const someone = await person(net, { level: 'beginner' });
      await buildPair(t.ctx, { networkId: net.id, beginnerId: someone.id, mentorId: mentors.busy.id });
    }

    const res = await meta.client.get(`${base}/suggestions?for=${beginner.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as BuddySuggestions;
    expect(body.beginner).toMatchObject({
      id: beginner.id,
      displayName: 'Nadia New',
      languages: ['ar', 'de'],
      lookingForBuddy: true,
    });
    // The pending mentor (agreement not accepted) is left out; the default experienced mentor has no profile.
    expect(body.suggestions.map((s) => s.mentor.displayName)).toEqual([
      'Amal Best',
      'Bruno Open',
      'Dara Busy',
      'Carla Far',
      'Milan Mentor',
    ]);
    const [best, open, busy, far] = body.suggestions;
    expect(best?.reasons).toEqual([
      { code: 'shared_languages', languages: ['ar', 'de'] },
      { code: 'same_region', region: 'leipzig' },
      { code: 'shared_expertise', areas: ['housing'] },
      { code: 'current_load', activePairs: 0 },
    ]);
    expect(open?.reasons).toEqual([
      { code: 'shared_languages', languages: ['ar'] },
      { code: 'shared_expertise', areas: ['housing', 'work'] },
      { code: 'open_to_buddy' },
      { code: 'current_load', activePairs: 0 },
    ]);
    expect(busy).toMatchObject({ activePairs: 2 });
    expect(busy?.reasons.at(-1)).toEqual({ code: 'current_load', activePairs: 2 });
    expect(far?.reasons).toEqual([{ code: 'current_load', activePairs: 0 }]);
    expect(open?.mentor).toMatchObject({
      openToBuddy: true,
      region: 'Berlin',
      expertise: ['housing', 'work'],
    });

    // Only for beginners of this network; only for the meta-mentor and office.
    expect(errorCode(await meta.client.get(`${base}/suggestions?for=${mentors.best.id}`))).toBe(
      'BUDDY_NOT_BEGINNER',
    );
    const stranger = await buildUser(t.ctx);
    expect((await meta.client.get(`${base}/suggestions?for=${stranger.id}`)).statusCode).toBe(404);
    expect((await meta.client.get(`${base}/suggestions`)).statusCode).toBe(400);
    expect(errorCode(await beginner.client.get(`${base}/suggestions?for=${beginner.id}`))).toBe('FORBIDDEN');
  });

  it('runs a pairing from request to proposal, acceptance, first message and end', async () => {
    const { network, base, meta, office, beginner, mentor } = await pairingNetwork();
    await saveProfileAs(beginner.client, { languages: ['de'], lookingForBuddy: true });
    const events = recordEvents(t.ctx);

    // The beginner asks; the meta-mentor and the office hear of it.
    const asked = await beginner.client.post(base, { note: 'Someone who knows the job centre, please.' });
    expect(asked.statusCode, asked.body).toBe(201);
    const request = asked.json() as BuddyPair;
    expect(request).toMatchObject({
      status: 'requested',
      origin: 'beginner',
      mentor: null,
      requestedBy: { id: beginner.id },
      note: 'Someone who knows the job centre, please.',
      canAccept: false,
      canEnd: false,
      canWithdraw: true,
    });
    for (const staff of [meta, office]) {
      expect(await notificationsOf(t.ctx, staff.id, 'buddy_requested')).toHaveLength(1);
    }
    expect(errorCode(await beginner.client.post(base, {}))).toBe('BUDDY_PAIR_EXISTS');
    expect((await mentor.client.get(base)).json().pairs).toEqual([]);
    expect((await meta.client.get(base)).json().pairs.map((p: BuddyPair) => p.id)).toEqual([request.id]);

    // The meta-mentor names the buddy: the request becomes the proposal.
    const proposed = await meta.client.post(base, { beginnerId: beginner.id, mentorId: mentor.id });
    expect(proposed.statusCode, proposed.body).toBe(201);
    expect(proposed.json()).toMatchObject({
      id: request.id,
      status: 'proposed',
      origin: 'beginner',
      mentor: { id: mentor.id, displayName: 'Milan Mentor' },
      note: 'Someone who knows the job centre, please.',
      canAccept: false,
      canWithdraw: true,
    });
    expect(await notificationsOf(t.ctx, mentor.id, 'buddy_proposed')).toHaveLength(1);
    expect(await notificationsOf(t.ctx, beginner.id, 'buddy_proposed')).toHaveLength(1);
    const rooms = events.of('buddy.changed').map((e) => e.room);
    expect(rooms).toEqual(
      expect.arrayContaining([`user:${beginner.id}`, `user:${mentor.id}`, `buddies:${network.id}`]),
    );

    const seenByMentor = (await mentor.client.get(base)).json().pairs as BuddyPair[];
    expect(seenByMentor).toMatchObject([{ id: request.id, canAccept: true, canWithdraw: false }]);
    // Only the buddy answers.
    for (const who of [beginner, meta]) {
      expect(errorCode(await who.client.patch(`${base}/${request.id}`, { status: 'active' }))).toBe(
        'FORBIDDEN',
      );
    }
    expect(errorCode(await mentor.client.delete(`${base}/${request.id}`))).toBe('FORBIDDEN');

    const accepted = await mentor.client.patch(`${base}/${request.id}`, { status: 'active' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const active = accepted.json() as BuddyPair;
    expect(active).toMatchObject({ status: 'active', canEnd: true, canAccept: false, canWithdraw: false });
    expect(active.activatedAt).not.toBeNull();
    expect(active.conversationId).not.toBeNull();
    // The two have their direct conversation; the staff do not see which one it is.
    const conversation = await beginner.client.get(`/api/conversations/${active.conversationId}`);
    expect(conversation.statusCode).toBe(200);
    expect(
      conversation
        .json()
        .participants.map((p: { userId: string }) => p.userId)
        .sort(),
    ).toEqual([beginner.id, mentor.id].sort());
    expect((await meta.client.get(base)).json().pairs[0]).toMatchObject({
      status: 'active',
      conversationId: null,
    });
    expect((await beginner.client.get('/api/me/profile')).json().lookingForBuddy).toBe(false);
    const [acceptedNote] = await notificationsOf(t.ctx, beginner.id, 'buddy_accepted');
    expect(acceptedNote).toMatchObject({ actorId: mentor.id, conversationId: active.conversationId });
    expect(errorCode(await mentor.client.patch(`${base}/${request.id}`, { status: 'active' }))).toBe(
      'BUDDY_PAIR_CHANGED',
    );
    expect(errorCode(await beginner.client.delete(`${base}/${request.id}`))).toBe('BUDDY_PAIR_CHANGED');

    // The first message is the last contact.
    const sent = await beginner.client.post(`/api/conversations/${active.conversationId}/messages`, {
      clientId: 'first-hello',
      body: 'Hello Milan, thank you!',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const mine = (await beginner.client.get(`${base}?mine=true`)).json().pairs as BuddyPair[];
    expect(mine[0]?.lastContactAt).toBe(sent.json().createdAt);

    const ended = await mentor.client.patch(`${base}/${request.id}`, {
      status: 'ended',
      note: 'Moving to another city.',
    });
    expect(ended.json()).toMatchObject({
      status: 'ended',
      closedBy: { id: mentor.id },
      closeNote: 'Moving to another city.',
      canEnd: false,
      lastContactAt: null,
    });
    expect(await notificationsOf(t.ctx, beginner.id, 'buddy_ended')).toHaveLength(1);
    expect(await notificationsOf(t.ctx, mentor.id, 'buddy_ended')).toHaveLength(0);
    expect((await beginner.client.get(base)).json().pairs).toEqual([]);
    expect(
      (await beginner.client.get(`${base}?scope=closed`)).json().pairs.map((p: BuddyPair) => p.id),
    ).toEqual([request.id]);
    const audit = await t.ctx.database.db
      .selectFrom('auditLog')
      .select(['action', 'subjectUserId'])
      .where('networkId', '=', network.id)
      .where('action', 'like', 'buddy.%')
      .execute();
    expect(audit).toEqual([{ action: 'buddy.proposed', subjectUserId: beginner.id }]);
    events.stop();
  });

  it('reopens the request of a beginner whose buddy declined, and lets requests and proposals be withdrawn', async () => {
    const { network, base, meta, beginner, mentor } = await pairingNetwork();
    const second = await person(network, { level: 'experienced', name: 'Second Mentor' });

    // A beginner names only a mentor who said they are open to being a buddy (the staff may
    // propose anyone).
    expect(errorCode(await beginner.client.post(base, { mentorId: mentor.id }))).toBe('BUDDY_NOT_OPEN');
    await saveProfileAs(mentor.client, { openToBuddy: true });

    // A beginner asks a buddy by name; the buddy declines; the request stays open for the staff.
    const asked = (
      await beginner.client.post(base, { mentorId: mentor.id, note: 'We met at the course.' })
    ).json();
    expect(asked).toMatchObject({ status: 'proposed', origin: 'beginner', mentor: { id: mentor.id } });
    const declined = await mentor.client.patch(`${base}/${asked.id}`, {
      status: 'declined',
      note: 'I have no time this spring.',
    });
    expect(declined.json()).toMatchObject({ status: 'declined', closeNote: 'I have no time this spring.' });
    expect(await notificationsOf(t.ctx, beginner.id, 'buddy_declined')).toHaveLength(1);
    const open = (await beginner.client.get(base)).json().pairs as BuddyPair[];
    expect(open).toMatchObject([{ status: 'requested', mentor: null, note: 'We met at the course.' }]);
    const reopened = open[0] as BuddyPair;
    expect(reopened.id).not.toBe(asked.id);

    // The meta-mentor withdraws the request (an act in the audit log) …
    const withdrawn = await meta.client.delete(`${base}/${reopened.id}`);
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', closedBy: { displayName: 'Olga Meta' } });
    expect(errorCode(await meta.client.delete(`${base}/${reopened.id}`))).toBe('BUDDY_PAIR_CHANGED');
    // … a staff proposal that is declined is simply closed …
    const proposal = (await meta.client.post(base, { beginnerId: beginner.id, mentorId: second.id })).json();
    expect(proposal).toMatchObject({ origin: 'staff', requestedBy: { displayName: 'Olga Meta' } });
    await second.client.patch(`${base}/${proposal.id}`, { status: 'declined' });
    expect((await beginner.client.get(base)).json().pairs).toEqual([]);
    expect(await notificationsOf(t.ctx, meta.id, 'buddy_declined')).toHaveLength(1);
    // … and the beginner may say no to a proposal before the buddy answers.
    const again = (await meta.client.post(base, { beginnerId: beginner.id, mentorId: mentor.id })).json();
    expect((await beginner.client.delete(`${base}/${again.id}`)).json().status).toBe('withdrawn');
    expect(errorCode(await mentor.client.patch(`${base}/${again.id}`, { status: 'active' }))).toBe(
      'BUDDY_PAIR_CHANGED',
    );

    const history = (await meta.client.get(`${base}?scope=closed`)).json().pairs as BuddyPair[];
    expect(history.map((p) => p.status)).toEqual(['withdrawn', 'declined', 'withdrawn', 'declined']);
    const actions = await t.ctx.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('networkId', '=', network.id)
      .where('action', 'like', 'buddy.%')
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['buddy.withdrawn', 'buddy.proposed', 'buddy.proposed']);
  });

  it('shows each pairing to its two people and the staff only, and lets the staff end any', async () => {
    const { network, base, meta, office, beginner, mentor } = await pairingNetwork();
    const other = await person(network, { level: 'beginner' });
    const pair = await buildPair(t.ctx, {
      networkId: network.id,
      beginnerId: beginner.id,
      mentorId: mentor.id,
    });
    const path = `${base}/${pair.id}`;

    expect((await other.client.get(base)).json().pairs).toEqual([]);
    expect((await other.client.get(`${base}?scope=closed`)).json().pairs).toEqual([]);
    expect((await other.client.patch(path, { status: 'ended' })).statusCode).toBe(404);
    expect((await other.client.delete(path)).statusCode).toBe(404);
    expect((await office.client.get(`${base}?mine=true`)).json().pairs).toEqual([]);
    expect((await office.client.get(base)).json().pairs.map((p: BuddyPair) => p.id)).toEqual([pair.id]);

    // A pairing of another network is not found through this one.
    const elsewhere = await buildNetwork(t.ctx);
    await buildMember(t.ctx, elsewhere, { role: 'meta_mentor', user: meta.user });
    expect(
      (await meta.client.patch(`/api/networks/${elsewhere.slug}/buddies/${pair.id}`, { status: 'ended' }))
        .statusCode,
    ).toBe(404);

    const ended = await office.client.patch(path, { status: 'ended', note: 'Both asked us to.' });
    expect(ended.json()).toMatchObject({ status: 'ended', closedBy: { displayName: 'Omar Office' } });
    // Ended by the office: both buddies are told, and it is in the audit log.
    expect(await notificationsOf(t.ctx, beginner.id, 'buddy_ended')).toHaveLength(1);
    expect(await notificationsOf(t.ctx, mentor.id, 'buddy_ended')).toHaveLength(1);
    const [entry] = await t.ctx.database.db
      .selectFrom('auditLog')
      .select(['action', 'details'])
      .where('networkId', '=', network.id)
      .where('action', 'like', 'buddy.%')
      .execute();
    expect(entry?.action).toBe('buddy.ended');
    expect(JSON.parse(entry?.details ?? '{}')).toMatchObject({ note: 'Both asked us to.' });
  });

  it('pairs only beginners with experienced mentors, and checks what it is sent', async () => {
    const { network, base, meta, beginner, mentor } = await pairingNetwork();
    const otherBeginner = await person(network, { level: 'beginner' });
    const cases: [TestClient, unknown, number, string][] = [
      [meta.client, { beginnerId: beginner.id }, 400, 'VALIDATION_FAILED'],
      [meta.client, { beginnerId: mentor.id, mentorId: beginner.id }, 409, 'BUDDY_NOT_BEGINNER'],
      [meta.client, { beginnerId: beginner.id, mentorId: otherBeginner.id }, 409, 'BUDDY_NOT_EXPERIENCED'],
      [meta.client, { beginnerId: beginner.id, mentorId: meta.id }, 409, 'BUDDY_NOT_EXPERIENCED'],
      [meta.client, {}, 409, 'BUDDY_NOT_BEGINNER'],
      [mentor.client, {}, 409, 'BUDDY_NOT_BEGINNER'],
      [beginner.client, { beginnerId: otherBeginner.id }, 403, 'FORBIDDEN'],
      [beginner.client, { mentorId: beginner.id }, 409, 'BUDDY_NOT_EXPERIENCED'],
      [beginner.client, { note: 'x'.repeat(501) }, 400, 'VALIDATION_FAILED'],
      [beginner.client, { colour: 'blue' }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [client, body, status, code] of cases) {
      const res = await client.post(base, body);
      expect([res.statusCode, errorCode(res)], JSON.stringify(body)).toEqual([status, code]);
    }
    const pair = await buildPair(t.ctx, {
      networkId: network.id,
      beginnerId: beginner.id,
      mentorId: mentor.id,
    });
    expect((await mentor.client.patch(`${base}/${pair.id}`, { status: 'paused' })).statusCode).toBe(400);
    expect(errorCode(await meta.client.post(base, { beginnerId: beginner.id, mentorId: mentor.id }))).toBe(
      'BUDDY_PAIR_EXISTS',
    );
    expect((await meta.client.get(`${base}?cursor=broken`)).statusCode).toBe(400);
  });

  it('pages through the history and keeps one open pairing per beginner under a race', async () => {
    const { network, base, meta, mentor } = await pairingNetwork();
    for (let i = 0; i < 3; i++) {
      const someone = await person(network, { level: 'beginner' });
      await buildPair(t.ctx, {
        networkId: network.id,
        beginnerId: someone.id,
        mentorId: mentor.id,
        status: 'ended',
      });
    }
    const first = (await meta.client.get(`${base}?scope=closed&limit=2`)).json();
    expect(first.pairs).toHaveLength(2);
    const rest = (await meta.client.get(`${base}?scope=closed&limit=2&cursor=${first.nextCursor}`)).json();
    expect(rest.pairs).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();

    const racer = await person(network, { level: 'beginner' });
    const answers = await Promise.all([racer.client.post(base, {}), racer.client.post(base, {})]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
  });
});
