import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuddyPair } from '../../../common/contracts/buddies.ts';
import { buildPair, notificationsOf } from '../../test/buddies.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { signIn, type TestClient } from '../../test/client.ts';
import { recordEvents } from '../../test/discussions.ts';
import { buildMember, buildNetwork, buildUser } from '../../test/factories.ts';
import type { NetworkRow } from '../networks/index.ts';

describe.each(DIALECTS)('buddy pairings of a member who leaves or is removed, on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  async function person(
    network: NetworkRow,
    options: Parameters<typeof buildMember>[2] & { name?: string } = {},
  ): Promise<{ id: string; client: TestClient }> {
    const user = await buildUser(t.ctx, { displayName: options.name ?? 'Someone' });
    const member = await buildMember(t.ctx, network, { ...options, user });
    return { id: user.id, client: await signIn(t.app, member) };
  }

  const statusOf = async (id: string) =>
    t.ctx.database.db
      .selectFrom('buddyPairs')
      .select(['status', 'closeReason', 'closedBy', 'closedAt'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('ends the active pairing and withdraws the proposals of a buddy who leaves, reopening a beginner’s own request', async () => {
    const network = await buildNetwork(t.ctx, { visibility: 'private' });
    const base = `/api/networks/${network.slug}/buddies`;
    const meta = await person(network, { role: 'meta_mentor', name: 'Olga Meta' });
    const mentor = await person(network, { level: 'experienced', name: 'Milan Mentor' });
    const paired = await person(network, { level: 'beginner', name: 'Nadia New' });
    const asked = await person(network, { level: 'beginner', name: 'Ali Asking' });
    const proposedTo = await person(network, { level: 'beginner', name: 'Bea Proposed' });
    const active = await buildPair(t.ctx, {
      networkId: network.id,
      beginnerId: paired.id,
      mentorId: mentor.id,
    });
    const fromRequest = await buildPair(t.ctx, {
      networkId: network.id,
      beginnerId: asked.id,
      mentorId: mentor.id,
      status: 'proposed',
      origin: 'beginner',
      requestedBy: asked.id,
      note: 'Someone who knows the schools, please.',
    });
    const fromStaff = await buildPair(t.ctx, {
      networkId: network.id,
      beginnerId: proposedTo.id,
      mentorId: mentor.id,
      status: 'proposed',
      requestedBy: meta.id,
    });
    // Their pairing in another network stays as it is.
    const elsewhere = await buildNetwork(t.ctx);
    const otherBeginner = await buildUser(t.ctx);
    await buildMember(t.ctx, elsewhere, { level: 'beginner', user: otherBeginner });
    const mentorUser = await t.ctx.database.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', mentor.id)
      .executeTakeFirstOrThrow();
    await buildMember(t.ctx, elsewhere, { level: 'experienced', user: mentorUser });
    const kept = await buildPair(t.ctx, {
      networkId: elsewhere.id,
      beginnerId: otherBeginner.id,
      mentorId: mentor.id,
    });
    const events = recordEvents(t.ctx);

    const left = await mentor.client.post(`/api/networks/${network.slug}/leave`, {});
    expect(left.statusCode, left.body).toBe(200);

    expect(await statusOf(active.id)).toMatchObject({
      status: 'ended',
      closeReason: 'mentor_not_member',
      closedBy: mentor.id,
    });
    expect(await statusOf(fromRequest.id)).toMatchObject({
      status: 'withdrawn',
      closeReason: 'mentor_not_member',
    });
    expect(await statusOf(fromStaff.id)).toMatchObject({
      status: 'withdrawn',
      closeReason: 'mentor_not_member',
    });
    expect((await statusOf(kept.id)).status).toBe('active');

    // The beginner of the ended pairing is told as on an ending; the one who left is not.
    const [told] = await notificationsOf(t.ctx, paired.id, 'buddy_ended');
    expect(told).toMatchObject({ actorId: mentor.id, networkId: network.id });
    expect(await notificationsOf(t.ctx, asked.id, 'buddy_ended')).toHaveLength(0);
    expect(await notificationsOf(t.ctx, mentor.id, 'buddy_ended')).toHaveLength(0);

    // The beginner who had asked keeps asking; the staff see the request again.
    const open = (await meta.client.get(base)).json().pairs as BuddyPair[];
    expect(open.map((p) => [p.beginner.id, p.status])).toEqual([[asked.id, 'requested']]);
    expect(open[0]?.note).toBe('Someone who knows the schools, please.');
    const history = (await paired.client.get(`${base}?scope=closed`)).json().pairs as BuddyPair[];
    expect(history).toMatchObject([
      { id: active.id, status: 'ended', closeReason: 'mentor_not_member', closedBy: { id: mentor.id } },
    ]);

    const changed = events.of('buddy.changed');
    expect(changed.filter((e) => e.room === `buddies:${network.id}`)).toHaveLength(4);
    expect(changed.map((e) => e.room)).toEqual(
      expect.arrayContaining([`user:${paired.id}`, `user:${asked.id}`]),
    );
    events.stop();

    const audit = await t.ctx.database.db
      .selectFrom('auditLog')
      .select(['action', 'actorId', 'details'])
      .where('networkId', '=', network.id)
      .where('action', 'like', 'buddy.%')
      .orderBy('action')
      .execute();
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ['buddy.ended', mentor.id],
      ['buddy.withdrawn', mentor.id],
      ['buddy.withdrawn', mentor.id],
    ]);
    expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({
      pairId: active.id,
      reason: 'mentor_not_member',
    });
  });

  it('ends the pairing of a removed beginner (telling the buddy, not why) and withdraws a waiting request', async () => {
    const network = await buildNetwork(t.ctx, { visibility: 'private' });
    const meta = await person(network, { role: 'meta_mentor', name: 'Olga Meta' });
    const mentor = await person(network, { level: 'experienced', name: 'Milan Mentor' });
    const removed = await person(network, { level: 'beginner', name: 'Rita Removed' });
    const leaving = await person(network, { level: 'beginner', name: 'Lea Leaving' });
    const active = await buildPair(t.ctx, {
      networkId: network.id,
      beginnerId: removed.id,
      mentorId: mentor.id,
    });
    const request = await buildPair(t.ctx, {
      networkId: network.id,
      beginnerId: leaving.id,
      mentorId: null,
      status: 'requested',
      origin: 'beginner',
      requestedBy: leaving.id,
      proposedAt: null,
    });

    const res = await meta.client.post(`/api/networks/${network.slug}/members/${removed.id}/remove`, {
      reason: 'Asked to be removed.',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await statusOf(active.id)).toMatchObject({ status: 'ended', closeReason: 'beginner_not_member' });
    const [told] = await notificationsOf(t.ctx, mentor.id, 'buddy_ended');
    expect(told).toMatchObject({ actorId: removed.id });
    const seen = (await mentor.client.get(`/api/networks/${network.slug}/buddies?scope=closed`)).json()
      .pairs as BuddyPair[];
    expect(seen).toMatchObject([{ id: active.id, closeReason: 'beginner_not_member', closeNote: '' }]);
    expect(JSON.stringify(seen)).not.toContain('Asked to be removed');
    const [entry] = await t.ctx.database.db
      .selectFrom('auditLog')
      .select(['action', 'actorId'])
      .where('networkId', '=', network.id)
      .where('action', 'like', 'buddy.%')
      .execute();
    expect(entry).toEqual({ action: 'buddy.ended', actorId: meta.id });

    expect((await leaving.client.post(`/api/networks/${network.slug}/leave`, {})).statusCode).toBe(200);
    expect(await statusOf(request.id)).toMatchObject({
      status: 'withdrawn',
      closeReason: 'beginner_not_member',
    });
    expect((await meta.client.get(`/api/networks/${network.slug}/buddies`)).json().pairs).toEqual([]);
    // Back in the network, the beginner may ask again (nothing open is left behind).
    expect(await notificationsOf(t.ctx, meta.id, 'buddy_ended')).toHaveLength(0);
  });
});
