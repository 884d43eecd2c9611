import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AddCheckBody,
  AddTrainingBody,
  SetCommitmentBody,
  VolunteerRecord,
  VolunteerRecordItemParams,
  VolunteerRecordParams,
} from '../../../common/contracts/volunteer-records.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import {
  addCheck,
  addTraining,
  removeRecordItem,
  setCommitment,
  updateCheck,
  updateTraining,
} from './record-entries.service.ts';
import { volunteerStatusRoutes } from './status.routes.ts';
import { getVolunteerRecord } from './volunteer-records.service.ts';

const tags = ['volunteer-records'];
const base = '/api/networks/:slug/members/:userId/record';

/** Volunteer records (B6): training, checks and commitment of a member. */
export async function volunteerRecordRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  await volunteerStatusRoutes(fastify, ctx);

  app.get(
    base,
    {
      config: { action: 'records.view' },
      schema: {
        tags,
        summary:
          'A member’s training (MOOC sessions recorded by the platform, others by staff), checks and commitment: ' +
          'for the meta-mentors and office, and for the member (`me`)',
        params: VolunteerRecordParams,
        response: { 200: VolunteerRecord, ...errorResponses },
      },
    },
    async (request) => getVolunteerRecord(ctx, request.network, request.params.userId),
  );

  app.post(
    `${base}/trainings`,
    {
      config: { action: 'records.manage' },
      schema: {
        tags,
        summary: 'Record training the member took outside the platform',
        params: VolunteerRecordParams,
        body: AddTrainingBody,
        response: { 201: VolunteerRecord, ...errorResponses },
      },
    },
    async (request, reply) => {
      await addTraining(ctx, request.network, request.params.userId, request.body);
      reply.code(201);
      return getVolunteerRecord(ctx, request.network, request.params.userId);
    },
  );

  app.post(
    `${base}/checks`,
    {
      config: { action: 'records.manage' },
      schema: {
        tags,
        summary: 'Record a check seen (kind, day seen, valid until); the document itself is never uploaded',
        params: VolunteerRecordParams,
        body: AddCheckBody,
        response: { 201: VolunteerRecord, ...errorResponses },
      },
    },
    async (request, reply) => {
      await addCheck(ctx, request.network, request.params.userId, request.body);
      reply.code(201);
      return getVolunteerRecord(ctx, request.network, request.params.userId);
    },
  );

  app.put(
    `${base}/trainings/:id`,
    {
      config: { action: 'records.manage' },
      schema: {
        tags,
        summary: 'Correct training staff recorded (title, day completed)',
        params: VolunteerRecordItemParams,
        body: AddTrainingBody,
        response: { 200: VolunteerRecord, ...errorResponses },
      },
    },
    async (request) => {
      const { userId, id } = request.params;
      await updateTraining(ctx, request.network, userId, id, request.body);
      return getVolunteerRecord(ctx, request.network, userId);
    },
  );

  app.put(
    `${base}/checks/:id`,
    {
      config: { action: 'records.manage' },
      schema: {
        tags,
        summary: 'Correct a check (kind, day seen, valid until)',
        params: VolunteerRecordItemParams,
        body: AddCheckBody,
        response: { 200: VolunteerRecord, ...errorResponses },
      },
    },
    async (request) => {
      const { userId, id } = request.params;
      await updateCheck(ctx, request.network, userId, id, request.body);
      return getVolunteerRecord(ctx, request.network, userId);
    },
  );

  app.put(
    `${base}/commitment`,
    {
      config: { action: 'records.manage' },
      schema: {
        tags,
        summary: 'Set the commitment agreed (hours a week, until when); null hours clears it',
        params: VolunteerRecordParams,
        body: SetCommitmentBody,
        response: { 200: VolunteerRecord, ...errorResponses },
      },
    },
    async (request) => {
      await setCommitment(ctx, request.network, request.params.userId, request.body);
      return getVolunteerRecord(ctx, request.network, request.params.userId);
    },
  );

  app.delete(
    `${base}/:id`,
    {
      config: { action: 'records.manage' },
      schema: {
        tags,
        summary: 'Remove a training or check entry added by staff',
        params: VolunteerRecordItemParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await removeRecordItem(ctx, request.network, request.params.userId, request.params.id);
      reply.code(204);
      return null;
    },
  );
}
