import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  HelpRequest,
  HelpRequestList,
  PrivacyFindingsDetails,
  SuggestedHelpers,
} from '../../../common/contracts/help-requests.ts';
import { HOUR, isoNow } from '../../lib/time.ts';
import { notificationsOf, saveProfileAs } from '../../test/buddies.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, signIn, type TestClient } from '../../test/client.ts';
import { recordEvents } from '../../test/discussions.ts';
import { buildMember, buildNetwork, buildUser } from '../../test/factories.ts';
import { buildHelpRequest } from '../../test/help-requests.ts';
import type { NetworkRow } from '../networks/index.ts';
import { runEscalations } from './index.ts';

const CASE_WITH_ADDRESS = 'Meine Mentee wohnt in der Goethestraße 14 und sucht eine Wohnung.';

describe.each(DIALECTS)('help requests on %s', (dialect) => {
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

  async function helpNetwork() {
    const network = await buildNetwork(t.ctx, { visibility: 'private' });
    const base = `/api/networks/${network.slug}/help-requests`;
    const meta = await person(network, { role: 'meta_mentor', name: 'Olga Meta' });
    const asker = await person(network, { level: 'beginner', name: 'Nadia New' });
    const helper = await person(network, { level: 'experienced', name: 'Milan Mentor' });
    return { network, base, meta, asker, helper };
  }

  const ask = (client: TestClient, base: string, body: Record<string, unknown> = {}) =>
    client.post(base, { title: 'Finding a flat', body: 'How do you **help** with a flat search?', ...body });

  it('creates, lists, shows, responds, offers, resolves with thanks and reopens', async () => {
    const { base, meta, asker, helper } = await helpNetwork();
    const events = recordEvents(t.ctx);
    const created = await ask(asker.client, base, { expertise: ['housing'], languages: ['de'] });
    expect(created.statusCode, created.body).toBe(201);
    const req = created.json() as HelpRequest;
    expect(req).toMatchObject({
      status: 'open',
      kind: 'question',
      bodySource: 'How do you **help** with a flat search?',
      canEdit: true,
      canOffer: false,
      canResolve: true,
      responseCount: 0,
    });
    expect(req.bodyHtml).toContain('<strong>help</strong>');
    expect(events.of('help.changed')).toHaveLength(1);

    // The helper sees it (without the source), offers, and responds: it is answered.
    const seen = (await helper.client.get(`${base}/${req.id}`)).json() as HelpRequest;
    expect(seen).toMatchObject({ bodySource: null, canEdit: false, canOffer: true, canResolve: false });
    const offered = await helper.client.post(`${base}/${req.id}/offer`, {});
    expect(offered.statusCode, offered.body).toBe(200);
    expect(offered.json()).toMatchObject({ offerCount: 1, offeredByMe: true, status: 'open' });
    // The requester's own addition does not answer it.
    await asker.client.post(`${base}/${req.id}/responses`, { body: 'Some more context.' });
    expect(((await asker.client.get(`${base}/${req.id}`)).json() as HelpRequest).status).toBe('open');
    const responded = await helper.client.post(`${base}/${req.id}/responses`, {
      body: 'Try the city office.',
    });
    expect(responded.statusCode, responded.body).toBe(201);
    const answered = responded.json() as HelpRequest;
    expect(answered.status).toBe('answered');
    expect(answered.firstResponseAt).not.toBeNull();
    expect(answered.responses.map((r) => r.author?.displayName)).toEqual(['Nadia New', 'Milan Mentor']);
    expect(events.of('help.activity').length).toBeGreaterThanOrEqual(3);

    // Lists and filters.
    const list = (q = '') => asker.client.get(`${base}${q}`).then((r) => r.json() as HelpRequestList);
    expect((await list()).requests.map((r) => r.id)).toEqual([req.id]);
    expect((await list('?status=answered')).requests).toHaveLength(1);
    expect((await list('?status=open')).requests).toHaveLength(0);
    expect((await list('?expertise=housing')).requests).toHaveLength(1);
    expect((await list('?expertise=work')).requests).toHaveLength(0);
    expect((await list('?language=de')).requests).toHaveLength(1);
    expect((await list('?mine=true')).requests).toHaveLength(1);
    expect((await helper.client.get(`${base}?mine=true`)).json().requests).toHaveLength(0);
    expect((await helper.client.get(`${base}?offered=true`)).json().requests).toHaveLength(1);
    expect((await list('?offered=true')).requests).toHaveLength(0);

    // Only the requester or the meta-mentor resolves; helpers thanked are told.
    expect(errorCode(await helper.client.post(`${base}/${req.id}/status`, { status: 'resolved' }))).toBe(
      'FORBIDDEN',
    );
    const resolved = await asker.client.post(`${base}/${req.id}/status`, {
      status: 'resolved',
      thank: [helper.id],
      thanksNote: 'Thank you!',
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    const done = resolved.json() as HelpRequest;
    expect(done).toMatchObject({
      status: 'resolved',
      thanksNote: 'Thank you!',
      canReopen: true,
      canRespond: false,
    });
    expect(done.resolvedAt).not.toBeNull();
    expect(done.offers[0]?.thanked).toBe(true);
    expect(done.responses.find((r) => r.author?.id === helper.id)?.thanked).toBe(true);
    expect(await notificationsOf(t.ctx, helper.id, 'help_thanks')).toHaveLength(1);
    expect(errorCode(await helper.client.post(`${base}/${req.id}/responses`, { body: 'late' }))).toBe(
      'HELP_REQUEST_CHANGED',
    );
    // The meta-mentor reopens: answered again (it had a response).
    const reopened = await meta.client.post(`${base}/${req.id}/status`, { status: 'open' });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({ status: 'answered', resolvedAt: null });
    // Withdrawing the offer.
    const withdrawn = await helper.client.post(`${base}/${req.id}/offer`, { withdraw: true });
    expect(withdrawn.json()).toMatchObject({ offerCount: 0, offeredByMe: false });
    events.stop();
  });

  it('thanks only helpers, edits only by the requester, and refuses bad input with 4xx', async () => {
    const { base, meta, asker, helper } = await helpNetwork();
    const req = (await ask(asker.client, base)).json() as HelpRequest;
    const thankStranger = await asker.client.post(`${base}/${req.id}/status`, {
      status: 'resolved',
      thank: [meta.id],
    });
    expect(thankStranger.statusCode).toBe(400);
    expect(errorCode(await helper.client.patch(`${base}/${req.id}`, { title: 'Not mine' }))).toBe(
      'FORBIDDEN',
    );
    const edited = await asker.client.patch(`${base}/${req.id}`, {
      title: 'Finding a small flat',
      urgency: 'soon',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: 'Finding a small flat', urgency: 'soon' });
    expect((await asker.client.post(base, { title: 'x', body: '' })).statusCode).toBe(400);
    expect((await asker.client.post(base, { title: 'Fine', body: 'ok', urgency: 'now' })).statusCode).toBe(
      400,
    );
    expect((await asker.client.get(`${base}?status=closed`)).statusCode).toBe(400);
    expect((await asker.client.get(`${base}?cursor=broken`)).statusCode).toBe(400);
    expect(errorCode(await asker.client.get(`${base}/00000000000000000000000000`))).toBe('NOT_FOUND');
    // Offering on one's own request is refused.
    expect(errorCode(await asker.client.post(`${base}/${req.id}/offer`, {}))).toBe('FORBIDDEN');
  });

  it('pages by latest activity', async () => {
    const { base, asker, helper } = await helpNetwork();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push(((await ask(asker.client, base, { title: `Question ${i}` })).json() as HelpRequest).id);
    // Activity on the first moves it to the top.
    await helper.client.post(`${base}/${ids[0]}/responses`, { body: 'Here is an idea.' });
    const first = (await asker.client.get(`${base}?limit=2`)).json() as HelpRequestList;
    expect(first.requests.map((r) => r.id)).toEqual([ids[0], ids[2]]);
    expect(first.nextCursor).not.toBeNull();
    const second = (
      await asker.client.get(`${base}?limit=2&cursor=${first.nextCursor}`)
    ).json() as HelpRequestList;
    expect(second.requests.map((r) => r.id)).toEqual([ids[1]]);
    expect(second.nextCursor).toBeNull();
  });

  it('asks for confirmation of privacy findings in case consultations and stores it', async () => {
    const { base, asker, helper } = await helpNetwork();
    const refused = await ask(asker.client, base, { kind: 'case', body: CASE_WITH_ADDRESS });
    expect(refused.statusCode).toBe(422);
    expect(errorCode(refused)).toBe('PRIVACY_FINDINGS');
    const details = refused.json().error.details as PrivacyFindingsDetails;
    expect(details.body.length).toBeGreaterThan(0);
    expect(details.title).toEqual([]);
    // A question is not checked; a confirmed case is stored with the time of confirmation.
    expect((await ask(asker.client, base, { body: CASE_WITH_ADDRESS })).statusCode).toBe(201);
    const confirmed = await ask(asker.client, base, {
      kind: 'case',
      body: CASE_WITH_ADDRESS,
      privacyConfirmed: true,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    const req = confirmed.json() as HelpRequest;
    expect(req.privacyConfirmedAt).not.toBeNull();
    const clean = (
      await ask(asker.client, base, { kind: 'case', body: 'My mentee [Name] looks for a flat.' })
    ).json();
    expect(clean.privacyConfirmedAt).toBeNull();
    // Responses to a case are checked too.
    const response = await helper.client.post(`${base}/${req.id}/responses`, { body: CASE_WITH_ADDRESS });
    expect(errorCode(response)).toBe('PRIVACY_FINDINGS');
    const ok = await helper.client.post(`${base}/${req.id}/responses`, {
      body: CASE_WITH_ADDRESS,
      privacyConfirmed: true,
    });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('suggests helpers with reasons, notifies the best, mails each person once per request', async () => {
    const { network, base, asker, helper } = await helpNetwork();
    await saveProfileAs(asker.client, { languages: ['ar'], region: 'Leipzig' });
    const best = await person(network, { level: 'experienced', name: 'Amal Best' });
    const busy = await person(network, { level: 'experienced', name: 'Bea Busy' });
    const away = await person(network, { level: 'experienced', name: 'Carl Away' });
    const pending = await person(network, { level: 'experienced', accepted: false, name: 'Dora Pending' });
    await saveProfileAs(best.client, { languages: ['ar'], region: 'leipzig', expertise: ['housing'] });
    await saveProfileAs(busy.client, { languages: ['ar'], region: 'Leipzig', expertise: ['housing'] });
    await saveProfileAs(away.client, { languages: ['ar'], region: 'Leipzig', expertise: ['housing'] });
    await saveProfileAs(pending.client, { languages: ['ar'], expertise: ['housing'] });
    await t.ctx.database.db
      .updateTable('memberships')
      .set({ leaveUntil: isoNow(Date.now() + 10 * 24 * HOUR).slice(0, 10) })
      .where('userId', '=', away.id)
      .execute();
    // Bea offered on three unresolved requests: she drops to the end.
    for (let i = 0; i < 3; i++) {
      const other = await buildHelpRequest(t.ctx, { networkId: network.id, requesterId: helper.id });
      await busy.client.post(`${base}/${other}/offer`, {});
    }

    const req = (
      await ask(asker.client, base, { expertise: ['housing'], languages: ['ar'] })
    ).json() as HelpRequest;
    const res = await asker.client.get(`${base}/${req.id}/suggested-helpers`);
    expect(res.statusCode, res.body).toBe(200);
    const { helpers } = res.json() as SuggestedHelpers;
    const names = helpers.map((h) => h.helper.displayName);
    expect(names[0]).toBe('Amal Best');
    expect(names.at(-1)).toBe('Bea Busy');
    expect(names).not.toContain('Carl Away');
    expect(names).not.toContain('Dora Pending');
    expect(names).not.toContain('Nadia New');
    expect(helpers[0]?.reasons).toEqual([
      { code: 'shared_expertise', areas: ['housing'] },
      { code: 'shared_languages', languages: ['ar'] },
      { code: 'same_region', region: 'leipzig' },
      { code: 'experienced' },
      { code: 'open_offers', count: 0 },
    ]);
    expect(helpers.at(-1)?.reasons.at(-1)).toEqual({ code: 'open_offers', count: 3 });
    expect(helpers[0]?.notified).toBe(true);
    expect(await notificationsOf(t.ctx, best.id, 'help_suggested')).toHaveLength(1);
    expect(await notificationsOf(t.ctx, away.id)).toHaveLength(0);

    // The requester hears of two responses and an offer: three notifications, one of them e-mailed.
    await best.client.post(`${base}/${req.id}/offer`, {});
    await best.client.post(`${base}/${req.id}/responses`, { body: 'I know a housing office.' });
    await helper.client.post(`${base}/${req.id}/responses`, { body: 'Me too.' });
    const told = await notificationsOf(t.ctx, asker.id);
    const aboutIt = told.filter((n) => n.helpRequestId === req.id);
    expect(aboutIt.map((n) => n.kind)).toEqual(['help_offer', 'help_response', 'help_response']);
    expect(aboutIt.filter((n) => n.email !== 'off')).toHaveLength(1);
    const recorded = await t.ctx.database.db
      .selectFrom('helpNotified')
      .select('userId')
      .where('requestId', '=', req.id)
      .execute();
    expect(recorded.map((r) => r.userId).sort()).toEqual(
      [asker.id, ...helpers.slice(0, 5).map((h) => h.helper.id)].sort(),
    );
  });

  it('tells about a case consultation without its title', async () => {
    const { base, asker, helper } = await helpNetwork();
    await ask(asker.client, base, { kind: 'case', title: 'Secret case title', body: 'My mentee [Name].' });
    const [note] = await notificationsOf(t.ctx, helper.id, 'help_case');
    expect(note).toBeDefined();
    const list = (await helper.client.get('/api/notifications')).json();
    expect(JSON.stringify(list)).not.toContain('Secret case title');
  });

  it('escalates an unanswered request once, after the network’s escalation hours', async () => {
    const { network, base, meta, asker } = await helpNetwork();
    const office = await person(network, { role: 'office', name: 'Omar Office' });
    await t.ctx.database.db
      .updateTable('networks')
      .set({ helpEscalationHours: 10 })
      .where('id', '=', network.id)
      .execute();
    const now = Date.now();
    const old = await buildHelpRequest(t.ctx, {
      networkId: network.id,
      requesterId: asker.id,
      createdAt: isoNow(now - 11 * HOUR),
    });
    const fresh = await buildHelpRequest(t.ctx, {
      networkId: network.id,
      requesterId: asker.id,
      createdAt: isoNow(now - 9 * HOUR),
    });
    expect(await runEscalations(t.ctx, now)).toBeGreaterThanOrEqual(1);
    expect(await runEscalations(t.ctx, now)).toBe(0);
    const told = (id: string) =>
      notificationsOf(t.ctx, id, 'help_escalated').then((ns) => ns.map((n) => n.helpRequestId));
    expect(await told(meta.id)).toEqual([old]);
    expect(await told(office.id)).toEqual([old]);
    expect(await told(asker.id)).toEqual([]);
    const unanswered = (await meta.client.get(`${base}?unanswered=true`)).json() as HelpRequestList;
    expect(unanswered.requests.map((r) => r.id)).toEqual([old]);
    expect(unanswered.requests[0]?.escalatedAt).not.toBeNull();
    // Two hours later (a moved clock) the other one escalates too, once.
    expect(await runEscalations(t.ctx, now + 2 * HOUR)).toBe(1);
    expect(await told(meta.id)).toEqual([old, fresh]);
  });

  it('lets only members who accepted the agreement take part; the meta-mentor removes', async () => {
    const { network, base, meta, asker } = await helpNetwork();
    const pending = await person(network, { accepted: false });
    const outsider = await signIn(t.app, await buildUser(t.ctx));
    const req = (await ask(asker.client, base)).json() as HelpRequest;
    expect(errorCode(await pending.client.get(base))).toBe('AGREEMENT_REQUIRED');
    expect(errorCode(await outsider.get(base))).toBe('NOT_FOUND');
    expect(errorCode(await asker.client.delete(`${base}/${req.id}`))).toBe('FORBIDDEN');
    expect((await meta.client.delete(`${base}/${req.id}`)).statusCode).toBe(204);
    expect(errorCode(await asker.client.get(`${base}/${req.id}`))).toBe('NOT_FOUND');
  });
});
