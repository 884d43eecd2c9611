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
import { errorResponses } from '../../plugins/openapi.ts';
import { requireAuth } from '../../platform/sessions/index.ts';
import {
  addOrganisationAdmin,
  createOrganisation,
  editOrganisation,
  listAdministeredOrganisations,
  listOrganisationAdmins,
  loadOrganisation,
  presentOrganisation,
  removeOrganisationAdmin,
  verifyOrganisation,
} from './organisations.service.ts';

const tags = ['organisations'];

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
      const rows = await listAdministeredOrganisations(ctx.database.db, requireAuth(request).user.id);
      return { organisations: rows.map((r) => presentOrganisation(r, true)) };
    },
  );

  app.get(
    '/api/organisations/:slug',
    {
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
      schema: {
        tags,
        summary: 'Edit an organisation',
        params: SlugParams,
        body: UpdateOrganisationBody,
        response: { 200: Organisation, ...errorResponses },
      },
    },
    async (request) => {
      const { organisation } = await loadOrganisation(
        ctx,
        request.auth?.user ?? null,
        request.params.slug,
        'organisation.edit',
      );
      return presentOrganisation(await editOrganisation(ctx, organisation, request.body), true);
    },
  );

  app.get(
    '/api/organisations/:slug/admins',
    {
      schema: {
        tags,
        summary: 'Admins of an organisation',
        params: SlugParams,
        response: { 200: OrganisationAdmins, ...errorResponses },
      },
    },
    async (request) => {
      const { organisation } = await loadOrganisation(
        ctx,
        request.auth?.user ?? null,
        request.params.slug,
        'organisation.admins.manage',
      );
      return { admins: await listOrganisationAdmins(ctx.database.db, organisation.id) };
    },
  );

  app.post(
    '/api/organisations/:slug/admins',
    {
      schema: {
        tags,
        summary: 'Add a staff member as organisation admin',
        params: SlugParams,
        body: AddOrganisationAdminBody,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireAuth(request).user;
      const { organisation } = await loadOrganisation(
        ctx,
        user,
        request.params.slug,
        'organisation.admins.manage',
      );
      await addOrganisationAdmin(ctx, organisation, user, request.body.email);
      return { ok: true as const };
    },
  );

  app.delete(
    '/api/organisations/:slug/admins/:userId',
    {
      schema: {
        tags,
        summary: 'Remove an organisation admin',
        params: SlugParams.extend({ userId: Id }),
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireAuth(request).user;
      const { organisation } = await loadOrganisation(
        ctx,
        user,
        request.params.slug,
        'organisation.admins.manage',
      );
      await removeOrganisationAdmin(ctx, organisation, user, request.params.userId);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/organisations/:slug/verification',
    {
      schema: {
        tags,
        summary: 'Verify an organisation (platform admins)',
        params: SlugParams,
        body: z.strictObject({ verified: z.boolean() }),
        response: { 200: Organisation, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireAuth(request).user;
      const { organisation, isAdmin } = await loadOrganisation(
        ctx,
        user,
        request.params.slug,
        'organisation.verify',
      );
      return presentOrganisation(
        await verifyOrganisation(ctx, organisation, user, request.body.verified),
        isAdmin,
      );
    },
  );
}
