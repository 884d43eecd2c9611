import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SlugParams } from '../../../common/contracts/networks.ts';
import { canSeeNetwork } from '../../../common/permissions.ts';
import type { AppContext } from '../../context.ts';
import { findNetworkBySlug } from './networks.service.ts';
import { withShareMeta } from './share-page.presenter.ts';

const VISITOR = {
  signedIn: false,
  platformAdmin: false,
  orgAdmin: false,
  role: null,
  acceptedCurrent: false,
};

/**
 * The page of a network as a link preview sees it: the app shell, with the network's title,
 * description and share tags when a visitor may see the network (others get the bare shell, so a
 * private network's name never leaks into a preview). Registered only when the web app is built.
 */
export async function networkSharePageRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const shellFile = path.join(ctx.config.webDistDir, 'index.html');
  let shell: string | undefined;
  const site = { url: ctx.config.publicUrl, name: ctx.config.platformName };

  app.get(
    '/networks/:slug',
    { config: { access: 'public' }, schema: { hide: true, params: SlugParams } },
    async (request, reply) => {
      shell ??= await readFile(shellFile, 'utf8');
      const network = await findNetworkBySlug(ctx, request.params.slug);
      const html =
        network && canSeeNetwork(VISITOR, network.visibility) ? withShareMeta(shell, network, site) : shell;
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
    },
  );
}
