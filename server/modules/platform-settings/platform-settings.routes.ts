import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SecuritySettings, UpdateSecuritySettingsBody } from '../../../common/contracts/platform-settings.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { requireAuth } from '../../platform/sessions/index.ts';
import { getSecuritySettings, updateSecuritySettings } from './platform-settings.service.ts';

const tags = ['platform-settings'];
const path = '/api/admin/settings/security';

/** The platform's settings that platform admins change: sign-in security. */
export async function platformSettingsRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    path,
    {
      config: { action: 'platform.settings.manage' },
      schema: {
        tags,
        summary:
          'Whether a second factor is required of platform admins, organisation admins and meta-mentors. Platform admins',
        response: { 200: SecuritySettings, ...errorResponses },
      },
    },
    async () => getSecuritySettings(ctx),
  );

  app.put(
    path,
    {
      config: { action: 'platform.settings.manage' },
      schema: {
        tags,
        summary:
          'Require (or stop requiring) a second factor of platform admins, organisation admins and meta-mentors; audited. Platform admins',
        body: UpdateSecuritySettingsBody,
        response: { 200: SecuritySettings, ...errorResponses },
      },
    },
    async (request) => updateSecuritySettings(ctx, request.body, requireAuth(request).user.id),
  );
}
