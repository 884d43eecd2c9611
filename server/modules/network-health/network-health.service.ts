import type {
  DriftingPage,
  HealthQuery,
  HealthSettings,
  HealthSettingsBody,
  HealthWeek,
  NetworkHealth,
  OrganisationHealth,
} from '../../../common/contracts/network-health.ts';
import {
  DRIFT_SILENT_DAYS,
  DRIFT_WINDOW_DAYS,
  HEALTH_DEFAULT_WEEKS,
  HEALTH_MAX_DAYS,
} from '../../../common/network-health.ts';
import type { AppContext } from '../../context.ts';
import { decodeCursor, invalidCursor, paginate } from '../../lib/cursor.ts';
import { DAY, HOUR, isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { mayInNetwork, type NetworkAccess, type NetworkRow } from '../networks/index.ts';
import type { OrganisationRow } from '../organisations/index.ts';
import { hasDeputy } from '../progression/index.ts';
import { presentGoal, presentWeeks } from './network-health.presenter.ts';
import * as repo from './network-health.repository.ts';
import * as todayRepo from './today.repository.ts';
import { liveSpanOf, type RecentActive, recentActiveOf, withToday } from './today.ts';
import type { HealthDailyRow } from './network-health.table.ts';
import { addDays, dayOf } from './rollup.service.ts';
import { workOutWarnings } from './warnings.ts';

/**
 * The members drifting away listed with the dashboard; the rest come page by page. A busy network
 * has hundreds, and listing a hundred made the answer three times as long (the staff read it on a
 * phone, and each dashboard request wrote it).
 */
const DRIFTING_FIRST = 20;
const UPCOMING_EVENTS_MAX = 5;

/** Monday of the week of a day (UTC). */
export const mondayOf = (day: string) => addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));

/** The span asked for, whole weeks from a Monday up to `to` (today unless given). */
function spanOf(query: HealthQuery, today: string): { from: string; to: string } {
  const to = query.to && query.to < today ? query.to : today;
  // A start after the end, or too far back, is brought within bounds rather than refused.
  let from = mondayOf(query.from ?? addDays(mondayOf(to), -7 * (HEALTH_DEFAULT_WEEKS - 1)));
  if (from > to) from = mondayOf(to);
  if (addDays(from, HEALTH_MAX_DAYS) < to) from = mondayOf(addDays(to, -HEALTH_MAX_DAYS + 7));
  return { from, to };
}

/** How many spans of daily rows a server process keeps (a network's dashboard asks for one or two). */
const DAILY_CACHED_MAX = 500;
type DailyPart = {
  generation: number;
  rows: HealthDailyRow[];
  rolledAt: string | null;
  /** Members active on one of the 30 days up to `to` (rolled-up days only), with the last such day. */
  recent: RecentActive;
  /**
   * The first members drifting away as of the newest roll-up (their last active days change only
   * with it), one more than listed to know whether more follow, beside the count the roll-up keeps:
   * reading them sorted took more than any other read.
   */
  drifting: Awaited<ReturnType<typeof repo.listLastActiveBetween>>;
};
const dailyCaches = new WeakMap<AppContext, Map<string, DailyPart>>();
/** Reads under way: requests that miss together wait for one read instead of each doing it. */
const dailyReads = new WeakMap<AppContext, Map<string, Promise<DailyPart>>>();

/**
 * The daily rows of a network within [from, to] and when the newest roll-up ran. Only the roll-up
 * writes them, and every roll-up moves the generation on: a server process keeps what it read while
 * the generation stands (the dashboards of the busiest networks are read far more often than the
 * hourly roll-up runs) and reads them again once it has moved.
 */
async function dailyPartOf(
  ctx: AppContext,
  networkId: string,
  from: string,
  to: string,
  generation: number,
): Promise<DailyPart> {
  let cache = dailyCaches.get(ctx);
  let reads = dailyReads.get(ctx);
  if (!cache || !reads) {
    cache = new Map();
    reads = new Map();
    dailyCaches.set(ctx, cache);
    dailyReads.set(ctx, reads);
  }
  const key = `${networkId}|${from}|${to}`;
  const hit = cache.get(key);
  if (hit && hit.generation === generation) return hit;
  const readKey = `${key}|${generation}`;
  const pending = reads.get(readKey);
  if (pending) return pending;
  const db = ctx.database.db;
  const kept = cache;
  const read = Promise.all([
    repo.listDaily(db, [networkId], from, to),
    repo.lastRolledAt(db),
    todayRepo.listRecentlyActive(
      db,
      networkId,
      Array.from({ length: 30 }, (_, i) => addDays(to, -29 + i)),
    ),
    repo.listLastActiveBetween(
      db,
      networkId,
      addDays(to, -(DRIFT_SILENT_DAYS + DRIFT_WINDOW_DAYS)),
      addDays(to, -DRIFT_SILENT_DAYS),
      DRIFTING_FIRST + 1,
    ),
  ])
    .then(([rows, rolledAt, recent, drifting]) => {
      const part = { generation, rows, rolledAt, recent: recentActiveOf(recent, to), drifting };
      kept.delete(key);
      kept.set(key, part);
      // The oldest entry goes first (a Map keeps the order of insertion).
      if (kept.size > DAILY_CACHED_MAX) kept.delete(kept.keys().next().value as string);
      return part;
    })
    .finally(() => reads.delete(readKey));
  reads.set(readKey, read);
  return read;
}

