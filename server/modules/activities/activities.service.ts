import type {
  Activity,
  ActivityListQuery,
  ActivityPrivacyDetails,
  CreateActivityBody,
  UpdateActivityBody,
} from '../../../common/contracts/activities.ts';
import type { Locale } from '../../../common/locales.ts';
import type { AppContext } from '../../context.ts';
import { AppError, notFound } from '../../errors.ts';
import { toCsv } from '../../lib/csv-write.ts';
import { translate } from '../../lib/i18n.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { type NetworkAccess, type NetworkRow, requireUser } from '../networks/index.ts';
import { checkCaseText, presentPrivacyCheck } from '../privacy/index.ts';
import type { UserRow } from '../users/index.ts';
import { presentActivity } from './activities.presenter.ts';
import * as repo from './activities.repository.ts';
import type { ActivityListRow } from './activities.table.ts';
import { notesKeyOf, openNote, sealNote } from './notes-cipher.ts';

/**
 * The mentoring log: every function acts on the caller's own activities only. Single activities and
 * their notes are never shown to anyone but their author; reports read aggregates (report.service.ts).
 */

/** Who logs, in which network. */
export interface ActivityActor {
  network: NetworkRow;
  user: UserRow;
}

export function activityActorOf(access: NetworkAccess): ActivityActor {
  return { network: access.network, user: requireUser(access) };
}

/**
 * The privacy check of a note: findings without the mentor's confirmation are a 422
 * PRIVACY_FINDINGS with the findings; returns whether there were findings.
 */
function checkNotePrivacy(note: string, confirmed: boolean): boolean {
  const details: ActivityPrivacyDetails = { note: presentPrivacyCheck(checkCaseText(note)).findings };
  if (details.note.length > 0 && !confirmed) throw new AppError('PRIVACY_FINDINGS', 422, details);
  return details.note.length > 0;
}

function present(ctx: AppContext, row: ActivityListRow): Activity {
  try {
    return presentActivity(row, openNote(notesKeyOf(ctx.config), row.noteSealed, row));
  } catch (err) {
    // A note sealed with another key (ACTIVITY_NOTES_KEY changed, the key file lost) or changed
    // in the database: the rest of the log stays usable.
    ctx.log.warn({ err, activityId: row.id }, 'a mentoring log note could not be opened');
    return presentActivity(row, null);
  }
}

/** Logs an activity of the caller's; returns it. */
export async function logActivity(
  ctx: AppContext,
  actor: ActivityActor,
  body: CreateActivityBody,
): Promise<Activity> {
  const found = checkNotePrivacy(body.note, body.privacyConfirmed);
  const now = isoNow();
  const id = newId();
  const userId = actor.user.id;
  await repo.insertActivity(ctx.database.db, {
    id,
    networkId: actor.network.id,
    userId,
    occurredOn: body.date,
    durationMinutes: body.durationMinutes,
    kind: body.kind,
    topics: JSON.stringify([...new Set(body.topics)]),
    menteeCode: body.menteeCode,
    noteSealed: sealNote(notesKeyOf(ctx.config), body.note, { id, userId }),
    privacyConfirmedAt: found ? now : null,
    createdAt: now,
    updatedAt: now,
  });
  return getActivity(ctx, actor, id);
}

/** One of the caller's activities in the network; 404 for anyone else's. */
export async function getActivity(ctx: AppContext, actor: ActivityActor, id: string): Promise<Activity> {
  const row = await repo.findOwnActivity(ctx.database.db, actor.network.id, actor.user.id, id);
  if (!row) throw notFound();
  return present(ctx, row);
}

/** Changes one of the caller's activities; a changed note is privacy-checked again. */
export async function changeActivity(
  ctx: AppContext,
  actor: ActivityActor,
  id: string,
  body: UpdateActivityBody,
): Promise<Activity> {
  const userId = actor.user.id;
  const row = await repo.findOwnActivity(ctx.database.db, actor.network.id, userId, id);
  if (!row) throw notFound();
  const now = isoNow();
  const values: Parameters<typeof repo.updateActivity>[3] = { updatedAt: now };
  if (body.date !== undefined) values.occurredOn = body.date;
  if (body.durationMinutes !== undefined) values.durationMinutes = body.durationMinutes;
  if (body.kind !== undefined) values.kind = body.kind;
  if (body.topics !== undefined) values.topics = JSON.stringify([...new Set(body.topics)]);
  if (body.menteeCode !== undefined) values.menteeCode = body.menteeCode;
  if (body.note !== undefined) {
    const found = checkNotePrivacy(body.note, body.privacyConfirmed);
    values.noteSealed = sealNote(notesKeyOf(ctx.config), body.note, { id, userId });
    values.privacyConfirmedAt = found ? now : null;
  }
  await repo.updateActivity(ctx.database.db, userId, id, values);
  return getActivity(ctx, actor, id);
}

/** Deletes one of the caller's activities; 404 for anyone else's. */
export async function removeActivity(ctx: AppContext, actor: ActivityActor, id: string): Promise<void> {
  const deleted = await repo.deleteActivity(ctx.database.db, actor.network.id, actor.user.id, id);
  if (!deleted) throw notFound();
}

/** The caller's log in one network (or, without one, all their networks) and their mentee codes. */
export async function listActivities(
  ctx: AppContext,
  user: UserRow,
  network: NetworkRow | null,
  query: ActivityListQuery,
): Promise<{ activities: Activity[]; menteeCodes: string[] }> {
  const db = ctx.database.db;
  const [rows, menteeCodes] = await Promise.all([
    repo.listOwnActivities(db, user.id, { ...query, networkId: network?.id }),
    repo.listMenteeCodes(db, user.id),
  ]);
  return { activities: rows.map((row) => present(ctx, row)), menteeCodes };
}

/** Catalogue keys of the kinds (written out, so the catalogue check sees them used). */
const KIND_KEYS = {
  meeting: 'activities.kind.meeting',
  accompaniment: 'activities.kind.accompaniment',
  phone_online: 'activities.kind.phone_online',
  other: 'activities.kind.other',
} as const;

/** The caller's whole log as CSV (UTF-8 with BOM, header in the caller's language). */
export async function exportActivitiesCsv(
  ctx: AppContext,
  user: UserRow,
  locale: Locale,
  query: ActivityListQuery,
): Promise<string> {
  const { activities } = await listActivities(ctx, user, null, query);
  const t = (key: string) => translate(locale, key);
  const header = [
    t('activities.csv.date'),
    t('activities.csv.network'),
    t('activities.csv.duration_minutes'),
    t('activities.csv.kind'),
    t('activities.csv.topics'),
    t('activities.csv.mentee_code'),
    t('activities.csv.note'),
  ];
  const rows = activities.map((a) => [
    a.date,
    a.network.name,
    a.durationMinutes,
    t(KIND_KEYS[a.kind]),
    a.topics.map((topic) => t(`expertise.${topic}`)).join('; '),
    a.menteeCode,
    a.note,
  ]);
  return toCsv([header, ...rows]);
}

/**
 * The mentee codes a member used in a network, for the handover form when they leave it (B6):
 * pseudonyms only, never the activities or their notes.
 */
export async function menteeCodesOf(ctx: AppContext, networkId: string, userId: string): Promise<string[]> {
  return repo.listMenteeCodesIn(ctx.database.db, networkId, userId);
}
