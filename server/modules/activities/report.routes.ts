import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SlugParams } from '../../../common/contracts/networks.ts';
import { ImpactReport, ImpactReportQuery } from '../../../common/contracts/reports.ts';
import type { Locale } from '../../../common/locales.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { impactReportCsv } from './report.csv.ts';
import { impactReportPdf, networkImpactReport, organisationImpactReport } from './report.service.ts';

const tags = ['reports'];
const description =
  'Hours by month, activities by kind and topic, distinct mentees (per mentor’s codes), active mentors, ' +
  'help requests resolved, events and attendance, mentors trained (MOOC) and goals. Counts of 1 or 2 are ' +
  'shown as "< 3" and rows that would give them away through a total as "withheld". `format=csv`: UTF-8 ' +
  'with a byte order mark; `format=pdf`: a printable document with charts (503 PDF_UNAVAILABLE when the ' +
  'server has no Chromium). Labels in `lang` (default: the caller’s language).';

/** Answers a report as JSON, or as a CSV or PDF download. */
async function send(
  ctx: AppContext,
  reply: FastifyReply,
  report: ImpactReport,
  format: ImpactReportQuery['format'],
  locale: Locale,
) {
  if (format === 'json') return reply.send(report);
  const name = `impact-report-${report.period.from}-${report.period.to}-${locale}.${format}`;
  reply
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'private, no-store');
  if (format === 'pdf') return reply.type('application/pdf').send(await impactReportPdf(ctx, report, locale));
  return reply.type('text/csv; charset=utf-8').send(impactReportCsv(report, locale));
}

/** Impact reports for funders: of one network, and across an organisation's networks. */
export async function reportRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/networks/:slug/reports/impact',
    {
      config: { action: 'reports.view' },
      schema: {
        tags,
        summary: 'The network’s impact report for a period (staff and the founding organisation’s admins)',
        description,
        params: SlugParams,
        querystring: ImpactReportQuery,
        response: { 200: ImpactReport, ...errorResponses },
      },
    },
    async (request, reply) => {
      const report = await networkImpactReport(ctx, request.network.network, request.query);
      return send(ctx, reply, report, request.query.format, request.query.lang ?? request.locale);
    },
  );

  app.get(
    '/api/organisations/:slug/reports/impact',
    {
      config: { action: 'organisation.reports.view' },
      schema: {
        tags,
        summary: 'The impact report across the networks the organisation founded (its admins)',
        description,
        params: SlugParams,
        querystring: ImpactReportQuery,
        response: { 200: ImpactReport, ...errorResponses },
      },
    },
    async (request, reply) => {
      const report = await organisationImpactReport(ctx, request.organisation.organisation, request.query);
      return send(ctx, reply, report, request.query.format, request.query.lang ?? request.locale);
    },
  );
}