/** The figures of right now and the warnings of one network (shared by both dashboards). */
async function assess(
  ctx: AppContext,
  network: Pick<NetworkRow, 'id' | 'slug'>,
  now: number,
  spanFrom?: string,
) {
  const db = ctx.database.db;
  const today = dayOf(now);
  const { settings, generation } = await repo.findSettingsAndGeneration(db, network.id);
  // Active members (7 days) at the end of each of the last weeks, oldest first.
  const anchors = Array.from({ length: settings.fallingWeeks + 1 }, (_, i) =>
    addDays(today, -7 * (settings.fallingWeeks - i)),
  );
  // One read of the daily rows serves the warnings, the figures of now and the weekly series.
  const first = anchors[0] ?? today;
  const from = spanFrom && spanFrom < first ? spanFrom : first;
  // Counts over every member come from the latest roll-up (at most an hour old); the rest is read
  // live from a few indexed rows of this network, today's figures only from where today's roll-up
  // stopped counting.
  const daily = await dailyPartOf(ctx, network.id, from, today, generation);
  const span = liveSpanOf(daily.rows.at(-1), today, now);
  const [live, metaMentors, goals, deputyNamed, activeSince, counted] = await Promise.all([
    repo.liveFigures(db, {
      networkId: network.id,
      unansweredBefore: isoNow(now - settings.unansweredHours * HOUR),
      eventSince: isoNow(now - settings.eventGapWeeks * 7 * DAY),
      now: isoNow(now),
      since: span.since,
      until: span.until,
    }),
    repo.listMetaMentors(db, network.id),
    repo.listGoals(db, network.id),
    hasDeputy(ctx, network.id),
    todayRepo.listActiveSince(db, network.id, span),
    todayRepo.countSince(db, network.id, span),
  ]);
  const latest = daily.rows.at(-1) ?? (await repo.latestDaily(db, network.id, today));
  const rows = withToday(daily.rows, latest, network.id, span.rolled, daily.recent, {
    ...live.today,
    ...counted,
    activeSince,
  });
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const active7At = (day: string) => byDay.get(day)?.active7 ?? 0;
  const { unanswered, pairs, hadRecentEvent } = live;
  const members = latest?.members ?? 0;
  const accepted = latest ? Math.min(latest.accepted, members) : null;
  const presentedGoals = goals.map((g) => presentGoal(g, today));
  const warnings = workOutWarnings({
    slug: network.slug,
    today,
    settings,
    weeklyActive: anchors.map(active7At),
    unanswered,
    hadRecentEvent,
    metaMentors,
    deputyNamed,
    members,
    accepted,
    goals: presentedGoals.map((g) => ({ title: g.title, dueOn: g.dueOn, reached: g.reached })),
  });
  const current = {
    members,
    metaMentors: metaMentors.length,
    unansweredOverThreshold: unanswered,
    agreementPercent: accepted === null || members === 0 ? 100 : Math.round((100 * accepted) / members),
    buddiesPaired: pairs,
    drifting: latest?.drifting ?? 0,
  };
  return {
    settings,
    current,
    warnings,
    goals: presentedGoals,
    rows,
    rolledAt: daily.rolledAt,
    drifting: daily.drifting,
    driftingTo: today,
  };
}

/**
 * A network's health as the caller may see it: the public part (goals, upcoming events) for
 * everyone inside, the figures, weekly series, warnings and drifting members for its staff.
 */
