import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notification } from '../../../common/contracts/notifications.ts';
import type { VolunteerRecord } from '../../../common/contracts/volunteer-records.ts';
import { DAY, HOUR, isoNow } from '../../lib/time.ts';
import { notificationsOf } from '../../test/buddies.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { signIn } from '../../test/client.ts';
import { buildMember, buildNetwork, buildUser } from '../../test/factories.ts';
import {
  nextRecordsRunAt,
  purgeDepartedRecords,
  RECORDS_JOB,
  runRecordJobs,
  sendRecordReminders,
} from './record-jobs.service.ts';
import { addMonths } from './status.service.ts';

const dayOf = (now: number, fromThen = 0) => isoNow(now + fromThen * DAY).slice(0, 10);

describe('records job timing', () => {
  it('runs an hour before the daily digest', () => {
    const morning = Date.parse('2026-01-01T05:00:00.000Z');
    expect(nextRecordsRunAt(morning, 7)).toBe('2026-01-01T06:00:00.000Z');
    expect(nextRecordsRunAt(morning + 2 * HOUR, 7)).toBe('2026-01-02T06:00:00.000Z');
  });
});

describe.each(DIALECTS)('volunteer records job on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  it('is scheduled on start, once', async () => {
    const jobs = await t.ctx.database.db
      .selectFrom('jobs')
      .select('runAt')
      .where('kind', '=', RECORDS_JOB)
      .where('status', '=', 'pending')
      .execute();
    expect(jobs).toHaveLength(1);
  });

  it('reminds the meta-mentors and office of checks ending within 30 days and commitments ending, each once', async () => {
    const network = await buildNetwork(t.ctx);
    const meta = await buildMember(t.ctx, network, { role: 'meta_mentor' });
    const officeUser = await buildMember(t.ctx, network, { role: 'office' });
    const office = await signIn(t.app, officeUser);
    const mentor = await buildMember(t.ctx, network, {
      user: await buildUser(t.ctx, { displayName: 'Cem Checked' }),
    });
    const other = await buildMember(t.ctx, network);
    const record = (userId: string) => `/api/networks/${network.slug}/members/${userId}/record`;
    const now = Date.now();
    // A check ending in 40 days, one valid for years, and a commitment ending in 50 days.
    const check = await office.post(`${record(mentor.id)}/checks`, {
      kind: 'Certificate of good conduct',
      seenOn: dayOf(now, -300),
      validUntil: dayOf(now, 40),
    });
    expect(check.statusCode, check.body).toBe(201);
    await office.post(`${record(other.id)}/checks`, {
      kind: 'Good conduct',
      seenOn: dayOf(now),
      validUntil: dayOf(now, 900),
    });
    await office.request('PUT', `${record(other.id)}/commitment`, { hoursPerWeek: 2, until: dayOf(now, 50) });

    const told = async (userId: string) =>
      (await notificationsOf(t.ctx, userId))
        .filter((n) => n.kind.startsWith('record_'))
        .map((n) => [n.kind, n.actorId]);

    // Today: nothing is due yet.
    expect(await sendRecordReminders(t.ctx, now)).toBe(0);
    expect(await told(meta.id)).toEqual([]);

    // In 11 days the check ends within 30: both staff hear of it, once.
    expect(await sendRecordReminders(t.ctx, now + 11 * DAY)).toBe(1);
    expect(await sendRecordReminders(t.ctx, now + 12 * DAY)).toBe(0);
    for (const staff of [meta, officeUser]) {
      expect(await told(staff.id)).toEqual([['record_check_expiring', mentor.id]]);
    }
    expect(await told(mentor.id)).toEqual([]);

    // In 21 days the commitment ends within 30 too.
    expect(await sendRecordReminders(t.ctx, now + 21 * DAY)).toBe(1);
    expect(await told(meta.id)).toEqual([
      ['record_check_expiring', mentor.id],
      ['record_commitment_ending', other.id],
    ]);
    // A renewed commitment with a new end is told again when that end comes near; the old is not.
    await office.request('PUT', `${record(other.id)}/commitment`, {
      hoursPerWeek: 2,
      until: dayOf(now, 400),
    });
    expect(await sendRecordReminders(t.ctx, now + 22 * DAY)).toBe(0);
    expect(await sendRecordReminders(t.ctx, now + 380 * DAY)).toBe(1);

    // The notification names the member and leads to their record (a web page).
    const list = (await office.get('/api/notifications')).json() as { notifications: Notification[] };
    const about = list.notifications.find((n) => n.kind === 'record_check_expiring');
    expect(about).toMatchObject({
      actor: { id: mentor.id, displayName: 'Cem Checked' },
      network: { slug: network.slug },
    });
  });

  it('deletes a departed member’s records once the retention period is over and logs it; someone who came back keeps theirs', async () => {
    const network = await buildNetwork(t.ctx);
    const metaUser = await buildMember(t.ctx, network, { role: 'meta_mentor' });
    const meta = await signIn(t.app, metaUser);
    const leaving = await buildMember(t.ctx, network);
    const record = `/api/networks/${network.slug}/members/${leaving.id}/record`;
    await meta.post(`${record}/trainings`, { title: 'First aid', completedOn: '2026-02-01' });
    await meta.post(`${record}/checks`, {
      kind: 'Good conduct',
      seenOn: '2026-02-01',
      validUntil: '2031-02-01',
    });
    await meta.request('PUT', `${record}/commitment`, { hoursPerWeek: 4, until: null });
    const departed = await meta.post(`${record}/departure`, { note: 'Thank you!' });
    expect(departed.statusCode, departed.body).toBe(201);
    const purgeOn = addMonths(isoNow().slice(0, 10), 12);
    expect((departed.json() as VolunteerRecord).status.purgeOn).toBe(purgeOn);

    const rows = async () => {
      const db = t.ctx.database.db;
      const count = async (table: 'volunteerTrainings' | 'volunteerChecks' | 'volunteerCommitments') =>
        (await db.selectFrom(table).select('userId').where('userId', '=', leaving.id).execute()).length;
      return [
        await count('volunteerTrainings'),
        await count('volunteerChecks'),
        await count('volunteerCommitments'),
      ];
    };
    expect(await rows()).toEqual([1, 1, 1]);

    // The day before: kept. On the day: deleted by the job, logged, once.
    const purgeAt = Date.parse(`${purgeOn}T12:00:00.000Z`);
    expect(await purgeDepartedRecords(t.ctx, purgeAt - DAY)).toBe(0);
    expect(await rows()).toEqual([1, 1, 1]);
    expect((await runRecordJobs(t.ctx, purgeAt)).purged).toBe(1);
    expect(await rows()).toEqual([0, 0, 0]);
    expect(await purgeDepartedRecords(t.ctx, purgeAt + DAY)).toBe(0);
    const logged = await t.ctx.database.db
      .selectFrom('auditLog')
      .select(['action', 'actorId'])
      .where('subjectUserId', '=', leaving.id)
      .where('action', '=', 'records.purged')
      .execute();
    expect(logged).toEqual([{ action: 'records.purged', actorId: null }]);
    // The handover is gone with it; the record is no longer there.
    const departure = await t.ctx.database.db
      .selectFrom('volunteerDepartures')
      .select(['note', 'purgedAt'])
      .where('userId', '=', leaving.id)
      .executeTakeFirstOrThrow();
    expect(departure.note).toBe('');
    expect(departure.purgedAt).not.toBeNull();
    expect((await meta.get(record)).statusCode).toBe(404);

    // Someone who left and came back before the day keeps their records.
    const returning = await buildMember(t.ctx, network);
    const theirs = `/api/networks/${network.slug}/members/${returning.id}/record`;
    await meta.post(`${theirs}/trainings`, { title: 'Listening skills', completedOn: '2026-03-01' });
    expect((await meta.post(`${theirs}/departure`, {})).statusCode).toBe(201);
    await buildMember(t.ctx, network, { user: returning });
    expect(await purgeDepartedRecords(t.ctx, purgeAt)).toBe(0);
    const kept = (await meta.get(theirs)).json() as VolunteerRecord;
    expect(kept.status.state).toBe('active');
    expect(kept.trainings.map((x) => x.title)).toEqual(['Listening skills']);
  });
});
