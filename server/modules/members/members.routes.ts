import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Ok } from '../../../common/contracts/auth.ts';
import {
  AuditList,
  ChangeMemberBody,
  LeaveState,
  MemberList,
  MemberListQuery,
  MemberParams,
  PageQuery,
  RemoveMemberBody,
  SetLeaveBody,
  SlugParams,
} from '../../../common/contracts/networks.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { getNetworkAudit } from '../../platform/audit/index.ts';
import { requireUser } from '../networks/index.ts';
import { presentMemberPage } from './members.presenter.ts';
import {
  changeMember,
  getLeave,
  leaveNetwork,
  listMembers,
  removeMember,
  setLeave,
} from './members.service.ts';

const tags = ['members'];

/** The member list, changing and removing members, leaving, and the network's audit log. */
export async function memberRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/networks/:slug/members',
    {
      config: { action: 'members.view' },
      schema: {
        tags,
        summary: 'Active members of a network',
        params: SlugParams,
        querystring: MemberListQuery,
        response: { 200: MemberList, ...errorResponses },
      },
    },
    async (request) => presentMemberPage(await listMembers(ctx, request.network.network, request.query)),
  );

  app.patch(
    '/api/networks/:slug/members/:userId',
    {
      config: { action: 'members.change_role' },
      schema: {
        tags,
        summary: "Change a member's role or level",
        params: MemberParams,
        body: ChangeMemberBody,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => {
      const access = request.network;
      await changeMember(ctx, access.network, requireUser(access).id, request.params.userId, request.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/networks/:slug/members/:userId/remove',
    {
      config: { action: 'members.remove' },
      schema: {
        tags,
        summary: 'Remove a member, with a reason',
        params: MemberParams,
        body: RemoveMemberBody,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => {
      const access = request.network;
      const { userId } = request.params;
      await removeMember(ctx, access.network, requireUser(access).id, userId, request.body.reason);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/networks/:slug/leave',
    {
      config: { action: 'membership.leave' },
      schema: {
        tags,
        summary: 'Leave the network',
        params: SlugParams,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => {
      await leaveNetwork(ctx, request.network.network, requireUser(request.network).id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/networks/:slug/members/me/leave',
    {
      config: { action: 'membership.set_leave' },
      schema: {
        operationId: 'getMyLeave',
        tags,
        summary: 'Until when one is on leave in the network (null: not on leave)',
        params: SlugParams,
        response: { 200: LeaveState, ...errorResponses },
      },
    },
    async (request) => {
      const access = request.network;
      return { leaveUntil: await getLeave(ctx, access.network, requireUser(access).id) };
    },
  );

  app.put(
    '/api/networks/:slug/members/me/leave',
    {
      config: { action: 'membership.set_leave' },
      schema: {
        operationId: 'setMyLeave',
        tags,
        summary: 'Say one is on leave until a day (inclusive), or back (null)',
        params: SlugParams,
        body: SetLeaveBody,
        response: { 200: LeaveState, ...errorResponses },
      },
    },
    async (request) => {
      const access = request.network;
      const until = await setLeave(ctx, access.network, requireUser(access).id, request.body.until);
      return { leaveUntil: until };
    },
  );

  app.get(
    '/api/networks/:slug/audit',
    {
      config: { action: 'audit.view' },
      schema: {
        tags,
        summary: 'Audit log of membership changes',
        params: SlugParams,
        querystring: PageQuery,
        response: { 200: AuditList, ...errorResponses },
      },
    },
    async (request) => getNetworkAudit(ctx, request.network.network.id, request.query),
  );
}
