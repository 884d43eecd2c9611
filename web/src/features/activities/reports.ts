import { useQuery } from '@tanstack/react-query';
import type { ImpactReport } from '../../../../common/contracts/reports.ts';
import { api, query } from '../../lib/api-client.ts';

export interface ReportPeriod {
  from: string;
  to: string;
}

const reportPath = (slug: string) => `/networks/${encodeURIComponent(slug)}/reports/impact`;

/** The twelve months up to a day (YYYY-MM-DD), as the server's default. */
export function lastTwelveMonths(to: string): ReportPeriod {
  const from = new Date(`${to}T00:00:00Z`);
  from.setUTCFullYear(from.getUTCFullYear() - 1);
  from.setUTCDate(from.getUTCDate() + 1);
  return { from: from.toISOString().slice(0, 10), to };
}

/** The network's impact report for a period (staff and the founding organisation's admins). */
export function useImpactReport(slug: string, period: ReportPeriod, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: ['networks', slug, 'reports', 'impact', period] as const,
    queryFn: () => api.get<ImpactReport>(`${reportPath(slug)}${query({ ...period })}`),
  });
}

/** The address of the report as a download (CSV or PDF) in a language. */
export function reportDownloadUrl(slug: string, period: ReportPeriod, format: 'csv' | 'pdf', lang: string) {
  return `/api${reportPath(slug)}${query({ ...period, format, lang })}`;
}
