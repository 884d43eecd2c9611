import type { Insertable } from 'kysely';
import type { AppContext } from '../context.ts';
import type { DB } from '../db/schema.ts';
import { newId } from '../lib/ids.ts';
import { DAY, isoNow } from '../lib/time.ts';
import { inviteGraduates, markGraduateJoined, remindGraduates } from '../modules/mooc/index.ts';
import { findNetworkBySlug } from '../modules/networks/index.ts';
import { findUserByEmail } from '../modules/users/index.ts';

const NETWORK = 'demo-mentors-musterstadt';
const ago = (days: number) => Date.now() - days * DAY;

/**
 * Demo data for issue 6 in the public demo network: a MOOC session with graduates in every state
 * (joined with the badge, imported, invited, reminded, expired, bounced), the network in the
 * sustaining phase with manual steps ticked, and two goals with a history. Runs once: a network
 * that already has a MOOC session is left alone.
 */
export async function seedRoadmapDemo(ctx: AppContext): Promise<void> {
  const db = ctx.database.db;
  const network = await findNetworkBySlug(ctx, NETWORK);
  const orgAdmin = await findUserByEmail(ctx, 'org.admin@demo.example.org');
  const meta = await findUserByEmail(ctx, 'meta.mentor@demo.example.org');
  const beginner = await findUserByEmail(ctx, 'mentor.beginner@demo.example.org');
  const greek = await findUserByEmail(ctx, 'mentor.greek@demo.example.org');
  if (!network || !orgAdmin || !meta || !beginner || !greek) return;
  const existing = await db
    .selectFrom('moocSessions')
    .select('id')
    .where('networkId', '=', network.id)
    .executeTakeFirst();
  if (existing) return;

  const session = {
    id: newId(ago(200)),
    networkId: network.id,
    title: 'mentorNET MOOC Musterstadt, spring cohort (demo)',
    courseUrl: 'https://moodle.example.org/course/view.php?id=42',
    startsOn: new Date(ago(200)).toISOString().slice(0, 10),
    endsOn: new Date(ago(150)).toISOString().slice(0, 10),
    createdBy: orgAdmin.id,
    createdAt: new Date(ago(200)).toISOString(),
    updatedAt: new Date(ago(200)).toISOString(),
  };
  await db.insertInto('moocSessions').values(session).execute();
  const people: [string, string, string | null][] = [
    ['Bogdan Beginner (demo)', beginner.email, 'pl'],
    ['Eleni Mentor (demo)', greek.email, 'el'],
    ['Hana Imported (demo)', 'hana.graduate@demo.example.org', 'ar'],
    ['Ivo Invited (demo)', 'ivo.graduate@demo.example.org', 'de'],
    ['Rita Reminded (demo)', 'rita.graduate@demo.example.org', 'it'],
    ['Ernst Expired (demo)', 'ernst.graduate@demo.example.org', null],
    ['Bea Bounced (demo)', 'bea.graduate@demo.example.org', 'uk'],
  ];
  const now = isoNow();
  const rows: Insertable<DB['moocGraduates']>[] = people.map(([name, email, language], i) => ({
    id: newId(ago(149) + i),
    sessionId: session.id,
    networkId: network.id,
    name,
    email,
    completedOn: session.endsOn,
    language,
    status: 'imported',
    invitationId: null,
    invitedAt: null,
    remindedAt: null,
    joinedAt: null,
    bouncedAt: null,
    userId: null,
    importedBy: orgAdmin.id,
    createdAt: now,
    updatedAt: now,
  }));
  await db.insertInto('moocGraduates').values(rows).execute();
  const [bogdan, eleni, , ivo, rita, ernst, bea] = rows;
  if (!bogdan || !eleni || !ivo || !rita || !ernst || !bea) return;
  // The two demo beginners are members already: they joined as graduates and carry the badge.
  await markGraduateJoined(ctx, bogdan.id, beginner.id);
  await markGraduateJoined(ctx, eleni.id, greek.id);
  await inviteGraduates(ctx, network, session, orgAdmin, [ivo.id, rita.id, ernst.id, bea.id]);
  await remindGraduates(ctx, network, session, orgAdmin);
  // Only Rita keeps her reminder; Ivo stays invited, Ernst's invitation ran out, Bea's bounced.
  await db
    .updateTable('moocGraduates')
    .set({ status: 'invited', remindedAt: null })
    .where('id', 'in', [ivo.id, ernst.id])
    .execute();
  const ernstInvitation = await db
    .selectFrom('moocGraduates')
    .select('invitationId')
    .where('id', '=', ernst.id)
    .executeTakeFirst();
  if (ernstInvitation?.invitationId) {
    await db
      .updateTable('invitations')
      .set({ expiresAt: new Date(ago(3)).toISOString() })
      .where('id', '=', ernstInvitation.invitationId)
      .execute();
  }
  await db
    .updateTable('moocGraduates')
    .set({ status: 'bounced', bouncedAt: now })
    .where('id', '=', bea.id)
    .execute();

  // A network still in its first phase moves on, one that moved stays.
  await db
    .updateTable('networks')
    .set({ phase: 'sustaining', phaseChangedAt: new Date(ago(40)).toISOString() })
    .where('id', '=', network.id)
    .where('phase', '=', 'initiation')
    .execute();
  for (const [step, days, note] of [
    ['kickoff_meeting_held', 140, 'Kick-off in the community centre, 14 graduates came (fictional).'],
    ['exchange_meeting_held', 20, 'Monthly exchange evening, topic: appointments at the housing office.'],
  ] as const) {
    const tick = {
      networkId: network.id,
      step,
      doneOn: new Date(ago(days)).toISOString().slice(0, 10),
      note,
      tickedBy: meta.id,
      tickedAt: new Date(ago(days)).toISOString(),
    };
    // A step someone ticked by hand already takes the demo's day and note.
    await db
      .insertInto('roadmapTicks')
      .values(tick)
      .onConflict((oc) =>
        oc.columns(['networkId', 'step']).doUpdateSet({
          doneOn: tick.doneOn,
          note: tick.note,
          tickedBy: tick.tickedBy,
          tickedAt: tick.tickedAt,
        }),
      )
      .execute();
  }

  const families: Insertable<DB['goals']> = {
    id: newId(ago(120)),
    networkId: network.id,
    title: 'Accompany 30 families to the housing office',
    description: 'Counted per family; a family counts once, however many visits it needs.',
    unit: 'families',
    startValue: 0,
    targetValue: 30,
    dueOn: new Date(ago(-120)).toISOString().slice(0, 10),
    createdBy: meta.id,
    createdAt: new Date(ago(120)).toISOString(),
    updatedAt: new Date(ago(120)).toISOString(),
    archivedAt: null,
  };
  const meetings: Insertable<DB['goals']> = {
    ...families,
    id: newId(ago(119)),
    title: 'Meet once a month to exchange experiences',
    description: 'Online or in the community centre.',
    unit: null,
    startValue: null,
    targetValue: null,
    dueOn: null,
  };
  await db.insertInto('goals').values([families, meetings]).execute();
  const history: [Insertable<DB['goals']>, number, number | null, string, string][] = [
    [families, 100, 4, 'First four families accompanied.', meta.id],
    [families, 70, 9, 'Five more, two of them with an Arabic-speaking mentor.', beginner.id],
    [families, 35, 14, 'Waiting times at the office are long; we now book appointments together.', greek.id],
    [families, 7, 17, '', meta.id],
    [meetings, 90, null, 'First exchange evening with 9 mentors.', meta.id],
    [meetings, 20, null, 'Second evening: how we handle appointments.', greek.id],
  ];
  await db
    .insertInto('goalUpdates')
    .values(
      history.map(([goal, days, value, comment, authorId]) => ({
        id: newId(ago(days)),
        goalId: goal.id,
        networkId: network.id,
        authorId,
        value,
        comment,
        createdAt: new Date(ago(days)).toISOString(),
      })),
    )
    .execute();
}
