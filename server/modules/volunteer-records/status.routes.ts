import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SlugParams } from '../../../common/contracts/networks.ts';
import {
  RecordDepartureBody,
  RecordSettings,
  SetRecordLeaveBody,
  SetRecordSettingsBody,
  VolunteerRecord,
  VolunteerRecordMemberParams,
} from '../../../common/contracts/volunteer-records.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { startRecordJobs } from './record-jobs.service.ts';
import {
  getRecordSettings,
  recordDeparture,
  returnFromLeave,
  setRecordLeave,
  setRecordSettings,
} from './status.service.ts';
import { getVolunteerRecord } from './volunteer-records.service.ts';

const tags = ['volunteer-records'];
const base = '/api/networks/:slug/members/:userId/record';

/** A volunteer's status (leave, return, departure with handover) and the network's retention period; starts the daily job. */
export async function volunteerStatusRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  await startRecordJobs(ctx);

  app.put(
    `${base}/leave`,
    {
      config: { action: 'records.manage' },
      schema: {
        tags,
        operationId: 'setRecordLeave',
        summary:
          'Put a member on leave until a day (inclusive): not suggested as a helper or buddy, “on leave” in the directory',
        params: VolunteerRecordMemberParams,
        body: SetRecordLeaveBody,
        response: { 200: VolunteerRecord, ...errorResponses },
      },
    },
    async (request) => {
      await setRecordLeave(ctx, request.network, request.params.userId, request.body.until);
      return getVolunteerRecord(ctx, request.network, request.params.userId);
    },
  );

  app.delete(
    `${base}/leave`,
    {
      config: { action: 'records.manage' },
      schema: {
        tags,
        operationId: 'endRecordLeave',
        summary: 'Mark a member back from leave (suggested again at once)',
        params: VolunteerRecordMemberParams,
        response: { 200: VolunteerRecord, ...errorResponses },
      },
    },
    async (request) => {
      await returnFromLeave(ctx, request.network, request.params.userId);
      return getVolunteerRecord(ctx, request.network, request.params.userId);
    },
  );

  app.post(
    `${base}/departure`,
    {
      config: { action: 'records.manage' },
      schema: {
        tags,
        summary:
          'Record that a member left, with the handover of their mentee codes and unresolved help requests; ' +
          'their open buddy pairings end with the note, their records are deleted after the retention period',
        params: VolunteerRecordMemberParams,
        body: RecordDepartureBody,
        response: { 201: VolunteerRecord, ...errorResponses },
      },
    },
    async (request, reply) => {
      await recordDeparture(ctx, request.network, request.params.userId, request.body);
      reply.code(201);
      return getVolunteerRecord(ctx, request.network, request.params.userId);
    },
  );

  app.get(
    '/api/networks/:slug/records/settings',
    {
      config: { action: 'records.settings' },
      schema: {
        tags,
        operationId: 'getRecordSettings',
        summary: 'How many months a departed member’s records are kept (default 12)',
        params: SlugParams,
        response: { 200: RecordSettings, ...errorResponses },
      },
    },
    async (request) => getRecordSettings(ctx, request.network),
  );

  app.put(
    '/api/networks/:slug/records/settings',
    {
      config: { action: 'records.settings' },
      schema: {
        tags,
        operationId: 'setRecordSettings',
        summary: 'Set how many months a departed member’s records are kept (for departures from now on)',
        params: SlugParams,
        body: SetRecordSettingsBody,
        response: { 200: RecordSettings, ...errorResponses },
      },
    },
    async (request) => setRecordSettings(ctx, request.network, request.body),
  );
}
