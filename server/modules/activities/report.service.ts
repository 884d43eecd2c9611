import { ACTIVITY_KINDS, SUPPRESSION_THRESHOLD } from '../../../common/activities.ts';
import type { ImpactReport, ImpactReportQuery } from '../../../common/contracts/reports.ts';
import { EXPERTISE_AREAS, type ExpertiseArea } from '../../../common/expertise.ts';
import type { Locale } from '../../../common/locales.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { isoNow } from '../../lib/time.ts';
import { PdfUnavailableError, renderPdf } from '../../platform/pdf/index.ts';
import type { NetworkRow } from '../networks/index.ts';
import type { OrganisationRow } from '../organisations/index.ts';
import { impactReportHtml } from './report.pdf.ts';
import * as repo from './report.repository.ts';
import { type ActivityGroupFacts, countCell, emptyFacts, groupCells, totalCells } from './suppression.ts';

/** The period of a report: as asked, else the twelve months up to today. */
export function periodOf(query: Pick<ImpactReportQuery, 'from' | 'to'>, now = new Date()): repo.Period {
  const to = query.to ?? now.toISOString().slice(0, 10);
  if (query.from) return { from: query.from, to };
  const from = new Date(`${to}T00:00:00.000Z`);
  from.setUTCFullYear(from.getUTCFullYear() - 1);
  from.setUTCDate(from.getUTCDate() + 1);
  return { from: from.toISOString().slice(0, 10), to };
}

/** Every month of the period, YYYY-MM. */
function monthsOf(period: repo.Period): string[] {
  const months: string[] = [];
  let [year, month] = period.from.slice(0, 7).split('-').map(Number) as [number, number];
  const last = period.to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) break;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

function add(facts: ActivityGroupFacts, row: repo.ActivityFactRow): void {
  facts.activities += 1;
  facts.minutes += row.durationMinutes;
  facts.mentors.add(row.userId);
  // A code is the mentor's own: the same code of two mentors is two mentees.
  facts.mentees.add(`${row.userId}\u0000${row.menteeCode}`);
}

interface Scope {
  kind: 'network' | 'organisation';
  name: string;
  organisation: string;
  networks: { id: string; name: string }[];
}

async function buildReport(ctx: AppContext, scope: Scope, query: ImpactReportQuery): Promise<ImpactReport> {
  const db = ctx.database.db;
  const period = periodOf(query);
  const ids = scope.networks.map((n) => n.id);
  // An organisation without networks reports nothing (and `in ()` is no valid SQL).
  const none = ids.length === 0;
  const [facts, resolved, events, trained, goals] = await Promise.all([
    none ? [] : repo.listActivityFacts(db, ids, period),
    none ? 0 : repo.countResolvedHelpRequests(db, ids, period),
    none ? { held: 0, attendances: 0, attendees: 0 } : repo.countEvents(db, ids, period),
    none ? 0 : repo.countGraduates(db, ids, period),
    none ? [] : repo.listGoalFacts(db, ids, period),
  ]);

  const months = monthsOf(period);
  const total = emptyFacts();
  const byMonth = new Map(months.map((m) => [m, emptyFacts()]));
  const byKind = new Map(ACTIVITY_KINDS.map((k) => [k, emptyFacts()]));
  const byTopic = new Map(EXPERTISE_AREAS.map((a) => [a, emptyFacts()]));
  for (const row of facts) {
    add(total, row);
    const month = byMonth.get(row.occurredOn.slice(0, 7));
    if (month) add(month, row);
    const kind = byKind.get(row.kind);
    if (kind) add(kind, row);
    for (const topic of JSON.parse(row.topics) as ExpertiseArea[]) {
      const facts = byTopic.get(topic);
      if (facts) add(facts, row);
    }
  }
  // groupCells answers one cell set per row, in order.
  const monthCells = groupCells([...byMonth.values()]);
  const kindCells = groupCells([...byKind.values()]);
  const topicCells = groupCells([...byTopic.values()]);
  const at = <T>(cells: T[], i: number): T => cells[i] as T;

  return {
    scope: {
      kind: scope.kind,
      name: scope.name,
      organisation: scope.organisation,
      networks: scope.networks.map((n) => n.name),
    },
    period,
    generatedAt: isoNow(),
    threshold: SUPPRESSION_THRESHOLD,
    totals: totalCells(total),
    byMonth: months.map((month, i) => ({ month, ...at(monthCells, i) })),
    byKind: ACTIVITY_KINDS.map((kind, i) => ({ kind, ...at(kindCells, i) })),
    byTopic: EXPERTISE_AREAS.map((topic, i) => ({ topic, ...at(topicCells, i) })),
    helpRequestsResolved: countCell(resolved),
    events: {
      held: countCell(events.held),
      attendances: countCell(events.attendances),
      attendees: countCell(events.attendees),
    },
    mentorsTrained: countCell(trained),
    goals: goals.map((g) => ({
      network: g.networkName,
      title: g.title,
      unit: g.unit,
      startValue: g.startValue,
      targetValue: g.targetValue,
      currentValue: g.currentValue,
      progressPercent: progressOf(g),
      dueOn: g.dueOn,
    })),
  };
}

function progressOf(goal: repo.GoalFactRow): number | null {
  const start = goal.startValue ?? 0;
  if (goal.targetValue === null || goal.currentValue === null || goal.targetValue === start) return null;
  return Math.round(((goal.currentValue - start) / (goal.targetValue - start)) * 100);
}

/** The impact report of one network. */
export async function networkImpactReport(
  ctx: AppContext,
  network: NetworkRow,
  query: ImpactReportQuery,
): Promise<ImpactReport> {
  return buildReport(
    ctx,
    {
      kind: 'network',
      name: network.name,
      organisation: await repo.organisationName(ctx.database.db, network.organisationId),
      networks: [{ id: network.id, name: network.name }],
    },
    query,
  );
}

/** The impact report across every network an organisation founded. */
export async function organisationImpactReport(
  ctx: AppContext,
  organisation: OrganisationRow,
  query: ImpactReportQuery,
): Promise<ImpactReport> {
  return buildReport(
    ctx,
    {
      kind: 'organisation',
      name: organisation.name,
      organisation: organisation.name,
      networks: await repo.listFoundedNetworks(ctx.database.db, organisation.id),
    },
    query,
  );
}

/** A report printed to PDF in a language; 503 PDF_UNAVAILABLE when Chromium cannot be started. */
export async function impactReportPdf(
  ctx: AppContext,
  report: ImpactReport,
  locale: Locale,
): Promise<Buffer> {
  try {
    return await renderPdf(impactReportHtml(report, locale), { chromiumPath: ctx.config.chromiumPath });
  } catch (err) {
    if (err instanceof PdfUnavailableError) {
      ctx.log.error({ err }, 'PDF report: Chromium could not be started');
      throw new AppError('PDF_UNAVAILABLE', 503);
    }
    throw err;
  }
}
