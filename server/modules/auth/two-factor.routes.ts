import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ConfirmTotpBody,
  DisableTotpBody,
  Ok,
  RecoveryCodes,
  TotpEnrolment,
  TwoFactorStatus,
} from '../../../common/contracts/auth.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { requireAuth } from '../../platform/sessions/index.ts';
import { deviceTokenOf } from './device-cookie.ts';
import {
  confirmTotpEnrolment,
  disableTotp,
  renewRecoveryCodes,
  startTotpEnrolment,
  twoFactorStatus,
} from './two-factor.service.ts';

const tags = ['account'];

/** The signed-in account's second factors: TOTP enrolment, recovery codes, turning it off. */
export async function twoFactorRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/me/two-factor',
    {
      schema: {
        tags,
        summary: 'Which second factors the account has (never the secret)',
        response: { 200: TwoFactorStatus, ...errorResponses },
      },
    },
    async (request) => twoFactorStatus(ctx, requireAuth(request).user.id),
  );

  app.post(
    '/api/me/two-factor/totp',
    {
      schema: {
        operationId: 'startMyTotpEnrolment',
        tags,
        summary: 'Start TOTP enrolment: a new secret, its otpauth URI and QR code (shown this once)',
        response: { 200: TotpEnrolment, ...errorResponses },
      },
    },
    async (request) => startTotpEnrolment(ctx, requireAuth(request)),
  );

  app.post(
    '/api/me/two-factor/totp/confirm',
    {
      schema: {
        tags,
        summary: 'Turn TOTP on with a first code; answers the recovery codes once and ends other sessions',
        body: ConfirmTotpBody,
        response: { 200: RecoveryCodes, ...errorResponses },
      },
    },
    async (request) => ({
      recoveryCodes: await confirmTotpEnrolment(ctx, requireAuth(request), request.body.code),
    }),
  );

  app.post(
    '/api/me/two-factor/totp/disable',
    {
      schema: {
        tags,
        summary: 'Turn TOTP off with the password and a code; ends other sessions',
        body: DisableTotpBody,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => {
      await disableTotp(ctx, requireAuth(request), request.body, deviceTokenOf(request));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/me/two-factor/recovery-codes',
    {
      schema: {
        operationId: 'renewMyRecoveryCodes',
        tags,
        summary: 'Replace the recovery codes after a TOTP code; answers them once and ends other sessions',
        body: ConfirmTotpBody,
        response: { 200: RecoveryCodes, ...errorResponses },
      },
    },
    async (request) => ({
      recoveryCodes: await renewRecoveryCodes(ctx, requireAuth(request), request.body.code),
    }),
  );
}
