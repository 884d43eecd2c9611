import { useQuery } from '@tanstack/react-query';
import type { ImpactReport } from '../../../../common/contracts/reports.ts';
import { api, query } from '../../lib/api-client.ts';

export interface ReportPeriod {
  from: string;
  to: string;
}

/** Whose report: a network's, or the one across the networks an organisation founded. */
export type ReportScope = { kind: 'network' | 'organisation'; slug: string };

const reportPath = ({ kind, slug }: ReportScope) =>
  `/${kind === 'network' ? 'networks' : 'organisations'}/${encodeURIComponent(slug)}/reports/impact`;

/** The twelve months up to a day (YYYY-MM-DD), as the server's default. */
export function lastTwelveMonths(to: string): ReportPeriod {
  const from = new Date(`${to}T00:00:00Z`);
  from.setUTCFullYear(from.getUTCFullYear() - 1);
  from.setUTCDate(from.getUTCDate() + 1);
  return { from: from.toISOString().slice(0, 10), to };
}

/**
 * The impact report for a period: a network's (its staff and the founding organisation's admins) or
 * an organisation's across its networks (its admins).
 */
export function useImpactReport(scope: ReportScope, period: ReportPeriod, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: [`${scope.kind}s`, scope.slug, 'reports', 'impact', period] as const,
    queryFn: () => api.get<ImpactReport>(`${reportPath(scope)}${query({ ...period })}`),
  });
}

/** The address of the report as a download (CSV or PDF) in a language. */
export function reportDownloadUrl(
  scope: ReportScope,
  period: ReportPeriod,
  format: 'csv' | 'pdf',
  lang: string,
) {
  return `/api${reportPath(scope)}${query({ ...period, format, lang })}`;
}
