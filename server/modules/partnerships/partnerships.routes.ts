import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SlugParams } from '../../../common/contracts/networks.ts';
import {
  CreateJoinRequestBody,
  DecideJoinRequestBody,
  DecidePartnershipBody,
  JoinRequest,
  JoinRequestList,
  JoinRequestParams,
  Partnership,
  PartnershipList,
  PartnershipParams,
  RequestPartnershipBody,
} from '../../../common/contracts/partnerships.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { requireAuth } from '../../platform/sessions/index.ts';
import { mayInNetwork, requireUser } from '../networks/index.ts';
import { decideJoinRequest, getJoinRequests, requestToJoin } from './join-requests.service.ts';
import { presentJoinRequest, presentPartnership } from './partnerships.presenter.ts';
import {
  decidePartnership,
  endPartnership,
  getPartnerships,
  requestPartnership,
} from './partnerships.service.ts';

const tags = ['partnerships'];

/** Partner networks (E2): partnerships between networks, and organisations asking to join a network. */
export async function partnershipRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/networks/:slug/partnerships',
    {
      config: { action: 'partnerships.view' },
      schema: {
        tags,
        summary: 'The network’s partner networks; its meta-mentors also see the open requests, both ways',
        params: SlugParams,
        response: { 200: PartnershipList, ...errorResponses },
      },
    },
    async (request) => {
      const access = request.network;
      const rows = await getPartnerships(ctx, access.network, mayInNetwork(access, 'partnerships.manage'));
      return { partnerships: rows.map((r) => presentPartnership(r, access.network.id)) };
    },
  );

  app.post(
    '/api/networks/:slug/partnerships',
    {
      config: { action: 'partnerships.manage' },
      schema: {
        tags,
        summary: 'Ask another network to become a partner (its meta-mentors are told and decide)',
        params: SlugParams,
        body: RequestPartnershipBody,
        response: { 201: Partnership, ...errorResponses },
      },
    },
    async (request, reply) => {
      const access = request.network;
      const row = await requestPartnership(ctx, access, requireUser(access).id, request.body.networkSlug);
      return reply.code(201).send(presentPartnership(row, access.network.id));
    },
  );

  app.patch(
    '/api/networks/:slug/partnerships/:partnershipId',
    {
      config: { action: 'partnerships.manage' },
      schema: {
        tags,
        summary: 'Accept or decline a partnership request made to this network',
        params: PartnershipParams,
        body: DecidePartnershipBody,
        response: { 200: Partnership, ...errorResponses },
      },
    },
    async (request) => {
      const access = request.network;
      const row = await decidePartnership(
        ctx,
        access.network,
        requireUser(access).id,
        request.params.partnershipId,
        request.body.decision,
      );
      return presentPartnership(row, access.network.id);
    },
  );

  app.delete(
    '/api/networks/:slug/partnerships/:partnershipId',
    {
      config: { action: 'partnerships.manage' },
      schema: {
        tags,
        summary: 'End a partnership (either side), or withdraw or turn down an open request',
        params: PartnershipParams,
        response: { 200: Partnership, ...errorResponses },
      },
    },
    async (request) => {
      const access = request.network;
      const row = await endPartnership(
        ctx,
        access.network,
        requireUser(access).id,
        request.params.partnershipId,
      );
      return presentPartnership(row, access.network.id);
    },
  );

  app.get(
    '/api/networks/:slug/join-requests',
    {
      config: { action: 'network.organisations.manage' },
      schema: {
        tags,
        summary: 'Organisations’ requests to take part in the network, newest first',
        params: SlugParams,
        response: { 200: JoinRequestList, ...errorResponses },
      },
    },
    async (request) => ({
      requests: (await getJoinRequests(ctx, { networkId: request.network.network.id })).map(
        presentJoinRequest,
      ),
    }),
  );

  app.patch(
    '/api/networks/:slug/join-requests/:requestId',
    {
      config: { action: 'network.organisations.manage' },
      schema: {
        tags,
        summary: 'Approve (the organisation then takes part in the network) or decline a request',
        params: JoinRequestParams,
        body: DecideJoinRequestBody,
        response: { 200: JoinRequest, ...errorResponses },
      },
    },
    async (request) => {
      const access = request.network;
      const row = await decideJoinRequest(
        ctx,
        access.network,
        requireUser(access).id,
        request.params.requestId,
        request.body.decision,
      );
      return presentJoinRequest(row);
    },
  );

  app.get(
    '/api/organisations/:slug/join-requests',
    {
      config: { action: 'network.join_request' },
      schema: {
        tags,
        summary: 'The organisation’s requests to take part in networks, newest first',
        params: SlugParams,
        response: { 200: JoinRequestList, ...errorResponses },
      },
    },
    async (request) => ({
      requests: (await getJoinRequests(ctx, { organisationId: request.organisation.organisation.id })).map(
        presentJoinRequest,
      ),
    }),
  );

  app.post(
    '/api/organisations/:slug/join-requests',
    {
      config: { action: 'network.join_request' },
      schema: {
        tags,
        summary: 'Ask a network to let the organisation take part (its meta-mentors decide)',
        params: SlugParams,
        body: CreateJoinRequestBody,
        response: { 201: JoinRequest, ...errorResponses },
      },
    },
    async (request, reply) => {
      const row = await requestToJoin(
        ctx,
        requireAuth(request),
        request.organisation.organisation,
        request.body,
      );
      return reply.code(201).send(presentJoinRequest(row));
    },
  );
}
