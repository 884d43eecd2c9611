import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImpactReport, ReportCell } from '../../../common/contracts/reports.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { buildActivity } from '../../test/activities.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, signIn } from '../../test/client.ts';
import { buildEvent } from '../../test/events.ts';
import { buildGoal, buildMember, buildNetwork, buildOrganisation, buildUser } from '../../test/factories.ts';
import { buildHelpRequest } from '../../test/help-requests.ts';
import type { NetworkRow } from '../networks/index.ts';

const PERIOD = 'from=2026-01-01&to=2026-06-30';

/** Every count of a report (goals are the networks' own published indicators, not counts of people). */
function countCells(report: ImpactReport): [string, ReportCell][] {
  const cells: [string, ReportCell][] = [];
  const rows = [
    ['totals', report.totals],
    ...report.byMonth.map((r) => [r.month, r] as const),
    ...report.byKind.map((r) => [r.kind, r] as const),
    ...report.byTopic.map((r) => [r.topic, r] as const),
  ] as const;
  for (const [name, row] of rows)
    for (const key of ['activities', 'mentees', 'mentors'] as const) cells.push([`${name}.${key}`, row[key]]);
  cells.push(['helpRequestsResolved', report.helpRequestsResolved]);
  for (const [key, value] of Object.entries(report.events)) cells.push([`events.${key}`, value]);
  cells.push(['mentorsTrained', report.mentorsTrained]);
  return cells;
}

/** Total minus the shown rows of a group: what a reader could work out about the hidden ones. */
function rest(total: ReportCell, rows: { activities: ReportCell }[]): number | null {
  if (typeof total !== 'number') return null;
  return total - rows.reduce((sum, r) => sum + (typeof r.activities === 'number' ? r.activities : 0), 0);
}

/**
 * Chromium sees the DejaVu fonts only, not the machine's (which may have Noto for every script), as
 * on a server with few fonts: the PDF must draw each script with the fonts it embeds. DejaVu has
 * Latin, Greek, Cyrillic and Arabic, but no Ethiopic.
 */
let machineFontconfig: string | undefined;
let fontconfigDir = '';
beforeAll(() => {
  const dir = mkdtempSync(path.join(tmpdir(), 'mentornet-fontconfig-'));
  const dejavu = path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
  writeFileSync(
    path.join(dir, 'fonts.conf'),
    `<?xml version="1.0"?>\n<fontconfig><dir>${dejavu}</dir><cachedir>${dir}</cachedir></fontconfig>\n`,
  );
  fontconfigDir = dir;
  machineFontconfig = process.env.FONTCONFIG_FILE;
  process.env.FONTCONFIG_FILE = path.join(dir, 'fonts.conf');
});
afterAll(() => {
  if (machineFontconfig === undefined) delete process.env.FONTCONFIG_FILE;
  else process.env.FONTCONFIG_FILE = machineFontconfig;
  rmSync(fontconfigDir, { recursive: true, force: true });
});

