import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../../../common/locales.ts';
import { Alert } from '../../components/Alert.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { autonym, currentLocale } from '../../lib/i18n.ts';
import { useCurrentNetwork } from '../networks/NetworkLayout.tsx';
import { today } from './last-values.ts';
import { lastTwelveMonths, type ReportScope, reportDownloadUrl, useImpactReport } from './reports.ts';

/** The network's impact report for funders (its staff and the founding organisation's admins). */
export default function ImpactReportPage() {
  const network = useCurrentNetwork();
  const { t } = useTranslation();
  return (
    <div className="page stack">
      <PageHeading title={t('reports.title')} />
      <p className="muted">{t('reports.page.intro')}</p>
      <ImpactReportPanel scope={{ kind: 'network', slug: network.slug }} />
    </div>
  );
}

/**
 * An impact report for funders: a period, a preview of the totals (small counts suppressed on the
 * server) and the CSV and PDF downloads in the language the funder reads.
 */
export function ImpactReportPanel({ scope }: { scope: ReportScope }) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState(() => lastTwelveMonths(today()));
  const [lang, setLang] = useState<Locale>(currentLocale());
  const valid = Boolean(period.from && period.to && period.from <= period.to);
  const report = useImpactReport(scope, period, valid);
  const cell = (value: number | string) => (value === 'withheld' ? t('reports.withheld') : String(value));
  return (
    <>
      <div className="card form stack-tight">
        <div className="activity-form-row">
          <TextField
            name="from"
            type="date"
            label={t('reports.page.from')}
            value={period.from}
            max={period.to}
            onChange={(e) => setPeriod({ ...period, from: e.target.value })}
          />
          <TextField
            name="to"
            type="date"
            label={t('reports.page.to')}
            value={period.to}
            min={period.from}
            onChange={(e) => setPeriod({ ...period, to: e.target.value })}
          />
        </div>
        <SelectField
          name="lang"
          label={t('reports.page.language')}
          value={lang}
          onChange={(e) => setLang(e.target.value as Locale)}
          options={LOCALES.map((l) => ({ value: l, label: autonym(l) }))}
        />
        {valid && (
          <p className="actions">
            <a
              className="button button-primary"
              href={reportDownloadUrl(scope, period, 'pdf', lang)}
              download
            >
              {t('reports.page.download_pdf')}
            </a>
            <a
              className="button button-secondary"
              href={reportDownloadUrl(scope, period, 'csv', lang)}
              download
            >
              {t('reports.page.download_csv')}
            </a>
          </p>
        )}
      </div>
      {!valid && <Alert tone="error">{t('reports.page.period_invalid')}</Alert>}
      {report.isPending && valid && <Loading />}
      {report.error && <QueryError error={report.error} onRetry={() => report.refetch()} />}
      {report.data && (
        <section className="card stack-tight" aria-labelledby="report-preview">
          <h2 id="report-preview">{t('reports.page.preview')}</h2>
          <p>
            {t('reports.pdf.summary', {
              activities: cell(report.data.totals.activities),
              hours: cell(report.data.totals.hours),
              mentees: cell(report.data.totals.mentees),
              mentors: cell(report.data.totals.mentors),
            })}
          </p>
          <p className="muted small">{t('reports.suppression_note', { threshold: report.data.threshold })}</p>
        </section>
      )}
    </>
  );
}
