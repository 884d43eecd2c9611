import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOOC_CSV_MAX_BYTES, MOOC_CSV_MAX_ROWS } from '../../../common/contracts/mooc.ts';
import { translate } from '../../lib/i18n.ts';
import { isoNow } from '../../lib/time.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, freshClient, signIn, type TestClient } from '../../test/client.ts';
import { buildMember, buildNetwork, buildOrganisation, buildUser, mailsTo } from '../../test/factories.ts';
import { invitationTokenFrom } from '../../test/invitations.ts';

const CSV = { 'content-type': 'text/csv' };
const SESSION = {
  title: 'mentorNET MOOC spring 2025',
  courseUrl: 'https://moodle.example.org/course/42',
  startsOn: '2025-02-01',
  endsOn: '2025-03-31',
};

describe.each(DIALECTS)('MOOC sessions and graduates on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  async function fixture() {
    const orgAdmin = await buildUser(t.ctx, { displayName: 'Olga Orga' });
    const organisation = await buildOrganisation(t.ctx, { adminId: orgAdmin.id });
    const network = await buildNetwork(t.ctx, { name: 'Harbour Mentors', organisationId: organisation.id });
    const meta = await buildMember(t.ctx, network, { role: 'meta_mentor' });
    const staff = await signIn(t.app, meta);
    const base = `/api/networks/${network.slug}/mooc-sessions`;
    const created = await staff.post(base, SESSION);
    expect(created.statusCode, created.body).toBe(201);
    const session = created.json() as { id: string };
    return { network, meta, staff, orgAdmin, base, session, url: `${base}/${session.id}` };
  }

  const graduatesOf = async (client: TestClient, url: string, status?: string) =>
    (await client.get(`${url}/graduates?limit=100${status ? `&status=${status}` : ''}`)).json().graduates as {
      id: string;
      email: string;
      status: string;
      name: string;
    }[];

  it('records, lists and edits sessions; validates input', async () => {
    const { staff, base, url, orgAdmin } = await fixture();
    const got = (await staff.get(url)).json();
    expect(got).toMatchObject({ ...SESSION, graduates: { total: 0, imported: 0 } });
    expect(got.createdBy.displayName).toMatch(/Test Mentor/);
    const edited = await staff.patch(url, { title: 'Spring cohort', courseUrl: null });
    expect(edited.json()).toMatchObject({ title: 'Spring cohort', courseUrl: null });
    expect((await staff.patch(url, { endsOn: '2025-01-01' })).statusCode).toBe(400);
    const bad = await staff.post(base, {
      title: 'X',
      courseUrl: 'ftp://x',
      startsOn: '2025-13-01',
      endsOn: '2025-01-01',
    });
    expect(bad.statusCode).toBe(400);
    const paths = (bad.json().error.details as { path: string[] }[]).map((d) => d.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['title', 'courseUrl', 'startsOn']));
    expect((await staff.post(base, { ...SESSION, endsOn: '2025-01-01' })).statusCode).toBe(400);
    // The founding organisation's admin may run sessions too.
    const admin = await signIn(t.app, orgAdmin);
    expect((await admin.post(base, SESSION)).statusCode).toBe(201);
    expect((await staff.get(base)).json().sessions).toHaveLength(2);
    expect((await staff.get(`${base}/0190a0b0-0000-7000-8000-000000000000`)).statusCode).toBe(404);
  });

  it('keeps sessions and imports to organisation admins and meta-mentors', async () => {
    const { network, base, url } = await fixture();
    const mentor = await signIn(t.app, await buildMember(t.ctx, network));
    const office = await signIn(t.app, await buildMember(t.ctx, network, { role: 'office' }));
    const pendingMeta = await signIn(
      t.app,
      await buildMember(t.ctx, network, { role: 'meta_mentor', accepted: false }),
    );
    const stranger = await signIn(t.app, await buildUser(t.ctx));
    const visitor = freshClient(t.app);
    const requests: [string, (c: TestClient) => Promise<{ statusCode: number }>][] = [
      ['list', (c) => c.get(base)],
      ['create', (c) => c.post(base, SESSION)],
      ['get', (c) => c.get(url)],
      ['edit', (c) => c.patch(url, { title: 'Nope' })],
      ['preview', (c) => c.post(`${url}/import/preview`, 'Name,Email\nA,a@example.org\n', CSV)],
      ['import', (c) => c.post(`${url}/import`, 'Name,Email\nA,a@example.org\n', CSV)],
      ['graduates', (c) => c.get(`${url}/graduates`)],
      ['invite', (c) => c.post(`${url}/invitations`, {})],
      ['remind', (c) => c.post(`${url}/reminders`)],
    ];
    for (const [name, send] of requests) {
      expect((await send(visitor)).statusCode, name).toBe(401);
      expect((await send(stranger)).statusCode, name).toBe(403);
      expect((await send(mentor)).statusCode, name).toBe(403);
      expect((await send(office)).statusCode, name).toBe(403);
      expect(errorCode((await send(pendingMeta)) as never), name).toBe('AGREEMENT_REQUIRED');
    }
    expect(
      await graduatesOf(await signIn(t.app, await buildMember(t.ctx, network, { role: 'meta_mentor' })), url),
    ).toHaveLength(0);
  });

  it('previews a German spreadsheet export row by row without saving, then imports it once', async () => {
    const { network, staff, url } = await fixture();
    const member = await buildMember(t.ctx, network, {
      user: await buildUser(t.ctx, { email: 'schon.dabei@example.org' }),
    });
    expect(member).toBeTruthy();
    const file =
      '\uFEFFVorname;Nachname;E-Mail-Adresse;Abschlussdatum;Sprache\r\n' +
      'Jürgen;Müller;juergen@example.org;14.03.2025;de\r\n' +
      '"Ayşe";"Öztürk; geb. Şahin";ayse@example.org;15.03.2025;tr\r\n' +
      '\r\n' +
      'Olena;Koval;olena@example.org;16.03.2025;uk\r\n' +
      'Kaputt;Adresse;kaputt(at)example.org;;\r\n' +
      'Jürgen;Doppelt;JUERGEN@example.org;;\r\n' +
      ';;ohne.name@example.org;;\r\n' +
      'Schon;Dabei;schon.dabei@example.org;;\r\n';
    const preview = await staff.post(`${url}/import/preview`, file, CSV);
    expect(preview.statusCode, preview.body).toBe(200);
    const body = preview.json();
    expect(body).toMatchObject({ valid: 3, invalid: 4 });
    expect(body.columns).toEqual({
      name: ['Vorname', 'Nachname'],
      email: 'E-Mail-Adresse',
      completedOn: 'Abschlussdatum',
      language: 'Sprache',
    });
    expect(body.rows.map((r: { line: number; problems: string[] }) => [r.line, r.problems])).toEqual([
      [2, []],
      [3, []],
      [5, []],
      [6, ['email_invalid']],
      [7, ['duplicate_in_file']],
      [8, ['name_missing']],
      [9, ['already_member']],
    ]);
    expect(body.rows[1]).toMatchObject({ name: 'Ayşe Öztürk; geb. Şahin', completedOn: '2025-03-15' });
    expect(body.imported).toBeUndefined();
    expect(await graduatesOf(staff, url)).toHaveLength(0);

    const imported = await staff.post(`${url}/import`, file, CSV);
    expect(imported.json()).toMatchObject({ valid: 3, invalid: 4, imported: 3 });
    const graduates = await graduatesOf(staff, url);
    expect(graduates.map((g) => [g.name, g.email, g.status])).toEqual([
      ['Jürgen Müller', 'juergen@example.org', 'imported'],
      ['Ayşe Öztürk; geb. Şahin', 'ayse@example.org', 'imported'],
      ['Olena Koval', 'olena@example.org', 'imported'],
    ]);

    // The same file again changes nothing.
    const again = await staff.post(`${url}/import`, file, CSV);
    expect(again.json()).toMatchObject({ valid: 0, imported: 0 });
    expect(
      again
        .json()
        .rows.slice(0, 3)
        .map((r: { problems: string[] }) => r.problems),
    ).toEqual([['already_imported'], ['already_imported'], ['already_imported']]);
    expect(await graduatesOf(staff, url)).toHaveLength(3);
    expect((await staff.get(url)).json().graduates).toMatchObject({ total: 3, imported: 3 });
    const audit = await t.ctx.database.db
      .selectFrom('auditLog')
      .select(['action', 'details'])
      .where('networkId', '=', network.id)
      .where('action', '=', 'mooc.graduates_imported')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => JSON.parse(a.details).imported)).toEqual([3, 0]);
  });

  it('refuses files it cannot use with clear errors', async () => {
    const { staff, url } = await fixture();
    const post = (body: string | Buffer, headers: Record<string, string> = CSV) =>
      staff.post(`${url}/import/preview`, body, headers);
    expect(errorCode(await post(''))).toBe('CSV_EMPTY');
    expect(errorCode(await post('\uFEFF\r\n\r\n'))).toBe('CSV_EMPTY');
    expect(errorCode(await post(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0xfe])))).toBe(
      'CSV_INVALID',
    );
    expect(errorCode(await post(Buffer.from('Name;E-Mail\nJ\xf6rg;j@example.org\n', 'latin1')))).toBe(
      'CSV_INVALID',
    );
    expect(errorCode(await post('Dear team,\nplease find the list attached.\n'))).toBe('CSV_COLUMNS_MISSING');
    expect(errorCode(await post('Name,Email\n"unclosed,a@example.org\n'))).toBe('CSV_INVALID');
    const tooMany = await post(`Name,Email\n${'A,a@example.org\n'.repeat(MOOC_CSV_MAX_ROWS + 1)}`);
    expect(tooMany.statusCode).toBe(413);
    expect(errorCode(tooMany)).toBe('CSV_TOO_MANY_ROWS');
    const huge = await post(`Name,Email\n${'x'.repeat(MOOC_CSV_MAX_BYTES)}\n`);
    expect(huge.statusCode).toBe(413);
    expect(errorCode(huge)).toBe('PAYLOAD_TOO_LARGE');
    const json = await staff.post(`${url}/import/preview`, { name: 'A', email: 'a@example.org' });
    expect(json.statusCode).toBe(415);
    expect(await graduatesOf(staff, url)).toHaveLength(0);
  });

  it("imports only the completers of Moodle's English completion report, saying who was left out", async () => {
    const { staff, url } = await fixture();
    const file = readFileSync(new URL('./fixtures/moodle-completion-en.csv', import.meta.url), 'utf8');
    const preview = (await staff.post(`${url}/import/preview`, file, CSV)).json();
    expect(preview).toMatchObject({ valid: 3, invalid: 1 });
    const left = preview.rows.filter((r: { problems: string[] }) => r.problems.length > 0);
    expect(left).toEqual([
      expect.objectContaining({ email: 'leila.e@example.org', problems: ['not_completed'] }),
    ]);
    expect((await staff.post(`${url}/import`, file, CSV)).json()).toMatchObject({ imported: 3 });
    const imported = await graduatesOf(staff, url);
    expect(imported.map((g) => g.email).sort()).toEqual([
      'mira.sample@example.org',
      'oksana.t@example.org',
      'tomasz.f@example.org',
    ]);
  });

  it('writes the invitation for a graduate: the course and session, the network, who invites, what happens next', async () => {
    const { meta, staff, url } = await fixture();
    const file = [
      'Name,Email,Language',
      'Mira Sample,mira.s@example.org,en',
      'Taras Probe,taras.p@example.org,uk',
    ];
    expect((await staff.post(`${url}/import`, file.join('\n'), CSV)).json().imported).toBe(2);
    expect((await staff.post(`${url}/invitations`)).json()).toMatchObject({ sent: 2 });

    const [mira] = await mailsTo(t.ctx, 'mira.s@example.org');
    if (!mira) throw new Error('no mail to the graduate');
    expect(mira.subject).toBe(
      `You finished ${SESSION.title}: an invitation to the mentor network Harbour Mentors`,
    );
    // The HTML isolates user text in <bdi dir="auto">: the sentences read the same without the tags.
    for (const part of [mira.text, mira.html.replace(/<\/?bdi[^>]*>/g, '')]) {
      expect(part).toContain('Hello Mira Sample,');
      expect(part).toMatch(
        /You completed the course mentorNET MOOC spring 2025 \(Feb 1\s–\sMar 31, 2025\)\./,
      );
      expect(part).toContain(
        `${meta.displayName} invites you, on behalf of the mentor network Harbour Mentors`,
      );
      expect(part).toContain('What happens next: open the link below and create your account');
      expect(part).toContain('Join the network');
      expect(part).toContain(`because you completed the course ${SESSION.title} and ${meta.displayName}`);
      expect(part).not.toContain('because of your account');
    }

    const [taras] = await mailsTo(t.ctx, 'taras.p@example.org');
    expect(taras?.subject).toBe(
      `Ви завершили ${SESSION.title}: запрошення до мережі менторів Harbour Mentors`,
    );
    expect(taras?.text).toContain('Привіт, Taras Probe');
    expect(taras?.text).toContain(
      translate('uk', 'mail.graduate_invitation.next', { platformName: t.ctx.config.platformName }),
    );
    expect(taras?.text).not.toContain(translate('uk', 'mail.footer', { platform: t.ctx.config.publicUrl }));
  });

  it('invites graduates in their language, tracks joins, reminders, expiry and bounces, and gives the badge', async () => {
    const { network, staff, url } = await fixture();
    const file = [
      'Full name,Email address,Completion date,Language',
      'Olena Koval,olena.k@example.org,2025-03-20,uk',
      'Jean Dupont,jean.d@example.org,2025-03-21,sw',
      'Anna Schmidt,anna.s@example.org,2025-03-22,',
      'Bounce Back,bounce@example.org,2025-03-22,en',
    ].join('\n');
    expect((await staff.post(`${url}/import`, file, CSV)).json().imported).toBe(4);
    const [olena, jean, anna, bounce] = await graduatesOf(staff, url);
    if (!olena || !jean || !anna || !bounce) throw new Error('graduates missing');

    // Only the listed ones first, then everyone still imported.
    const first = await staff.post(`${url}/invitations`, { graduateIds: [olena.id] });
    expect(first.json()).toEqual({ sent: 1, skipped: 0, remaining: 0, retryAfterSeconds: null });
    const rest = await staff.post(`${url}/invitations`);
    expect(rest.json()).toMatchObject({ sent: 3, remaining: 0 });
    expect((await staff.post(`${url}/invitations`, {})).json()).toMatchObject({ sent: 0 });
    expect((await graduatesOf(staff, url, 'invited')).map((g) => g.email)).toHaveLength(4);

    // Own language if the platform speaks it, else the network's first (de), never a language it lacks.
    const [olenaMail] = await mailsTo(t.ctx, 'olena.k@example.org');
    const [jeanMail] = await mailsTo(t.ctx, 'jean.d@example.org');
    const [annaMail] = await mailsTo(t.ctx, 'anna.s@example.org');
    const subject = (locale: 'uk' | 'de') =>
      translate(locale, 'mail.graduate_invitation.subject', { network: network.name, course: SESSION.title });
    expect(olenaMail?.subject).toBe(subject('uk'));
    expect(jeanMail?.subject).toBe(subject('de'));
    expect(annaMail?.subject).toBe(subject('de'));

    // Olena joins from the mail, creating her account: a beginner mentor with the badge.
    const joined = await freshClient(t.app).post(
      `/api/invitations/${invitationTokenFrom(olenaMail)}/accept`,
      {
        displayName: 'Olena K.',
        password: 'amber-kite-meadow-42',
        locale: 'uk',
      },
    );
    expect(joined.json()).toMatchObject({ role: 'mentor', level: 'beginner', accountCreated: true });
    const membership = await t.ctx.database.db
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.userId')
      .select(['m.role', 'm.level', 'u.id'])
      .where('m.networkId', '=', network.id)
      .where('u.email', '=', 'olena.k@example.org')
      .executeTakeFirstOrThrow();
    expect(membership).toMatchObject({ role: 'mentor', level: 'beginner' });
    const badges = (await staff.get(`/api/networks/${network.slug}/badges?userId=${membership.id}`)).json()
      .badges;
    expect(badges).toEqual([
      expect.objectContaining({
        userId: membership.id,
        kind: 'mooc_graduate',
        session: expect.objectContaining({ title: SESSION.title, endsOn: SESSION.endsOn }),
      }),
    ]);
    const mentor = await signIn(t.app, await buildMember(t.ctx, network));
    expect((await mentor.get(`/api/networks/${network.slug}/badges`)).json().badges).toHaveLength(1);
    expect((await freshClient(t.app).get(`/api/networks/${network.slug}/badges`)).statusCode).toBe(401);

    // Bounced by hand; joined graduates cannot bounce.
    const bounced = await staff.post(`${url}/graduates/${bounce.id}/bounced`);
    expect(bounced.json()).toMatchObject({ status: 'bounced' });
    expect(errorCode(await staff.post(`${url}/graduates/${olena.id}/bounced`))).toBe('ALREADY_MEMBER');

    // Jean's invitation runs out; the reminder goes to Jean and Anna with a fresh link.
    const jeanRow = await t.ctx.database.db
      .selectFrom('moocGraduates')
      .select('invitationId')
      .where('id', '=', jean.id)
      .executeTakeFirstOrThrow();
    await t.ctx.database.db
      .updateTable('invitations')
      .set({ expiresAt: '2025-01-01T00:00:00.000Z' })
      .where('id', '=', jeanRow.invitationId ?? '')
      .execute();
    expect((await graduatesOf(staff, url, 'expired')).map((g) => g.email)).toEqual(['jean.d@example.org']);
    expect((await staff.get(url)).json().graduates).toMatchObject({
      total: 4,
      invited: 1,
      expired: 1,
      joined: 1,
      bounced: 1,
    });

    const annaFirstToken = invitationTokenFrom(annaMail);
    const reminded = await staff.post(`${url}/reminders`);
    expect(reminded.json()).toMatchObject({ sent: 2, skipped: 0, remaining: 0 });
    const [jeanReminder] = await mailsTo(t.ctx, 'jean.d@example.org');
    expect(jeanReminder?.subject).toBe(
      translate('de', 'mail.graduate_invitation_reminder.subject', { network: network.name }),
    );
    expect(jeanReminder?.subject).not.toBe(jeanMail?.subject);
    expect((await graduatesOf(staff, url, 'reminded')).map((g) => g.email).sort()).toEqual([
      'anna.s@example.org',
      'jean.d@example.org',
    ]);
    // The first link stops working, the reminder's works.
    const old = await freshClient(t.app).post(`/api/invitations/${annaFirstToken}/accept`, {
      displayName: 'Anna',
      password: 'amber-kite-meadow-42',
      locale: 'de',
    });
    expect(errorCode(old)).toBe('INVITATION_REVOKED');
    const [annaReminder] = await mailsTo(t.ctx, 'anna.s@example.org');
    const annaJoins = await freshClient(t.app).post(
      `/api/invitations/${invitationTokenFrom(annaReminder)}/accept`,
      { displayName: 'Anna', password: 'amber-kite-meadow-42', locale: 'de' },
    );
    expect(annaJoins.statusCode, annaJoins.body).toBe(200);
    const states = Object.fromEntries((await graduatesOf(staff, url)).map((g) => [g.email, g.status]));
    expect(states).toEqual({
      'olena.k@example.org': 'joined',
      'jean.d@example.org': 'reminded',
      'anna.s@example.org': 'joined',
      'bounce@example.org': 'bounced',
    });
    const actions = await t.ctx.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('networkId', '=', network.id)
      .where('action', 'like', 'mooc.%')
      .execute();
    expect(new Set(actions.map((a) => a.action))).toEqual(
      new Set([
        'mooc.session_created',
        'mooc.graduates_imported',
        'mooc.invitations_sent',
        'mooc.graduate_joined',
        'mooc.graduate_bounced',
        'mooc.reminders_sent',
      ]),
    );
    expect(isoNow() > '2025').toBe(true);
  });
});
