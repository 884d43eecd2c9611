import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Ok } from '../../../common/contracts/auth.ts';
import {
  CreatePushSubscriptionBody,
  PushKey,
  PushSettings,
  PushSubscription,
  PushSubscriptionIdParams,
  PushSubscriptionList,
  UpdatePushSettingsBody,
} from '../../../common/contracts/push.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { requireAuth } from '../../platform/sessions/index.ts';
import { presentPushSubscription } from './push.presenter.ts';
import {
  ensureVapidKeys,
  getPushPublicKey,
  getPushSettings,
  listDevices,
  subscribeDevice,
  unsubscribeDevice,
  updatePushSettings,
} from './push.service.ts';

const tags = ['push'];

/** Web Push: the instance's public key, the person's subscribed devices and push settings. */
export async function pushRoutes(fastify: FastifyInstance, ctx: AppContext) {
  // At first start the key pair is made here, before any browser can ask for it.
  await ensureVapidKeys(ctx);
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/push/key',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getPushKey',
        tags,
        summary: "The instance's VAPID public key (application server key for pushManager.subscribe)",
        response: { 200: PushKey, ...errorResponses },
      },
    },
    async () => ({ publicKey: await getPushPublicKey(ctx) }),
  );

  app.get(
    '/api/me/push-subscriptions',
    {
      schema: {
        operationId: 'listMyPushSubscriptions',
        tags,
        summary: 'My devices that receive push notifications',
        response: { 200: PushSubscriptionList, ...errorResponses },
      },
    },
    async (request) => ({
      subscriptions: (await listDevices(ctx, requireAuth(request).user.id)).map(presentPushSubscription),
    }),
  );

  app.post(
    '/api/me/push-subscriptions',
    {
      schema: {
        operationId: 'subscribeMyDevice',
        tags,
        summary: "Receive push notifications on this device (the browser's push subscription)",
        body: CreatePushSubscriptionBody,
        response: { 201: PushSubscription, ...errorResponses },
      },
    },
    async (request, reply) => {
      const row = await subscribeDevice(ctx, requireAuth(request).user.id, request.body);
      return reply.code(201).send(presentPushSubscription(row));
    },
  );

  app.delete(
    '/api/me/push-subscriptions/:id',
    {
      schema: {
        operationId: 'unsubscribeMyDevice',
        tags,
        summary: 'Stop push notifications on one of my devices',
        params: PushSubscriptionIdParams,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => {
      await unsubscribeDevice(ctx, requireAuth(request).user.id, request.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/me/push-settings',
    {
      schema: {
        operationId: 'getMyPushSettings',
        tags,
        summary: 'What is pushed to my devices, and my quiet hours',
        response: { 200: PushSettings, ...errorResponses },
      },
    },
    async (request) => getPushSettings(ctx, requireAuth(request).user.id),
  );

  app.put(
    '/api/me/push-settings',
    {
      schema: {
        operationId: 'updateMyPushSettings',
        tags,
        summary: 'Choose the kinds pushed to my devices and my quiet hours',
        body: UpdatePushSettingsBody,
        response: { 200: PushSettings, ...errorResponses },
      },
    },
    async (request) => updatePushSettings(ctx, requireAuth(request).user.id, request.body),
  );
}
