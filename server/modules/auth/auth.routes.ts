import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  Accepted,
  LoginAnswer,
  LoginBody,
  LoginSecondFactorBody,
  Ok,
  PasswordResetConfirmBody,
  PasswordResetRequestBody,
  RegisterBody,
  SecondFactorRequired,
  VerifyEmailBody,
  VerifyEmailResult,
} from '../../../common/contracts/auth.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import {
  clearSessionCookie,
  endSession,
  requestMeta,
  requireAuth,
  setSessionCookie,
} from '../../platform/sessions/index.ts';
import { presentMe } from '../users/index.ts';
import { login, registerUser, resendVerification, type SignedIn, verifyEmail } from './auth.service.ts';
import { deviceTokenOf, setDeviceCookie } from './device-cookie.ts';
import { confirmPasswordReset, requestPasswordReset } from './password-reset.service.ts';
import { completeSecondFactor } from './two-factor.service.ts';

const tags = ['auth'];

/** The cookies of a finished sign-in, and the account (the answer of every way to sign in). */
export function signedIn(reply: FastifyReply, ctx: AppContext, result: SignedIn) {
  setSessionCookie(reply, ctx.config, result.token);
  setDeviceCookie(reply, ctx.config, result.deviceToken);
  return { ...presentMe(result.user), deletionCancelled: result.deletionCancelled };
}

/** Registration, e-mail verification, signing in and out, password reset. */
export async function authRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/auth/register',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Create an account; the answer is the same whether or not the address is known',
        body: RegisterBody,
        response: { 202: Accepted, ...errorResponses },
      },
    },
    async (request, reply) => {
      await registerUser(ctx, request.body, requestMeta(request));
      return reply.code(202).send({ status: 'accepted' as const });
    },
  );

  app.post(
    '/api/auth/verify-email',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Confirm an e-mail address with the token from the mail',
        body: VerifyEmailBody,
        response: { 200: VerifyEmailResult, ...errorResponses },
      },
    },
    async (request) => ({ ok: true as const, ...(await verifyEmail(ctx, request.body.token)) }),
  );

  app.post(
    '/api/auth/verify-email/resend',
    {
      schema: {
        tags,
        summary: 'Send a new verification mail',
        response: { 202: Accepted, ...errorResponses },
      },
    },
    async (request, reply) => {
      await resendVerification(ctx, requireAuth(request).user);
      return reply.code(202).send({ status: 'accepted' as const });
    },
  );

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Sign in; sets the session cookie, or (202) asks for the second factor',
        body: LoginBody,
        response: { 200: LoginAnswer, 202: SecondFactorRequired, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await login(ctx, request.body, requestMeta(request), deviceTokenOf(request));
      if (result.status === 'signed_in') return signedIn(reply, ctx, result);
      const { pendingToken, expiresAt, methods } = result;
      return reply
        .code(202)
        .send({ status: 'second_factor_required' as const, pendingToken, expiresAt, methods });
    },
  );

  app.post(
    '/api/auth/login/second-factor',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'finishLoginWithSecondFactor',
        tags,
        summary:
          'Finish a sign-in with a TOTP or recovery code; sets the session cookie (and cancels a pending deletion)',
        body: LoginSecondFactorBody,
        response: { 200: LoginAnswer, ...errorResponses },
      },
    },
    async (request, reply) =>
      signedIn(reply, ctx, await completeSecondFactor(ctx, request.body, requestMeta(request))),
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'optional' },
      schema: { tags, summary: 'Sign out this session', response: { 200: Ok, ...errorResponses } },
    },
    async (request, reply) => {
      await endSession(ctx, request.auth);
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/password-reset/request',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Mail a reset link; the answer is the same whether or not the address is known',
        body: PasswordResetRequestBody,
        response: { 202: Accepted, ...errorResponses },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(ctx, request.body.email, requestMeta(request));
      return reply.code(202).send({ status: 'accepted' as const });
    },
  );

  app.post(
    '/api/auth/password-reset/confirm',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Set a new password with a reset token; signs out everywhere',
        body: PasswordResetConfirmBody,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => {
      await confirmPasswordReset(ctx, request.body);
      return { ok: true as const };
    },
  );
}
