import type { ImpactReport, ReportCell } from '../../../common/contracts/reports.ts';
import type { Locale } from '../../../common/locales.ts';
import { toCsv } from '../../lib/csv-write.ts';
import { translate } from '../../lib/i18n.ts';
import { WITHHELD } from './suppression.ts';

/** Catalogue keys of the kinds (written out, so the catalogue check sees them used). */
export const KIND_LABEL_KEYS = {
  meeting: 'activities.kind.meeting',
  accompaniment: 'activities.kind.accompaniment',
  phone_online: 'activities.kind.phone_online',
  other: 'activities.kind.other',
} as const;

/**
 * The impact report as one CSV a spreadsheet opens (UTF-8 with BOM): the report's name, period and
 * a note on suppression, then one table after another, every label in the chosen language.
 */
export function impactReportCsv(report: ImpactReport, locale: Locale): string {
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
  const cell = (value: ReportCell): string | number => (value === WITHHELD ? t('reports.withheld') : value);
  const activityHeader = [
    t('reports.csv.activities'),
    t('reports.csv.hours'),
    t('reports.csv.mentees'),
    t('reports.csv.mentors'),
  ];
  const activityCells = (row: ImpactReport['totals']) => [
    cell(row.activities),
    cell(row.hours),
    cell(row.mentees),
    cell(row.mentors),
  ];
  const rows: (string | number)[][] = [
    [t('reports.title'), report.scope.name],
    [t('reports.csv.organisation'), report.scope.organisation],
    [t('reports.csv.networks'), report.scope.networks.join('; ')],
    [t('reports.csv.period'), report.period.from, report.period.to],
    [t('reports.suppression_note', { threshold: report.threshold })],
    [],
    [t('reports.csv.totals'), ...activityHeader],
    ['', ...activityCells(report.totals)],
    [],
    [t('reports.csv.month'), ...activityHeader],
    ...report.byMonth.map((row) => [row.month, ...activityCells(row)]),
    [],
    [t('reports.csv.kind'), ...activityHeader],
    ...report.byKind.map((row) => [t(KIND_LABEL_KEYS[row.kind]), ...activityCells(row)]),
    [],
    [t('reports.csv.topic'), ...activityHeader],
    ...report.byTopic.map((row) => [t(`expertise.${row.topic}`), ...activityCells(row)]),
    [],
    [t('reports.csv.help_requests_resolved'), cell(report.helpRequestsResolved)],
    [t('reports.csv.events_held'), cell(report.events.held)],
    [t('reports.csv.attendances'), cell(report.events.attendances)],
    [t('reports.csv.attendees'), cell(report.events.attendees)],
    [t('reports.csv.mentors_trained'), cell(report.mentorsTrained)],
    [],
    [
      t('reports.csv.goal'),
      t('reports.csv.network'),
      t('reports.csv.start_value'),
      t('reports.csv.target_value'),
      t('reports.csv.current_value'),
      t('reports.csv.progress_percent'),
      t('reports.csv.due_on'),
    ],
    ...report.goals.map((g) => [
      g.title,
      g.network,
      g.startValue ?? '',
      g.targetValue ?? '',
      g.currentValue ?? '',
      g.progressPercent ?? '',
      g.dueOn ?? '',
    ]),
  ];
  return toCsv(rows);
}