describe.each(DIALECTS)('impact reports on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { LOG_LEVEL: 'error' });
  });
  afterAll(() => t.close());

  async function graduate(network: NetworkRow, completedOn: string | null, endsOn = '2026-03-31') {
    const now = isoNow();
    const sessionId = newId();
    await t.ctx.database.db
      .insertInto('moocSessions')
      .values({
        id: sessionId,
        networkId: network.id,
        title: 'Spring course',
        courseUrl: null,
        startsOn: '2026-01-10',
        endsOn,
        createdBy: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    await t.ctx.database.db
      .insertInto('moocGraduates')
      .values({
        id: newId(),
        sessionId,
        networkId: network.id,
        name: 'Fictional Graduate',
        email: `${newId()}@example.org`,
        completedOn,
        language: 'en',
        status: 'imported',
        invitationId: null,
        invitedAt: null,
        remindedAt: null,
        joinedAt: null,
        bouncedAt: null,
        userId: null,
        importedBy: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
  }

  /** A network with five mentors' activities, help requests, events, graduates and a goal. */
  async function reportingNetwork() {
    const orgAdmin = await buildUser(t.ctx);
    const org = await buildOrganisation(t.ctx, { adminId: orgAdmin.id });
    const network = await buildNetwork(t.ctx, { organisationId: org.id, name: 'Mentoring Leipzig' });
    const meta = await buildMember(t.ctx, network, { role: 'meta_mentor' });
    const office = await buildMember(t.ctx, network, { role: 'office' });
    const m = await Promise.all([1, 2, 3, 4, 5].map(() => buildMember(t.ctx, network)));
    const [m1, m2, m3, m4, m5] = m.map((u) => u.id) as [string, string, string, string, string];
    const log = (
      userId: string,
      date: string,
      extra: Parameters<typeof buildActivity>[1] extends infer F ? Partial<F> : never,
    ) => buildActivity(t.ctx, { networkId: network.id, userId, date, ...extra });
    // January: three mentors, six meetings about work; mentor 1 sees two mentees (A and B).
    for (const [who, code] of [
      [m1, 'A'],
      [m1, 'B'],
      [m2, 'A'],
      [m2, 'A'],
      [m3, 'A'],
      [m3, 'A'],
    ] as const)
      await log(who, '2026-01-15', { kind: 'meeting', topics: ['work'], menteeCode: code, minutes: 60 });
    // February: one accompaniment of one mentor — small, and must not be derivable from the total.
    await log(m1, '2026-02-03', { kind: 'accompaniment', topics: ['housing'], menteeCode: 'A', minutes: 90 });
    // March: four mentors on the phone about language learning.
    for (const who of [m1, m2, m4, m5])
      await log(who, '2026-03-10', {
        kind: 'phone_online',
        topics: ['language_learning'],
        menteeCode: 'A',
        minutes: 30,
      });
    // Outside the period, and in another network: not counted.
    await log(m1, '2026-07-01', { minutes: 600 });
    const other = await buildNetwork(t.ctx, { organisationId: org.id, name: 'Mentoring Halle' });
    const otherMentors = await Promise.all([1, 2, 3].map(() => buildMember(t.ctx, other)));
    for (const u of otherMentors)
      await buildActivity(t.ctx, { networkId: other.id, userId: u.id, date: '2026-02-20', menteeCode: 'X' });

    // Four help requests resolved in the period, one later, one still open.
    const resolveAt = async (resolvedAt: string) => {
      const id = await buildHelpRequest(t.ctx, { networkId: network.id, requesterId: m1 });
      await t.ctx.database.db
        .updateTable('helpRequests')
        .set({ status: 'resolved', resolvedAt })
        .where('id', '=', id)
        .execute();
    };
    for (const day of ['2026-01-20', '2026-02-01', '2026-04-09', '2026-06-30'])
      await resolveAt(`${day}T12:00:00.000Z`);
    await resolveAt('2026-07-02T12:00:00.000Z');
    await buildHelpRequest(t.ctx, { networkId: network.id, requesterId: m2 });

    // Three one-off events; attendance at two of them (four records, three people).
    const events = [];
    for (const day of ['2026-03-05', '2026-04-05', '2026-05-05'])
      events.push(await buildEvent(t.ctx, network, meta.id, { startsLocal: `${day}T18:00` }));
    const [e1, e2] = events.map((e) => e.id) as [string, string];
    const attend = (eventId: string, day: string, userId: string) =>
      t.ctx.database.db
        .insertInto('eventAttendance')
        .values({ eventId, occurrenceKey: `${day}T18:00`, userId, recordedBy: meta.id, recordedAt: isoNow() })
        .execute();
    await attend(e1, '2026-03-05', m1);
    await attend(e1, '2026-03-05', m2);
    await attend(e2, '2026-04-05', m2);
    await attend(e2, '2026-04-05', m3);

    // Two graduates in the period (one dated by the session's end), one after it.
    await graduate(network, '2026-02-14');
    await graduate(network, null, '2026-03-31');
    await graduate(network, '2026-08-01');

    const goal = await buildGoal(t.ctx, network, {
      title: 'Mentees supported',
      startValue: 0,
      targetValue: 50,
      createdAt: '2026-01-05T10:00:00.000Z',
    });
    await t.ctx.database.db
      .insertInto('goalUpdates')
      .values({
        id: newId(),
        goalId: goal.id,
        networkId: network.id,
        authorId: meta.id,
        value: 20,
        comment: '',
        createdAt: '2026-05-01T10:00:00.000Z',
      })
      .execute();
    return { org, network, orgAdmin, meta, office, mentor: m[0] as (typeof m)[number] };
  }

  it('counts a network’s mentoring, with small counts suppressed', async () => {
    const { network, meta } = await reportingNetwork();
    const res = await (await signIn(t.app, meta)).get(
      `/api/networks/${network.slug}/reports/impact?${PERIOD}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as ImpactReport;
    expect(report.scope).toMatchObject({
      kind: 'network',
      name: 'Mentoring Leipzig',
      networks: ['Mentoring Leipzig'],
    });
    expect(report.period).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    // Mentees count per mentor's codes: "A" of five mentors is five mentees, plus mentor 1's "B".
    expect(report.totals).toEqual({ activities: 11, hours: 9.5, mentees: 6, mentors: 5 });
    expect(report.byMonth.map((r) => r.month)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
    ]);
    expect(report.byMonth[0]).toMatchObject({ activities: 6, hours: 6, mentees: 4, mentors: 3 });
    expect(report.byMonth[1]).toMatchObject({
      activities: '< 3',
      hours: '< 3',
      mentees: '< 3',
      mentors: '< 3',
    });
    // March alone would give February away (11 − 6 − 4): it is withheld too.
    expect(report.byMonth[2]).toMatchObject({ activities: 'withheld', hours: 'withheld' });
    expect(report.byMonth[3]).toMatchObject({ activities: 0, hours: 0 });
    const kind = Object.fromEntries(report.byKind.map((r) => [r.kind, r.activities]));
    expect(kind).toEqual({ meeting: 6, accompaniment: '< 3', phone_online: 'withheld', other: 0 });
    const topic = Object.fromEntries(report.byTopic.map((r) => [r.topic, r.activities]));
    expect(topic).toMatchObject({ work: 6, housing: '< 3', language_learning: 'withheld', health: 0 });
    expect(report.helpRequestsResolved).toBe(4);
    expect(report.events).toEqual({ held: 3, attendances: 4, attendees: 3 });
    expect(report.mentorsTrained).toBe('< 3');
    expect(report.goals).toEqual([
      expect.objectContaining({
        title: 'Mentees supported',
        currentValue: 20,
        targetValue: 50,
        progressPercent: 40,
      }),
    ]);

    // No count from 1 to 2 shows anywhere, and no group's total gives a small row away.
    for (const [name, cell] of countCells(report))
      expect(
        cell === '< 3' || cell === 'withheld' || cell === 0 || (cell as number) >= 3,
        `${name}: ${cell}`,
      ).toBe(true);
    for (const group of [report.byMonth, report.byKind]) {
      const left = rest(report.totals.activities, group);
      expect(left === 0 || (left as number) >= 3, `rest ${left}`).toBe(true);
    }
  });

  it('suppresses the totals of a network with fewer than three mentors', async () => {
    const network = await buildNetwork(t.ctx);
    const meta = await buildMember(t.ctx, network, { role: 'meta_mentor' });
    const mentor = await buildMember(t.ctx, network);
    for (const code of ['A', 'B', 'C', 'D'])
      await buildActivity(t.ctx, {
        networkId: network.id,
        userId: mentor.id,
        date: '2026-02-02',
        menteeCode: code,
      });
    const report = (
      await (await signIn(t.app, meta)).get(`/api/networks/${network.slug}/reports/impact?${PERIOD}`)
    ).json() as ImpactReport;
    expect(report.totals).toEqual({ activities: '< 3', hours: '< 3', mentees: '< 3', mentors: '< 3' });
    for (const [name, cell] of countCells(report))
      expect(typeof cell !== 'number' || cell === 0 || cell >= 3, name).toBe(true);
  });

  it('is for staff and the founding organisation’s admins only', async () => {
    const { network, orgAdmin, office, mentor } = await reportingNetwork();
    const url = `/api/networks/${network.slug}/reports/impact?${PERIOD}`;
    expect((await (await signIn(t.app, office)).get(url)).statusCode).toBe(200);
    expect((await (await signIn(t.app, orgAdmin)).get(url)).statusCode).toBe(200);
    expect(errorCode(await (await signIn(t.app, mentor)).get(url))).toBe('FORBIDDEN');
    const stranger = await signIn(t.app, await buildUser(t.ctx));
    expect(errorCode(await stranger.get(url))).toBe('FORBIDDEN');
    const meta = await signIn(t.app, office);
    expect(
      errorCode(await meta.get(`/api/networks/${network.slug}/reports/impact?from=2026-05-01&to=2026-01-01`)),
    ).toBe('VALIDATION_FAILED');
    expect(
      errorCode(await meta.get(`/api/networks/${network.slug}/reports/impact?from=2020-01-01&to=2026-01-01`)),
    ).toBe('VALIDATION_FAILED');
  });

  it('adds up an organisation’s networks for its admins', async () => {
    const { org, orgAdmin, meta } = await reportingNetwork();
    const url = `/api/organisations/${org.slug}/reports/impact?${PERIOD}`;
    const res = await (await signIn(t.app, orgAdmin)).get(url);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as ImpactReport;
    expect(report.scope).toMatchObject({
      kind: 'organisation',
      networks: ['Mentoring Halle', 'Mentoring Leipzig'],
    });
    // Leipzig's eleven and Halle's three (three more mentors, three more mentees).
    expect(report.totals).toEqual({ activities: 14, hours: 12.5, mentees: 9, mentors: 8 });
    // February now has four mentors: shown.
    expect(report.byMonth[1]).toMatchObject({ activities: 4, mentors: 4 });
    expect(errorCode(await (await signIn(t.app, meta)).get(url))).toBe('FORBIDDEN');
  });

  it('downloads as CSV for Excel, labelled in the language asked for', async () => {
    const { network, meta } = await reportingNetwork();
    const client = await signIn(t.app, meta);
    const res = await client.get(`/api/networks/${network.slug}/reports/impact?${PERIOD}&format=csv&lang=de`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('impact-report-2026-01-01-2026-06-30-de.csv');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = res.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Wirkungsbericht,Mentoring Leipzig');
    expect(lines).toContain('Monat,Aktivitäten,Stunden,Mentees,Aktive Mentor:innen');
    expect(lines).toContain('2026-02,< 3,< 3,< 3,< 3');
    expect(lines).toContain('2026-03,zurückgehalten,zurückgehalten,zurückgehalten,zurückgehalten');
    expect(lines).toContain('Begleitung zu einem Amt,< 3,< 3,< 3,< 3');
    expect(lines).toContain('Gelöste Hilfeanfragen,4');
    expect(lines).toContain('Mentees supported,Mentoring Leipzig,0,50,20,40,');

    const arabic = await client.get(
      `/api/networks/${network.slug}/reports/impact?${PERIOD}&format=csv&lang=ar`,
    );
    expect(arabic.body).toContain('تقرير الأثر,Mentoring Leipzig');
    expect(arabic.body).toContain('الشهر,الأنشطة,الساعات,المستفيدون,المرشدون النشطون');
    expect(arabic.body).toContain('محجوب');
  });

  /** What a poppler tool prints about a PDF, written to a file of its own for the while. */
  function poppler(pdf: Buffer, command: (file: string) => [string, ...string[]]): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'mentornet-pdf-'));
    try {
      const file = path.join(dir, 'report.pdf');
      writeFileSync(file, pdf);
      const [tool, ...args] = command(file);
      return execFileSync(tool, args, { encoding: 'utf8' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  /** The text of a PDF as poppler's pdftotext reads it (what a funder's copy and paste gives). */
  function pdfText(pdf: Buffer): string {
    return poppler(pdf, (file) => ['pdftotext', '-enc', 'UTF-8', file, '-']).replace(/\s+/g, ' ');
  }

  /** The fonts a PDF embeds, as poppler's pdffonts lists them (without the subset prefix). */
  function pdfFonts(pdf: Buffer): string[] {
    return poppler(pdf, (file) => ['pdffonts', file])
      .split('\n')
      .slice(2)
      .map((line) => line.split(/\s+/)[0]?.replace(/^[A-Z]{6}\+/, '') ?? '')
      .filter(Boolean);
  }

  // Printing takes a Chromium: once, on the first dialect.
  it.runIf(dialect === DIALECTS[0])(
    'prints a PDF in German and Arabic with Greek and Cyrillic names',
    async () => {
      const { network, meta } = await reportingNetwork();
      await t.ctx.database.db
        .updateTable('networks')
        .set({ name: 'Δίκτυο Θεσσαλονίκης' })
        .where('id', '=', network.id)
        .execute();
      await t.ctx.database.db
        .updateTable('goals')
        .set({ title: 'Підтримані підопічні' })
        .where('networkId', '=', network.id)
        .execute();
      const client = await signIn(t.app, meta);
      const german = await client.get(
        `/api/networks/${network.slug}/reports/impact?${PERIOD}&format=pdf&lang=de`,
      );
      expect(german.statusCode, german.body.slice(0, 200)).toBe(200);
      expect(german.headers['content-type']).toBe('application/pdf');
      expect(german.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const de = pdfText(german.rawPayload);
      for (const text of [
        'Wirkungsbericht: Δίκτυο Θεσσαλονίκης',
        'Zeitraum: 1. Januar 2026 bis 30. Juni 2026',
        'In diesem Zeitraum haben 5 Mentor:innen 11 Aktivitäten mit 6 Mentees eingetragen, insgesamt 9,5 Stunden.',
        'Mentoring-Stunden nach Monat',
        'Aktivitäten nach Art',
        'Begleitung zu einem Amt',
        'zurückgehalten',
        'Підтримані підопічні',
      ])
        expect(de, text).toContain(text);

      const arabic = await client.get(
        `/api/networks/${network.slug}/reports/impact?${PERIOD}&format=pdf&lang=ar`,
      );
      expect(arabic.statusCode).toBe(200);
      const ar = pdfText(arabic.rawPayload);
      // pdftotext puts spaces inside some joined Arabic words (its guess from the gaps between
      // glyphs) and marks runs with directional controls: the letters, in reading order, must be there.
      const letters = (text: string) => text.replace(/[\s\u202a-\u202e\u2066-\u2069]/g, '');
      for (const text of [
        'تقرير الأثر',
        'الفترة: من 1 يناير 2026 إلى 30 يونيو 2026',
        'ساعات الإرشاد حسب الشهر',
        'الأنشطة حسب النوع',
        'مرافقة إلى دائرة رسمية',
        'محجوب',
        'عمل الشبكة',
        'Підтримані підопічні',
      ])
        expect(letters(ar), text).toContain(letters(text));
      expect(ar).toContain('Δίκτυο Θεσσαλονίκης');
    },
    60_000,
  );

  it.runIf(dialect === DIALECTS[0])(
    'prints Tigrinya in Noto Sans Ethiopic, for a Tigrinya reader and inside English text',
    async () => {
      const { org, orgAdmin, network, meta } = await reportingNetwork();
      await t.ctx.database.db
        .updateTable('networks')
        .set({ name: 'ኣማኸርቲ ኣስመራ' })
        .where('id', '=', network.id)
        .execute();
      await t.ctx.database.db
        .updateTable('organisations')
        .set({ name: 'Welcome ኣስመራ e.V.' })
        .where('id', '=', org.id)
        .execute();
      await t.ctx.database.db
        .updateTable('goals')
        .set({ title: 'ዝተሓገዙ ተማኸርቲ' })
        .where('networkId', '=', network.id)
        .execute();
      // No `lang`: the report is in the reader's own language.
      await t.ctx.database.db.updateTable('users').set({ locale: 'ti' }).where('id', '=', meta.id).execute();
      const tigrinya = await (await signIn(t.app, meta)).get(
        `/api/networks/${network.slug}/reports/impact?${PERIOD}&format=pdf`,
      );
      expect(tigrinya.statusCode, tigrinya.body.slice(0, 200)).toBe(200);
      expect(tigrinya.headers['content-disposition']).toContain('-ti.pdf');
      const ti = pdfText(tigrinya.rawPayload);
      for (const text of [
        'ጸብጻብ ጽልዋ: ኣማኸርቲ ኣስመራ',
        'ትካል: Welcome ኣስመራ e.V.',
        'ኣብዚ ግዜ፣ 5 ኣማኸርቲ ምስ 6 ተማኸርቲ 11 ንጥፈታት መዝጊቦም፣ ብድምር 9.5 ሰዓታት።',
        'ሰዓታት ምኽሪ ብወርሒ',
        'ዝተሓብአ',
        'ዕላማታትን ምዕባለን',
        'ዝተሓገዙ ተማኸርቲ',
      ])
        expect(ti, text).toContain(text);
      // Headings and table heads are bold: the bold face, not the regular one thickened.
      expect(pdfFonts(tigrinya.rawPayload)).toEqual(
        expect.arrayContaining(['NotoSansEthiopic-Regular', 'NotoSansEthiopic-Bold']),
      );

      const english = await (await signIn(t.app, orgAdmin)).get(
        `/api/organisations/${org.slug}/reports/impact?${PERIOD}&format=pdf&lang=en`,
      );
      expect(english.statusCode).toBe(200);
      const en = pdfText(english.rawPayload);
      for (const text of [
        'Impact report: Welcome ኣስመራ e.V.',
        'Networks: Mentoring Halle, ኣማኸርቲ ኣስመራ',
        'ዝተሓገዙ ተማኸርቲ ኣማኸርቲ ኣስመራ',
      ])
        expect(en, text).toContain(text);
      expect(pdfFonts(english.rawPayload)).toEqual(
        expect.arrayContaining(['NotoSans-Regular', 'NotoSans-Bold', 'NotoSansEthiopic-Regular']),
      );
    },
    60_000,
  );
});
