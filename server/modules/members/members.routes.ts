import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Ok } from '../../../common/contracts/auth.ts';
import {
  AuditList,
  ChangeMemberBody,
  MemberList,
  MemberListQuery,
  MemberParams,
  PageQuery,
  RemoveMemberBody,
  SlugParams,
} from '../../../common/contracts/networks.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import { getNetworkAudit } from '../../platform/audit/index.ts';
import { authorizeNetwork, loadNetworkAccess, requireNetworkUser } from '../networks/index.ts';
import { changeMember, leaveNetwork, listMembers, removeMember } from './members.service.ts';

const tags = ['members'];

export async function memberRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/networks/:slug/members',
    {
      schema: {
        tags,
        summary: 'Active members of a network',
        params: SlugParams,
        querystring: MemberListQuery,
        response: { 200: MemberList, ...errorResponses },
      },
    },
    async (request) => {
      const access = await loadNetworkAccess(ctx, request.auth, request.params.slug);
      authorizeNetwork(access, 'members.view');
      return listMembers(ctx, access.network, request.query);
    },
  );

  app.patch(
    '/api/networks/:slug/members/:userId',
    {
      schema: {
        tags,
        summary: "Change a member's role or level",
        params: MemberParams,
        body: ChangeMemberBody,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => {
      const access = await loadNetworkAccess(ctx, request.auth, request.params.slug);
      const user = requireNetworkUser(access, 'members.change_role');
      await changeMember(ctx, access.network, user.id, request.params.userId, request.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/networks/:slug/members/:userId/remove',
    {
      schema: {
        tags,
        summary: 'Remove a member, with a reason',
        params: MemberParams,
        body: RemoveMemberBody,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => {
      const access = await loadNetworkAccess(ctx, request.auth, request.params.slug);
      const user = requireNetworkUser(access, 'members.remove');
      await removeMember(ctx, access.network, user.id, request.params.userId, request.body.reason);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/networks/:slug/leave',
    {
      schema: {
        tags,
        summary: 'Leave the network',
        params: SlugParams,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => {
      const access = await loadNetworkAccess(ctx, request.auth, request.params.slug);
      const user = requireNetworkUser(access, 'membership.leave');
      await leaveNetwork(ctx, access.network, user.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/networks/:slug/audit',
    {
      schema: {
        tags,
        summary: 'Audit log of membership changes',
        params: SlugParams,
        querystring: PageQuery,
        response: { 200: AuditList, ...errorResponses },
      },
    },
    async (request) => {
      const access = await loadNetworkAccess(ctx, request.auth, request.params.slug);
      authorizeNetwork(access, 'audit.view');
      return getNetworkAudit(ctx, access.network.id, request.query);
    },
  );
}
