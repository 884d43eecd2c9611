import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Ok } from '../../../common/contracts/auth.ts';
import {
  AddOrganisationAdminBody,
  CreateOrganisationBody,
  Id,
  Organisation,
  OrganisationAdmins,
  OrganisationList,
  SlugParams,
  UpdateOrganisationBody,
} from '../../../common/contracts/networks.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { requireAuth } from '../../platform/sessions/index.ts';
import { presentOrganisation, presentOrganisationAdmins } from './organisations.presenter.ts';
import {
  addOrganisationAdmin,
  createOrganisation,
  editOrganisation,
  listAdmins,
  listMyOrganisations,
  loadOrganisation,
  removeOrganisationAdmin,
  verifyOrganisation,
} from './organisations.service.ts';

const tags = ['organisations'];

/**
 * Organisations: creating one, their profiles, their admins and verification. Routes on one
 * organisation declare their action; the pre-handler (server/plugins/authorize.ts) loads and
 * authorizes it and puts it on `request.organisation`.
 */
export async function organisationRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/organisations',
    {
      schema: {
        tags,
        summary: 'Create an organisation; you become its admin',
        body: CreateOrganisationBody,
        response: { 201: Organisation, ...errorResponses },
      },
    },
    async (request, reply) => {
      const row = await createOrganisation(ctx, requireAuth(request).user, request.body);
      return reply.code(201).send(presentOrganisation(row, true));
    },
  );

  app.get(
    '/api/me/organisations',
    {
      schema: {
        tags,
        summary: 'Organisations you administer',
        response: { 200: OrganisationList, ...errorResponses },
      },
    },
    async (request) => {
      const rows = await listMyOrganisations(ctx, requireAuth(request).user);
      return { organisations: rows.map((r) => presentOrganisation(r, true)) };
    },
  );

  app.get(
    '/api/organisations/:slug',
    {
      config: { access: 'optional' },
      schema: {
        tags,
        summary: 'An organisation profile',
        params: SlugParams,
        response: { 200: Organisation, ...errorResponses },
      },
    },
    async (request) => {
      const { organisation, isAdmin } = await loadOrganisation(
        ctx,
        request.auth?.user ?? null,
        request.params.slug,
      );
      return presentOrganisation(organisation, isAdmin);
    },
  );

  app.patch(
    '/api/organisations/:slug',
    {
      config: { action: 'organisation.edit' },
      schema: {
        tags,
        summary: 'Edit an organisation',
        params: SlugParams,
        body: UpdateOrganisationBody,
        response: { 200: Organisation, ...errorResponses },
      },
    },
    async (request) => {
      const updated = await editOrganisation(ctx, request.organisation.organisation, request.body);
      return presentOrganisation(updated, true);
    },
  );

  app.get(
    '/api/organisations/:slug/admins',
    {
      config: { action: 'organisation.admins.manage' },
      schema: {
        tags,
        summary: 'Admins of an organisation',
        params: SlugParams,
        response: { 200: OrganisationAdmins, ...errorResponses },
      },
    },
    async (request) => presentOrganisationAdmins(await listAdmins(ctx, request.organisation.organisation)),
  );

  app.post(
    '/api/organisations/:slug/admins',
    {
      config: { action: 'organisation.admins.manage' },
      schema: {
        tags,
        summary: 'Add a staff member as organisation admin',
        params: SlugParams,
        body: AddOrganisationAdminBody,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => {
      const { organisation } = request.organisation;
      await addOrganisationAdmin(ctx, organisation, requireAuth(request).user, request.body.email);
      return { ok: true as const };
    },
  );

  app.delete(
    '/api/organisations/:slug/admins/:userId',
    {
      config: { action: 'organisation.admins.manage' },
      schema: {
        tags,
        summary: 'Remove an organisation admin',
        params: SlugParams.extend({ userId: Id }),
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => {
      const { organisation } = request.organisation;
      await removeOrganisationAdmin(ctx, organisation, requireAuth(request).user, request.params.userId);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/organisations/:slug/verification',
    {
      config: { action: 'organisation.verify' },
      schema: {
        operationId: 'verifyOrganisation',
        tags,
        summary: 'Verify an organisation (platform admins)',
        params: SlugParams,
        body: z.strictObject({ verified: z.boolean() }),
        response: { 200: Organisation, ...errorResponses },
      },
    },
    async (request) => {
      const { organisation, isAdmin } = request.organisation;
      const updated = await verifyOrganisation(
        ctx,
        organisation,
        requireAuth(request).user,
        request.body.verified,
      );
      return presentOrganisation(updated, isAdmin);
    },
  );
}
