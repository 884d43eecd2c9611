import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SlugParams } from '../../../common/contracts/networks.ts';
import { PrivacyCheckBody, PrivacyCheckResult } from '../../../common/contracts/privacy.ts';
import { PRIVACY_CHECK_MAX_CHARS } from '../../../common/privacy/kinds.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { presentPrivacyCheck } from './privacy.presenter.ts';
import { checkCaseText } from './privacy.service.ts';

const tags = ['privacy'];
// The longest case text in the widest encoding (4 bytes a character in UTF-8) and the JSON around it.
const BODY_LIMIT_BYTES = PRIVACY_CHECK_MAX_CHARS * 4 + 1024;

/** The privacy check of case texts, for members who write case consultations. */
export async function privacyRoutes(fastify: FastifyInstance, _ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/networks/:slug/privacy-check',
    {
      config: { action: 'privacy.check' },
      bodyLimit: BODY_LIMIT_BYTES,
      schema: {
        tags,
        summary: 'Find personal data in a case text (names, dates of birth, phone numbers, addresses, …)',
        description:
          'Nothing is stored. Spans are UTF-16 offsets into the text, as JavaScript strings count them.',
        params: SlugParams,
        body: PrivacyCheckBody,
        response: { 200: PrivacyCheckResult, ...errorResponses },
      },
    },
    async (request) => presentPrivacyCheck(checkCaseText(request.body.text)),
  );
}
