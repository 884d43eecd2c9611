import type {
  CreateHelpRequestBody,
  CreateHelpResponseBody,
  HelpRequestListQuery,
  HelpRequestStatusBody,
  PrivacyFindingsDetails,
  UpdateHelpRequestBody,
} from '../../../common/contracts/help-requests.ts';
import {
  HELP_ESCALATION_HOURS_MIN,
  HELPER_SUGGESTIONS_MAX,
  HELPERS_NOTIFIED_MAX,
  type HelpRequestKind,
  type HelpRequestStatus,
} from '../../../common/help-requests.ts';
import type { NotificationKindCode } from '../../../common/notifications.ts';
import { NETWORK_ROLES } from '../../../common/permissions.ts';
import {
  answersRequest,
  canEditHelpRequest,
  canOfferHelp,
  canRemoveHelpRequest,
  canReopenHelpRequest,
  canResolveHelpRequest,
  canRespondToHelpRequest,
  type HelpViewer,
  helpViewerOf,
  statusWithoutResolution,
} from '../../../common/policies/help-requests.ts';
import { takesPart } from '../../../common/policies/standing.ts';
import type { AppContext } from '../../context.ts';
import { withTransaction } from '../../db/transaction.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { decodeCursor, paginate } from '../../lib/cursor.ts';
import { newId } from '../../lib/ids.ts';
import { HOUR, isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { linkUploads, listLinkedAttachments, prepareBody } from '../discussions/index.ts';
import { getStandings, type NetworkAccess, type NetworkRow, requireUser } from '../networks/index.ts';
import { notify } from '../notifications/index.ts';
import { checkCaseText, presentPrivacyCheck } from '../privacy/index.ts';
import { getMatchFacts, type MatchFacts } from '../profiles/index.ts';
import type { UserRow } from '../users/index.ts';
import { publishHelpActivity, publishHelpChanged } from './help-requests.events.ts';
import { presentRequest } from './help-requests.presenter.ts';
import * as repo from './help-requests.repository.ts';
import type { HelpRequestListRow } from './help-requests.table.ts';
import { type HelperCandidate, type RankedHelper, rankHelpers } from './ranking.ts';

/** Who acts on help requests, in which network. */
export interface HelpActor {
  network: NetworkRow;
  user: UserRow;
  viewer: HelpViewer;
}

export function helpActorOf(access: NetworkAccess): HelpActor {
  const user = requireUser(access);
  return {
    network: access.network,
    user,
    viewer: helpViewerOf(access.actor, access.network.visibility, user.id),
  };
}

const changed = () => new AppError('HELP_REQUEST_CHANGED', 409);
const OPEN_STATES: HelpRequestStatus[] = ['open', 'answered'];

/** A request of the actor's network; 404 otherwise. */
export async function loadRequest(
  ctx: AppContext,
  actor: HelpActor,
  id: string,
): Promise<HelpRequestListRow> {
  const row = await repo.findRequest(ctx.database.db, actor.network.id, id, actor.user.id);
  if (!row) throw notFound();
  return row;
}

/** A request with its responses, offers and attachments, as the caller sees it. */
export async function getHelpRequest(ctx: AppContext, actor: HelpActor, id: string) {
  const db = ctx.database.db;
  const row = await loadRequest(ctx, actor, id);
  const [responses, offers, thanked] = await Promise.all([
    repo.listResponses(db, id),
    repo.listOffers(db, id),
    repo.listThanked(db, id),
  ]);
  const attachments = await listLinkedAttachments(ctx, actor.network.slug, {
    helpRequestIds: [id],
    helpResponseIds: responses.map((r) => r.id),
  });
  return presentRequest(row, actor.viewer, { responses, offers, thanked, attachments });
}

/**
 * The privacy rule of case consultations: findings left in title or body (or a response) without
 * the mentor's confirmation are a 422 PRIVACY_FINDINGS with the findings; returns whether there
 * were findings (the confirmation is then stored).
 */
export function checkCasePrivacy(
  kind: HelpRequestKind,
  texts: { title?: string; body?: string },
  confirmed: boolean,
): boolean {
  if (kind !== 'case') return false;
  const details: PrivacyFindingsDetails = {
    title: texts.title ? presentPrivacyCheck(checkCaseText(texts.title)).findings : [],
    body: texts.body ? presentPrivacyCheck(checkCaseText(texts.body)).findings : [],
  };
  const found = details.title.length + details.body.length > 0;
  if (found && !confirmed) throw new AppError('PRIVACY_FINDINGS', 422, details);
  return found;
}

/**
 * Tells a person about a request. The first notification about a request may be e-mailed (as
 * their settings say); every later one about the same request stays in the app: never more than
 * one mail per person and request.
 */
export async function tellAboutRequest(
  ctx: AppContext,
  request: { id: string; networkId: string },
  userId: string,
  kind: NotificationKindCode,
  actorId: string | null,
): Promise<void> {
  if (actorId === userId) return;
  const first = await repo.claimMail(ctx.database.db, request.id, userId, kind, isoNow());
  await notify(ctx, {
    userId,
    kind,
    networkId: request.networkId,
    actorId,
    helpRequestId: request.id,
    noEmail: !first,
  });
}

/** Asks for help; the best suggested helpers are told. Returns the request's id. */
export async function createHelpRequest(ctx: AppContext, actor: HelpActor, body: CreateHelpRequestBody) {
  const { network, user } = actor;
  const confirmedFindings = checkCasePrivacy(body.kind, body, body.privacyConfirmed);
  const prepared = await prepareBody(ctx, network.id, body.body);
  const now = isoNow();
  const id = newId();
  await withTransaction(ctx, async (tx) => {
    await repo.insertRequest(tx.database.db, {
      id,
      networkId: network.id,
      requesterId: user.id,
      kind: body.kind,
      status: 'open',
      title: body.title,
      bodySource: prepared.source,
      bodyHtml: prepared.html,
      expertise: JSON.stringify(body.expertise),
      languages: JSON.stringify(body.languages),
      urgency: body.urgency,
      deadline: body.deadline,
      privacyConfirmedAt: confirmedFindings ? now : null,
      responseCount: 0,
      offerCount: 0,
      createdAt: now,
      updatedAt: now,
      lastActivityAt: now,
      firstResponseAt: null,
      resolvedAt: null,
      resolvedBy: null,
      thanksNote: '',
      escalatedAt: null,
    });
    await linkUploads(
      tx,
      { networkId: network.id, uploaderId: user.id, helpRequestId: id },
      body.attachmentIds,
    );
    await recordAudit(tx, {
      networkId: network.id,
      actorId: user.id,
      action: 'help.created',
      details: { requestId: id, kind: body.kind, privacyConfirmed: confirmedFindings },
    });
  });
  await publishHelpChanged(ctx, network, { id, status: 'open' });
  const row = await loadRequest(ctx, actor, id);
  const best = (await suggestHelpersFor(ctx, network, row)).slice(0, HELPERS_NOTIFIED_MAX);
  const kind = body.kind === 'case' ? 'help_case' : 'help_suggested';
  for (const helper of best) await tellAboutRequest(ctx, row, helper.candidate.userId, kind, user.id);
  return id;
}

/** A page of the network's requests, latest activity first, filtered as the query says. */
export async function listHelpRequests(ctx: AppContext, actor: HelpActor, query: HelpRequestListQuery) {
  const before = decodeCursor(query.cursor, 2) as [string, string] | undefined;
  let unansweredBefore: string | undefined;
  if (query.unanswered === 'true') {
    const hours = await repo.networkEscalationHours(ctx.database.db, actor.network.id);
    unansweredBefore = isoNow(Date.now() - Math.max(hours, HELP_ESCALATION_HOURS_MIN) * HOUR);
  }
  const rows = await repo.listRequests(ctx.database.db, actor.network.id, actor.user.id, {
    status: query.status,
    kind: query.kind,
    expertise: query.expertise,
    language: query.language,
    requesterId: query.mine === 'true' ? actor.user.id : undefined,
    offeredBy: query.offered === 'true' ? actor.user.id : undefined,
    unansweredBefore,
    before,
    limit: query.limit + 1,
  });
  return paginate(rows, query.limit, (r) => [r.lastActivityAt, r.id]);
}

/** The requester edits their request (case consultations are checked again). */
export async function updateHelpRequest(
  ctx: AppContext,
  actor: HelpActor,
  id: string,
  body: UpdateHelpRequestBody,
): Promise<void> {
  const row = await loadRequest(ctx, actor, id);
  if (!canEditHelpRequest(actor.viewer, row)) throw row.status === 'resolved' ? changed() : forbidden();
  const title = body.title ?? row.title;
  const source = body.body ?? row.bodySource;
  const confirmedFindings = checkCasePrivacy(row.kind, { title, body: source }, body.privacyConfirmed);
  const prepared = body.body !== undefined ? await prepareBody(ctx, actor.network.id, body.body) : null;
  const now = isoNow();
  const ok = await repo.updateRequestIf(ctx.database.db, id, OPEN_STATES, {
    title,
    ...(prepared && { bodySource: prepared.source, bodyHtml: prepared.html }),
    ...(body.expertise && { expertise: JSON.stringify(body.expertise) }),
    ...(body.languages && { languages: JSON.stringify(body.languages) }),
    ...(body.urgency && { urgency: body.urgency }),
    ...(body.deadline !== undefined && { deadline: body.deadline }),
    // What the request asks for may have changed: its pool of helpers is worked out again.
    ...((body.expertise || body.languages) && { helperPool: null, helperPoolAt: null }),
    privacyConfirmedAt: confirmedFindings ? now : null,
    updatedAt: now,
    lastActivityAt: now,
  });
  if (!ok) throw changed();
  await publishHelpChanged(ctx, actor.network, { id, status: row.status });
}

/** A response; the first one of someone other than the requester answers the request. */
export async function respondToHelpRequest(
  ctx: AppContext,
  actor: HelpActor,
  id: string,
  body: CreateHelpResponseBody,
): Promise<string> {
  const { network, user } = actor;
  const row = await loadRequest(ctx, actor, id);
  if (!canRespondToHelpRequest(actor.viewer, row)) throw row.status === 'resolved' ? changed() : forbidden();
  checkCasePrivacy(row.kind, { body: body.body }, body.privacyConfirmed);
  const prepared = await prepareBody(ctx, network.id, body.body);
  const responseId = newId();
  const answers = answersRequest(user.id, row);
  await withTransaction(ctx, async (tx) => {
    await repo.insertResponse(
      tx.database.db,
      {
        id: responseId,
        requestId: id,
        networkId: network.id,
        authorId: user.id,
        bodySource: prepared.source,
        bodyHtml: prepared.html,
        createdAt: isoNow(),
      },
      answers,
    );
    await linkUploads(
      tx,
      { networkId: network.id, uploaderId: user.id, helpResponseId: responseId },
      body.attachmentIds,
    );
  });
  const after = await loadRequest(ctx, actor, id);
  await publishHelpActivity(ctx, network, { requestId: id, kind: 'response' });
  if (after.status !== row.status) await publishHelpChanged(ctx, network, { id, status: after.status });
  if (row.requesterId) await tellAboutRequest(ctx, row, row.requesterId, 'help_response', user.id);
  return responseId;
}

/** "I can help", or taking the offer back. */
export async function offerHelp(ctx: AppContext, actor: HelpActor, id: string, withdraw: boolean) {
  const { network, user } = actor;
  const row = await loadRequest(ctx, actor, id);
  if (!canOfferHelp(actor.viewer, row)) throw row.status === 'resolved' ? changed() : forbidden();
  const db = ctx.database.db;
  const now = isoNow();
  const done = withdraw
    ? await repo.deleteOffer(db, id, user.id, now)
    : await repo.insertOffer(db, { requestId: id, helperId: user.id, networkId: network.id, createdAt: now });
  if (!done) return;
  await publishHelpActivity(ctx, network, { requestId: id, kind: 'offer' });
  if (!withdraw && row.requesterId) await tellAboutRequest(ctx, row, row.requesterId, 'help_offer', user.id);
}

/** Resolves (thanking helpers, who are told) or reopens. */
export async function setHelpRequestStatus(
  ctx: AppContext,
  actor: HelpActor,
  id: string,
  body: HelpRequestStatusBody,
): Promise<void> {
  const { network, user, viewer } = actor;
  const row = await loadRequest(ctx, actor, id);
  const now = isoNow();
  const db = ctx.database.db;
  if (body.status === 'resolved') {
    if (!canResolveHelpRequest(viewer, row)) throw row.status === 'resolved' ? changed() : forbidden();
    const helpers = new Set(await repo.listHelperIds(db, id));
    const strangers = body.thank.filter((t) => !helpers.has(t));
    if (strangers.length > 0)
      throw new AppError('VALIDATION_FAILED', 400, [
        { path: ['thank'], code: 'invalid', message: 'only those who responded or offered can be thanked' },
      ]);
    const thanked = [...new Set(body.thank)].filter((t) => t !== row.requesterId);
    await withTransaction(ctx, async (tx) => {
      const ok = await repo.updateRequestIf(tx.database.db, id, OPEN_STATES, {
        status: 'resolved',
        resolvedAt: now,
        resolvedBy: user.id,
        thanksNote: body.thanksNote,
        lastActivityAt: now,
        updatedAt: now,
      });
      if (!ok) throw changed();
      await repo.insertThanks(tx.database.db, id, thanked, now);
      await recordAudit(tx, {
        networkId: network.id,
        actorId: user.id,
        subjectUserId: row.requesterId,
        action: 'help.resolved',
        details: { requestId: id, thanked: thanked.length },
      });
    });
    await publishHelpChanged(ctx, network, { id, status: 'resolved' });
    for (const helper of thanked) await tellAboutRequest(ctx, row, helper, 'help_thanks', user.id);
    return;
  }
  if (!canReopenHelpRequest(viewer, row)) throw row.status !== 'resolved' ? changed() : forbidden();
  const status = statusWithoutResolution(row.firstResponseAt);
  const ok = await repo.updateRequestIf(db, id, ['resolved'], {
    status,
    resolvedAt: null,
    resolvedBy: null,
    lastActivityAt: now,
    updatedAt: now,
  });
  if (!ok) throw changed();
  await recordAudit(ctx, {
    networkId: network.id,
    actorId: user.id,
    subjectUserId: row.requesterId,
    action: 'help.reopened',
    details: { requestId: id },
  });
  await publishHelpChanged(ctx, network, { id, status });
}

/** The meta-mentor removes a request (with its responses, offers and attachments). */
export async function removeHelpRequest(ctx: AppContext, actor: HelpActor, id: string): Promise<void> {
  const row = await loadRequest(ctx, actor, id);
  if (!canRemoveHelpRequest(actor.viewer)) throw forbidden();
  await withTransaction(ctx, async (tx) => {
    await repo.deleteRequest(tx.database.db, id);
    await recordAudit(tx, {
      networkId: actor.network.id,
      actorId: actor.user.id,
      subjectUserId: row.requesterId,
      action: 'help.removed',
      details: { requestId: id, kind: row.kind },
    });
  });
  await publishHelpChanged(ctx, actor.network, { id, status: row.status });
}

/** The roles whose members may be suggested as helpers. */
const HELPER_ROLES = [...NETWORK_ROLES];

/** Today's day (YYYY-MM-DD, UTC). */
export const todayOf = (now = Date.now()) => isoNow(now).slice(0, 10);

/** How many likely helpers a request's pool holds, and how long it is used before it is worked out again. */
export const HELPER_POOL_SIZE = 50;
export const HELPER_POOL_TTL = HOUR;

/**
 * The request's pool of likely helpers (see repo.listPoolCandidates): the stored one while it is
 * fresh, otherwise worked out again (one statement over the network's members) and stored.
 */
async function helperPoolOf(
  ctx: AppContext,
  network: NetworkRow,
  row: HelpRequestListRow,
  languagesOf: () => Promise<string[]>,
): Promise<string[]> {
  const fresh =
    row.helperPool && row.helperPoolAt && Date.parse(row.helperPoolAt) > Date.now() - HELPER_POOL_TTL;
  if (fresh) return JSON.parse(row.helperPool as string) as string[];
  const db = ctx.database.db;
  const languages = await languagesOf();
  const pool = await repo.listPoolCandidates(db, {
    networkId: network.id,
    roles: HELPER_ROLES,
    today: todayOf(),
    excludeId: row.requesterId,
    expertise: JSON.parse(row.expertise) as string[],
    languages,
    limit: HELPER_POOL_SIZE,
  });
  await repo.saveHelperPool(db, row.id, pool, isoNow());
  return pool;
}

/**
 * Members who could help with a request, best first (see ranking.ts): active members of the
 * network who accepted its agreement, not the requester, not on leave. Ranked within the request's
 * pool of likely helpers (up to HELPER_POOL_SIZE, from a pre-score in SQL): in a network of
 * thousands, reading suggestions costs a few queries over that pool, not a pass over every member.
 */
export async function suggestHelpersFor(
  ctx: AppContext,
  network: NetworkRow,
  row: HelpRequestListRow,
): Promise<RankedHelper[]> {
  return (await rankHelpersFor(ctx, network, row)).ranked;
}

async function rankHelpersFor(ctx: AppContext, network: NetworkRow, row: HelpRequestListRow) {
  const db = ctx.database.db;
  const requesterId = row.requesterId;
  // A request that names no language is asked in the requester's: helpers who share one match.
  const named = JSON.parse(row.languages) as string[];
  const languagesOf = async (requester: MatchFacts | undefined) =>
    named.length > 0 ? named : (requester?.languages ?? []);
  const pool = (
    await helperPoolOf(ctx, network, row, async () =>
      languagesOf(requesterId ? (await getMatchFacts(ctx, [requesterId])).get(requesterId) : undefined),
    )
  ).filter((id) => id !== requesterId);
  const [members, facts, standings] = await Promise.all([
    repo.listHelperCandidates(db, network.id, HELPER_ROLES, todayOf(), pool),
    getMatchFacts(ctx, requesterId ? [requesterId, ...pool] : pool),
    getStandings(ctx, pool),
  ]);
  const present = (id: string) =>
    standings.get(id)?.some((s) => s.networkId === network.id && takesPart(s)) ?? false;
  const candidates: HelperCandidate[] = members
    .filter((m) => present(m.userId))
    .map((m) => {
      const f = facts.get(m.userId);
      return {
        userId: m.userId,
        displayName: m.displayName,
        expertise: f?.expertise ?? [],
        languages: f?.languages ?? [],
        region: f?.region ?? '',
        availability: m.availability ?? '',
        experienced: m.level === 'experienced' || m.role !== 'mentor',
        helpedBefore: m.helpedBefore,
        openOffers: m.openOffers,
      };
    });
  const requester = requesterId ? facts.get(requesterId) : undefined;
  const ranked = rankHelpers(
    {
      expertise: JSON.parse(row.expertise),
      languages: await languagesOf(requester),
      region: requester?.region ?? '',
    },
    candidates,
  ).slice(0, HELPER_SUGGESTIONS_MAX);
  return { ranked, facts };
}

/**
 * How long a request's ranked helpers are reused by this server process. Ranking reads the pool's
 * candidates with their loads (one statement), facts and standings (about six statements);
 * suggestions are advice, so they may be this old as to other requests' offers. Any activity on the request itself (an edit, a response, an
 * offer, a change of status) moves its lastActivityAt and so ranks anew.
 */
export const HELPER_SUGGESTIONS_REUSE_MS = 30_000;
const HELPER_SUGGESTIONS_CACHED_MAX = 1_000;
type Ranking = Awaited<ReturnType<typeof rankHelpersFor>>;
const rankings = new WeakMap<AppContext, Map<string, { key: string; until: number; ranking: Ranking }>>();

async function cachedRanking(
  ctx: AppContext,
  network: NetworkRow,
  row: HelpRequestListRow,
): Promise<Ranking> {
  let cache = rankings.get(ctx);
  if (!cache) {
    cache = new Map();
    rankings.set(ctx, cache);
  }
  const key = `${row.lastActivityAt}|${row.updatedAt}|${row.status}`;
  const hit = cache.get(row.id);
  const now = Date.now();
  if (hit && hit.key === key && hit.until > now) return hit.ranking;
  const ranking = await rankHelpersFor(ctx, network, row);
  cache.delete(row.id);
  cache.set(row.id, { key, until: now + HELPER_SUGGESTIONS_REUSE_MS, ranking });
  // The oldest entry goes first (a Map keeps the order of insertion).
  if (cache.size > HELPER_SUGGESTIONS_CACHED_MAX) cache.delete(cache.keys().next().value as string);
  return ranking;
}

/**
 * Forgets the ranked helpers this process reuses: someone went on leave, came back or left, so the
 * next suggestions are ranked anew (a request's own activity does this for that request alone).
 */
export function forgetHelperRankings(ctx: AppContext): void {
  rankings.get(ctx)?.clear();
}

export async function suggestHelpers(ctx: AppContext, actor: HelpActor, id: string) {
  const row = await loadRequest(ctx, actor, id);
  const [{ ranked, facts }, notified] = await Promise.all([
    cachedRanking(ctx, actor.network, row),
    repo.listNotifiedIds(ctx.database.db, id),
  ]);
  return { ranked, notified, avatarOf: (uid: string) => facts.get(uid)?.avatarUrl ?? null };
}
