import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { LoginAnswer, Ok } from '../../../common/contracts/auth.ts';
import {
  PasskeyCreationOptions,
  PasskeyIdParams,
  PasskeyInfo,
  PasskeyList,
  PasskeyRegistrationBody,
  PasskeyRegistrationStartBody,
  PasskeyRequestOptions,
  PasskeySecondFactorBody,
  PasskeySecondFactorStartBody,
  PasskeySignInBody,
  RemovePasskeyBody,
  RenamePasskeyBody,
} from '../../../common/contracts/passkeys.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { requestMeta, requireAuth } from '../../platform/sessions/index.ts';
import { signedIn } from './auth.routes.ts';
import { deviceTokenOf } from './device-cookie.ts';
import {
  finishPasskeySecondFactor,
  finishPasskeySignIn,
  startPasskeySecondFactor,
  startPasskeySignIn,
} from './passkey-sign-in.service.ts';
import {
  finishPasskeyRegistration,
  listMyPasskeys,
  removeMyPasskey,
  renameMyPasskey,
  startPasskeyRegistration,
} from './passkeys.service.ts';

const tags = ['account'];
const action = 'account.passkeys.manage' as const;
/** The contract checks the fields the server reads; the verifier checks the rest. */
const assertion = (credential: unknown) => credential as AuthenticationResponseJSON;

/** The signed-in account's passkeys, and signing in with one (alone, or as the second step). */
export async function passkeyRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/me/passkeys',
    {
      config: { action },
      schema: {
        tags,
        summary: 'The account’s passkeys: name, when added, when last used',
        response: { 200: PasskeyList, ...errorResponses },
      },
    },
    async (request) => ({ passkeys: await listMyPasskeys(ctx, requireAuth(request).user.id) }),
  );

  app.post(
    '/api/me/passkeys/registration/options',
    {
      config: { action },
      schema: {
        operationId: 'startMyPasskeyRegistration',
        tags,
        summary: 'Start adding a passkey (password again): options for navigator.credentials.create()',
        body: PasskeyRegistrationStartBody,
        response: { 200: PasskeyCreationOptions, ...errorResponses },
      },
    },
    async (request) =>
      startPasskeyRegistration(ctx, requireAuth(request), request.body, deviceTokenOf(request)),
  );

  app.post(
    '/api/me/passkeys',
    {
      config: { action },
      schema: {
        operationId: 'addMyPasskey',
        tags,
        summary: 'Add the passkey the browser made for the options; ends other sessions',
        body: PasskeyRegistrationBody,
        response: { 201: PasskeyInfo, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await finishPasskeyRegistration(ctx, requireAuth(request), request.body)),
  );

  app.patch(
    '/api/me/passkeys/:id',
    {
      config: { action },
      schema: {
        tags,
        summary: 'Rename one of the account’s passkeys',
        params: PasskeyIdParams,
        body: RenamePasskeyBody,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => {
      await renameMyPasskey(ctx, requireAuth(request).user.id, request.params.id, request.body.name);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/me/passkeys/:id/remove',
    {
      config: { action },
      schema: {
        operationId: 'removeMyPasskey',
        tags,
        summary: 'Remove one of the account’s passkeys (password again); ends other sessions',
        params: PasskeyIdParams,
        body: RemovePasskeyBody,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => {
      const current = requireAuth(request);
      await removeMyPasskey(ctx, current, request.params.id, request.body, deviceTokenOf(request));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/passkey/options',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'startPasskeySignIn',
        tags: ['auth'],
        summary: 'Start a password-less sign-in: options for navigator.credentials.get()',
        response: { 200: PasskeyRequestOptions, ...errorResponses },
      },
    },
    async (request) => startPasskeySignIn(ctx, requestMeta(request)),
  );

  app.post(
    '/api/auth/passkey',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'finishPasskeySignIn',
        tags: ['auth'],
        summary: 'Sign in with a passkey alone; sets the session cookie (and cancels a pending deletion)',
        body: PasskeySignInBody,
        response: { 200: LoginAnswer, ...errorResponses },
      },
    },
    async (request, reply) =>
      signedIn(
        reply,
        ctx,
        await finishPasskeySignIn(ctx, assertion(request.body.credential), requestMeta(request)),
      ),
  );

  app.post(
    '/api/auth/login/second-factor/passkey/options',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'startPasskeySecondFactor',
        tags: ['auth'],
        summary: 'Options to finish a sign-in with one of the account’s passkeys instead of a code',
        body: PasskeySecondFactorStartBody,
        response: { 200: PasskeyRequestOptions, ...errorResponses },
      },
    },
    async (request) => startPasskeySecondFactor(ctx, request.body.pendingToken, requestMeta(request)),
  );

  app.post(
    '/api/auth/login/second-factor/passkey',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'finishLoginWithPasskey',
        tags: ['auth'],
        summary: 'Finish a sign-in with a passkey as the second factor; sets the session cookie',
        body: PasskeySecondFactorBody,
        response: { 200: LoginAnswer, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { pendingToken, credential } = request.body;
      const meta = requestMeta(request);
      return signedIn(
        reply,
        ctx,
        await finishPasskeySecondFactor(ctx, pendingToken, assertion(credential), meta),
      );
    },
  );
}
