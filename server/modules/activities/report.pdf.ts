import type { ImpactReport, ReportCell } from '../../../common/contracts/reports.ts';
import { type Locale, RTL_LOCALES } from '../../../common/locales.ts';
import { translate } from '../../lib/i18n.ts';
import { embeddedFontCss, PDF_FONT_FAMILY } from '../../platform/pdf/index.ts';
import { KIND_LABEL_KEYS } from './report.csv.ts';
import { WITHHELD } from './suppression.ts';

/**
 * The impact report as a page for print: the network (or organisation), the period, a short
 * summary, two bar charts (hours by month, activities by kind) and the tables, in the chosen
 * language and direction. Charts are HTML bars, so that they mirror with the text in Arabic.
 */

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** User text (names, titles) isolated in its own direction. */
const user = (text: string) => `<bdi>${escapeHtml(text)}</bdi>`;

export function impactReportHtml(report: ImpactReport, locale: Locale): string {
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
  const numbers = new Intl.NumberFormat(`${locale}-u-ca-gregory-nu-latn`, { maximumFractionDigits: 1 });
  const day = (iso: string) =>
    new Intl.DateTimeFormat(`${locale}-u-ca-gregory-nu-latn`, { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${iso}T00:00:00Z`),
    );
  const month = (key: string) =>
    new Intl.DateTimeFormat(`${locale}-u-ca-gregory-nu-latn`, {
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${key}-01T00:00:00Z`));
  const cell = (value: ReportCell) =>
    typeof value === 'number' ? numbers.format(value) : value === WITHHELD ? t('reports.withheld') : value;
  const dir = RTL_LOCALES.includes(locale) ? 'rtl' : 'ltr';

  const activityHead = `<tr><th></th><th>${escapeHtml(t('reports.csv.activities'))}</th><th>${escapeHtml(t('reports.csv.hours'))}</th><th>${escapeHtml(t('reports.csv.mentees'))}</th><th>${escapeHtml(t('reports.csv.mentors'))}</th></tr>`;
  const activityRow = (label: string, row: ImpactReport['totals']) =>
    `<tr><th scope="row">${label}</th><td>${cell(row.activities)}</td><td>${cell(row.hours)}</td><td>${cell(row.mentees)}</td><td>${cell(row.mentors)}</td></tr>`;

  const bars = (items: { label: string; value: ReportCell }[]) => {
    const max = Math.max(1, ...items.map((i) => (typeof i.value === 'number' ? i.value : 0)));
    return items
      .map((i) => {
        const width = typeof i.value === 'number' ? Math.max(0.5, (i.value / max) * 100) : 0;
        return `<div class="bar-row"><span class="bar-label">${i.label}</span><span class="bar-track"><span class="bar${typeof i.value === 'number' ? '' : ' bar-hidden'}" style="width:${width}%"></span></span><span class="bar-value">${cell(i.value)}</span></div>`;
      })
      .join('');
  };

  const summary = t('reports.pdf.summary', {
    activities: cell(report.totals.activities),
    hours: cell(report.totals.hours),
    mentees: cell(report.totals.mentees),
    mentors: cell(report.totals.mentors),
  });
  const topics = report.byTopic.filter((r) => r.activities !== 0);
  const goals = report.goals
    .map(
      (g) =>
        `<tr><th scope="row">${user(g.title)}</th><td>${user(g.network)}</td><td>${g.startValue ?? ''}</td><td>${g.targetValue ?? ''}</td><td>${g.currentValue ?? ''}</td><td>${g.progressPercent ?? ''}</td></tr>`,
    )
    .join('');

  return `<!doctype html>
<html lang="${locale}" dir="${dir}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(t('reports.title'))} · ${escapeHtml(report.scope.name)}</title>
<style>
${embeddedFontCss()}
body { font-family: ${PDF_FONT_FAMILY}; font-size: 10.5pt; color: #1c2430; line-height: 1.45; }
h1 { font-size: 20pt; margin: 0 0 4pt; }
h2 { font-size: 13pt; margin: 16pt 0 6pt; color: #0b5d5a; break-after: avoid; }
.meta { color: #4a5563; margin: 0 0 2pt; }
.summary { background: #eef6f5; border-inline-start: 4pt solid #0b7a75; padding: 8pt 10pt; margin: 12pt 0; }
table { border-collapse: collapse; width: 100%; margin-bottom: 6pt; break-inside: avoid; }
th, td { border-bottom: 0.5pt solid #c8d0da; padding: 3pt 6pt; text-align: start; }
td { font-variant-numeric: tabular-nums; }
thead th, tr:first-child th { background: #f3f5f8; }
.chart { break-inside: avoid; margin: 4pt 0 8pt; }
.bar-row { display: flex; align-items: center; gap: 6pt; margin: 2pt 0; }
.bar-label { flex: 0 0 34%; }
.bar-track { flex: 1; height: 10pt; background: #f3f5f8; }
.bar { display: block; height: 100%; background: #0b7a75; }
.bar-hidden { width: 100% !important; background: repeating-linear-gradient(45deg, #f3f5f8 0 3pt, #c8d0da 3pt 4pt); }
.bar-value { flex: 0 0 16%; }
.note { color: #4a5563; font-size: 9pt; margin-top: 14pt; }
</style>
</head>
<body>
<h1>${escapeHtml(t('reports.title'))}: ${user(report.scope.name)}</h1>
<p class="meta">${escapeHtml(t('reports.csv.organisation'))}: ${user(report.scope.organisation)}</p>
${report.scope.kind === 'organisation' ? `<p class="meta">${escapeHtml(t('reports.csv.networks'))}: ${report.scope.networks.map(user).join(', ')}</p>` : ''}
<p class="meta">${escapeHtml(t('reports.pdf.period', { from: day(report.period.from), to: day(report.period.to) }))}</p>
<p class="summary">${escapeHtml(summary)}</p>

<h2>${escapeHtml(t('reports.pdf.hours_by_month'))}</h2>
<div class="chart">${bars(report.byMonth.map((r) => ({ label: escapeHtml(month(r.month)), value: r.hours })))}</div>
<h2>${escapeHtml(t('reports.pdf.activities_by_kind'))}</h2>
<div class="chart">${bars(report.byKind.map((r) => ({ label: escapeHtml(t(KIND_LABEL_KEYS[r.kind])), value: r.activities })))}</div>

<h2>${escapeHtml(t('reports.csv.month'))}</h2>
<table>${activityHead}${report.byMonth.map((r) => activityRow(escapeHtml(month(r.month)), r)).join('')}${activityRow(escapeHtml(t('reports.csv.totals')), report.totals)}</table>
<h2>${escapeHtml(t('reports.csv.kind'))}</h2>
<table>${activityHead}${report.byKind.map((r) => activityRow(escapeHtml(t(KIND_LABEL_KEYS[r.kind])), r)).join('')}</table>
${topics.length ? `<h2>${escapeHtml(t('reports.csv.topic'))}</h2><table>${activityHead}${topics.map((r) => activityRow(escapeHtml(t(`expertise.${r.topic}`)), r)).join('')}</table>` : ''}

<h2>${escapeHtml(t('reports.pdf.network_figures'))}</h2>
<table>
<tr><th scope="row">${escapeHtml(t('reports.csv.help_requests_resolved'))}</th><td>${cell(report.helpRequestsResolved)}</td></tr>
<tr><th scope="row">${escapeHtml(t('reports.csv.events_held'))}</th><td>${cell(report.events.held)}</td></tr>
<tr><th scope="row">${escapeHtml(t('reports.csv.attendances'))}</th><td>${cell(report.events.attendances)}</td></tr>
<tr><th scope="row">${escapeHtml(t('reports.csv.attendees'))}</th><td>${cell(report.events.attendees)}</td></tr>
<tr><th scope="row">${escapeHtml(t('reports.csv.mentors_trained'))}</th><td>${cell(report.mentorsTrained)}</td></tr>
</table>
${goals ? `<h2>${escapeHtml(t('reports.pdf.goals'))}</h2><table><tr><th>${escapeHtml(t('reports.csv.goal'))}</th><th>${escapeHtml(t('reports.csv.network'))}</th><th>${escapeHtml(t('reports.csv.start_value'))}</th><th>${escapeHtml(t('reports.csv.target_value'))}</th><th>${escapeHtml(t('reports.csv.current_value'))}</th><th>${escapeHtml(t('reports.csv.progress_percent'))}</th></tr>${goals}</table>` : ''}
<p class="note">${escapeHtml(t('reports.suppression_note', { threshold: report.threshold }))}</p>
</body>
</html>`;
}