export async function getNetworkHealth(
  ctx: AppContext,
  access: NetworkAccess,
  query: HealthQuery,
  now = Date.now(),
): Promise<NetworkHealth> {
  const db = ctx.database.db;
  const network = access.network;
  const today = dayOf(now);
  const { from, to } = spanOf(query, today);
  const full = mayInNetwork(access, 'health.manage');
  const upcomingEvents = await repo.listUpcomingEvents(db, network.id, isoNow(now), UPCOMING_EVENTS_MAX);
  if (!full) {
    const goals = await repo.listGoals(db, network.id);
    return {
      full,
      from,
      to,
      rolledAt: null,
      goals: goals.map((g) => stripGoal(presentGoal(g, today))),
      upcomingEvents,
      current: null,
      weeks: [],
      warnings: [],
      drifting: [],
      driftingNextCursor: null,
      settings: null,
    };
  }
  const assessed = await assess(ctx, network, now, from);
  return {
    full,
    from,
    to,
    rolledAt: assessed.rolledAt,
    goals: assessed.goals.map(stripGoal),
    upcomingEvents,
    current: assessed.current,
    weeks: presentWeeks(assessed.rows, from, to),
    warnings: assessed.warnings,
    ...driftingPage(assessed.drifting, DRIFTING_FIRST, assessed.driftingTo),
    settings: assessed.settings,
  };
}

type DriftingRow = DailyPart['drifting'][number];

/** The members of a page and the cursor to the next (the window's end day travels with it). */
function driftingPage(rows: DriftingRow[], limit: number, to: string) {
  const { page, nextCursor } = paginate(rows, limit, (r) => [to, r.lastActiveOn, r.id]);
  return { drifting: page, driftingNextCursor: nextCursor };
}

/**
 * The members drifting away after the dashboard's first ones, page by page: active in the 60 days
 * before the last 30 up to the day the dashboard was read for, silent since (most recently active
 * first). Without a cursor, the first page as of today.
 */
export async function listDrifting(
  ctx: AppContext,
  network: Pick<NetworkRow, 'id'>,
  query: { cursor?: string | undefined; limit: number },
  now = Date.now(),
): Promise<DriftingPage> {
  const cursor = decodeCursor(query.cursor, 3);
  const [to, day, id] = cursor ? cursor.map(String) : [dayOf(now)];
  // A forged day would make no date at all (a cursor is opaque, not trusted).
  if (to === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(to) || Number.isNaN(Date.parse(to))) {
    throw invalidCursor();
  }
  const rows = await repo.listLastActiveBetween(
    ctx.database.db,
    network.id,
    addDays(to, -(DRIFT_SILENT_DAYS + DRIFT_WINDOW_DAYS)),
    addDays(to, -DRIFT_SILENT_DAYS),
    query.limit + 1,
    day !== undefined && id !== undefined ? { day, id } : undefined,
  );
  const page = driftingPage(rows, query.limit, to);
  return { members: page.drifting, nextCursor: page.driftingNextCursor };
}

function stripGoal<T extends { reached: boolean }>(goal: T): Omit<T, 'reached'> {
  const { reached: _, ...rest } = goal;
  return rest;
}

/** An organisation's networks side by side: the figures and warnings of each now. */
export async function getOrganisationHealth(
  ctx: AppContext,
  organisation: OrganisationRow,
  now = Date.now(),
): Promise<OrganisationHealth> {
  const networks = await repo.listOrganisationNetworks(ctx.database.db, organisation.id);
  const today = dayOf(now);
  const result: OrganisationHealth['networks'] = [];
  for (const network of networks) {
    const assessed = await assess(ctx, network, now);
    // The rows read for the warnings reach back at least two weeks.
    const at = (day: string) => assessed.rows.find((r) => r.day === day);
    result.push({
      slug: network.slug,
      name: network.name,
      current: assessed.current,
      active7: at(today)?.active7 ?? 0,
      active30: at(today)?.active30 ?? 0,
      active7Before: at(addDays(today, -7))?.active7 ?? 0,
      warnings: assessed.warnings,
    });
  }
  return { networks: result };
}

/** A network's early-warning thresholds. */
export async function getHealthSettings(ctx: AppContext, network: NetworkRow): Promise<HealthSettings> {
  return repo.findSettings(ctx.database.db, network.id);
}

/** Changes the thresholds given; audited. */
export async function setHealthSettings(
  ctx: AppContext,
  access: NetworkAccess,
  body: HealthSettingsBody,
): Promise<HealthSettings> {
  await repo.updateSettings(ctx.database.db, access.network.id, body);
  await recordAudit(ctx, {
    networkId: access.network.id,
    actorId: access.user?.id ?? null,
    action: 'health.settings_changed',
    details: { ...body },
  });
  return repo.findSettings(ctx.database.db, access.network.id);
}

export type { HealthWeek };
