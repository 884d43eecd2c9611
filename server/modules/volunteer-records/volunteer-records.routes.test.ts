import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VolunteerRecord } from '../../../common/contracts/volunteer-records.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, signIn } from '../../test/client.ts';
import { buildMember, buildNetwork, buildOrganisation, buildUser } from '../../test/factories.ts';

describe.each(DIALECTS)('volunteer records on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  async function setting() {
    const orgAdmin = await buildUser(t.ctx);
    const org = await buildOrganisation(t.ctx, { adminId: orgAdmin.id });
    const network = await buildNetwork(t.ctx, { organisationId: org.id });
    const office = await buildMember(t.ctx, network, { role: 'office' });
    const meta = await buildMember(t.ctx, network, { role: 'meta_mentor' });
    const anna = await buildMember(t.ctx, network);
    const ben = await buildMember(t.ctx, network);
    const base = (userId: string) => `/api/networks/${network.slug}/members/${userId}/record`;
    return { network, orgAdmin, office, meta, anna, ben, base };
  }

  it('lets the office record training, checks and the commitment, and the member read their own', async () => {
    const { network, office, anna, base } = await setting();
    // A MOOC session the member graduated from shows as training by itself.
    const now = isoNow();
    const sessionId = newId();
    await t.ctx.database.db
      .insertInto('moocSessions')
      .values({
        id: sessionId,
        networkId: network.id,
        title: 'mentorNET MOOC, spring',
        courseUrl: null,
        startsOn: '2026-03-01',
        endsOn: '2026-04-30',
        createdBy: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    await t.ctx.database.db
      .insertInto('memberBadges')
      .values({
        id: newId(),
        networkId: network.id,
        userId: anna.id,
        kind: 'mooc_graduate',
        sessionId,
        createdAt: now,
      })
      .execute();

    const staff = await signIn(t.app, office);
    const training = await staff.post(`${base(anna.id)}/trainings`, {
      title: 'Trauma-informed support',
      completedOn: '2026-05-20',
    });
    expect(training.statusCode, training.body).toBe(201);
    const check = await staff.post(`${base(anna.id)}/checks`, {
      kind: 'Certificate of good conduct',
      seenOn: '2024-01-10',
      validUntil: '2025-01-10',
    });
    expect(check.statusCode, check.body).toBe(201);
    expect(
      errorCode(
        await staff.post(`${base(anna.id)}/checks`, {
          kind: 'x-ray',
          seenOn: '2026-01-10',
          validUntil: '2025-01-01',
        }),
      ),
    ).toBe('VALIDATION_FAILED');
    const commitment = await staff.request('PUT', `${base(anna.id)}/commitment`, {
      hoursPerWeek: 3,
      until: '2027-06-30',
    });
    expect(commitment.statusCode, commitment.body).toBe(200);

    const own = await (await signIn(t.app, anna)).get(base('me'));
    expect(own.statusCode, own.body).toBe(200);
    const record = own.json() as VolunteerRecord;
    expect(record).toMatchObject({
      userId: anna.id,
      commitment: { hoursPerWeek: 3, until: '2027-06-30' },
      canManage: false,
    });
    expect(record.trainings.map((x) => [x.title, x.source])).toEqual([
      ['mentorNET MOOC, spring', 'mooc'],
      ['Trauma-informed support', 'manual'],
    ]);
    // The check expired: it is shown as no longer valid.
    expect(record.checks).toEqual([
      expect.objectContaining({
        kind: 'Certificate of good conduct',
        validUntil: '2025-01-10',
        valid: false,
      }),
    ]);

    // Correcting an entry: staff only, within this member's record, not a MOOC session.
    const manualTraining = record.trainings.find((x) => x.source === 'manual');
    const mooc = record.trainings.find((x) => x.source === 'mooc');
    const fixedTraining = await staff.request('PUT', `${base(anna.id)}/trainings/${manualTraining?.id}`, {
      title: 'Trauma-informed support, part 2',
      completedOn: '2026-06-02',
    });
    expect(fixedTraining.statusCode, fixedTraining.body).toBe(200);
    expect((fixedTraining.json() as VolunteerRecord).trainings).toContainEqual(
      expect.objectContaining({
        id: manualTraining?.id,
        title: 'Trauma-informed support, part 2',
        completedOn: '2026-06-02',
        source: 'manual',
      }),
    );
    expect(
      (
        await staff.request('PUT', `${base(anna.id)}/trainings/${mooc?.id}`, {
          title: 'Renamed',
          completedOn: '2026-06-02',
        })
      ).statusCode,
    ).toBe(404);
    const checkId = record.checks[0]?.id;
    const renewed = await staff.request('PUT', `${base(anna.id)}/checks/${checkId}`, {
      kind: 'Certificate of good conduct (renewed)',
      seenOn: '2026-01-10',
      validUntil: '2099-01-10',
    });
    expect(renewed.statusCode, renewed.body).toBe(200);
    expect((renewed.json() as VolunteerRecord).checks).toEqual([
      expect.objectContaining({
        id: checkId,
        kind: 'Certificate of good conduct (renewed)',
        seenOn: '2026-01-10',
        validUntil: '2099-01-10',
        valid: true,
      }),
    ]);
    expect(
      errorCode(
        await staff.request('PUT', `${base(anna.id)}/checks/${checkId}`, {
          kind: 'Certificate of good conduct',
          seenOn: '2026-01-10',
          validUntil: '2025-01-01',
        }),
      ),
    ).toBe('VALIDATION_FAILED');
    // Another member's id does not reach Anna's check; Anna cannot correct her own record.
    expect(
      errorCode(
        await staff.request('PUT', `${base(office.id)}/checks/${checkId}`, {
          kind: 'Good conduct',
          seenOn: '2026-01-10',
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      errorCode(
        await (await signIn(t.app, anna)).request('PUT', `${base(anna.id)}/checks/${checkId}`, {
          kind: 'Good conduct',
          seenOn: '2026-01-10',
        }),
      ),
    ).toBe('FORBIDDEN');
    const unchanged = (await staff.get(base(anna.id))).json() as VolunteerRecord;
    expect(unchanged.checks[0]?.kind).toBe('Certificate of good conduct (renewed)');

    // Removing an entry and clearing the commitment.
    const manual = record.trainings.find((x) => x.source === 'manual');
    expect((await staff.delete(`${base(anna.id)}/${manual?.id}`)).statusCode).toBe(204);
    expect((await staff.delete(`${base(anna.id)}/${manual?.id}`)).statusCode).toBe(404);
    const cleared = await staff.request('PUT', `${base(anna.id)}/commitment`, { hoursPerWeek: null });
    expect((cleared.json() as VolunteerRecord).commitment).toBeNull();
  });

  it('writes every change of a record to the audit log with dates and numbers, never its free text', async () => {
    const { network, office, anna, base } = await setting();
    const staff = await signIn(t.app, office);
    const afterAdding = await staff.post(`${base(anna.id)}/trainings`, {
      title: 'Trauma support for Anna after her divorce',
      completedOn: '2026-05-20',
    });
    expect(afterAdding.statusCode).toBe(201);
    const trainingId = (afterAdding.json() as VolunteerRecord).trainings[0]?.id ?? '';
    const withCheck = await staff.post(`${base(anna.id)}/checks`, {
      kind: 'Good conduct, one old entry about Anna',
      seenOn: '2026-01-10',
      validUntil: '2029-01-10',
    });
    const checkId = (withCheck.json() as VolunteerRecord).checks[0]?.id ?? '';
    const changes = [
      await staff.request('PUT', `${base(anna.id)}/trainings/${trainingId}`, {
        title: 'Trauma support, part 2',
        completedOn: '2026-06-02',
      }),
      await staff.request('PUT', `${base(anna.id)}/checks/${checkId}`, {
        kind: 'Good conduct, renewed',
        seenOn: '2026-02-01',
        validUntil: '2030-02-01',
      }),
      await staff.request('PUT', `${base(anna.id)}/commitment`, { hoursPerWeek: 3, until: '2027-06-30' }),
      await staff.request('PUT', `${base(anna.id)}/commitment`, { hoursPerWeek: null }),
      await staff.delete(`${base(anna.id)}/${trainingId}`),
      await staff.delete(`${base(anna.id)}/${checkId}`),
    ];
    expect(changes.map((c) => c.statusCode)).toEqual([200, 200, 200, 200, 204, 204]);
    // What failed changed nothing, and is not in the log.
    expect((await staff.delete(`${base(anna.id)}/${checkId}`)).statusCode).toBe(404);
    const missing = await staff.request('PUT', `${base(anna.id)}/trainings/${checkId}`, {
      title: 'Nothing',
      completedOn: '2026-06-02',
    });
    expect(missing.statusCode).toBe(404);

    const rows = await t.ctx.database.db
      .selectFrom('auditLog')
      .select(['action', 'actorId', 'subjectUserId', 'details'])
      .where('networkId', '=', network.id)
      .where('action', 'like', 'records.%')
      .execute();
    const entries = rows
      .map((r) => ({ ...r, details: JSON.parse(r.details) as unknown }))
      .sort((a, b) => a.action.localeCompare(b.action));
    expect(entries.every((e) => e.actorId === office.id && e.subjectUserId === anna.id)).toBe(true);
    expect(entries.map((e) => [e.action, e.details])).toEqual([
      ['records.check_added', { entry: checkId, seenOn: '2026-01-10', validUntil: '2029-01-10' }],
      ['records.check_corrected', { entry: checkId, seenOn: '2026-02-01', validUntil: '2030-02-01' }],
      ['records.check_removed', { entry: checkId }],
      ['records.commitment_cleared', {}],
      ['records.commitment_set', { hoursPerWeek: 3, until: '2027-06-30' }],
      ['records.training_added', { entry: trainingId, completedOn: '2026-05-20' }],
      ['records.training_corrected', { entry: trainingId, completedOn: '2026-06-02' }],
      ['records.training_removed', { entry: trainingId }],
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/Anna|Trauma|conduct/i);
  });

  it('hides a record from other members and from admins who are not members', async () => {
    const { orgAdmin, meta, anna, ben, base } = await setting();
    const other = await signIn(t.app, ben);
    expect(errorCode(await other.get(base(anna.id)))).toBe('FORBIDDEN');
    expect(
      errorCode(await other.post(`${base(anna.id)}/checks`, { kind: 'Good conduct', seenOn: '2026-01-01' })),
    ).toBe('FORBIDDEN');
    expect(errorCode(await (await signIn(t.app, orgAdmin)).get(base(anna.id)))).toBe('FORBIDDEN');
    const admin = await signIn(t.app, await buildUser(t.ctx, { isPlatformAdmin: 1 }));
    expect(errorCode(await admin.get(base(anna.id)))).toBe('FORBIDDEN');
    // The meta-mentor sees it; someone who is no member has no record here.
    expect((await (await signIn(t.app, meta)).get(base(anna.id))).statusCode).toBe(200);
    expect((await (await signIn(t.app, meta)).get(base(orgAdmin.id))).statusCode).toBe(404);
  });
});
