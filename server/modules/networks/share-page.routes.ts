import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SlugParams } from '../../../common/contracts/networks.ts';
import { canSeeNetwork } from '../../../common/permissions.ts';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { matchesEtag } from '../../lib/http-cache.ts';
import { findNetworkBySlug } from './networks.service.ts';
import { shareImageOf, shareImageTag } from './share-image.ts';
import type { NetworkRow } from './networks.table.ts';
import { type SharedEventFacts, withShareMeta } from './share-page.presenter.ts';

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
export async function networkSharePageRoutes(
  fastify: FastifyInstance,
  ctx: AppContext,
  /** The network's next public events (from the events module, which builds on this one). */
  publicEventsOf: (network: NetworkRow) => Promise<SharedEventFacts[]> = async () => [],
) {
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
        network && canSeeNetwork(VISITOR, network.visibility)
          ? withShareMeta(shell, network, site, {
              version: shareImageTag(network, site.name).slice(1, 9),
              events: await publicEventsOf(network).catch((err: unknown) => {
                // The page is served without them rather than not at all.
                request.log.error({ err }, 'public events of the share page failed');
                return [];
              }),
            })
          : shell;
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
    },
  );

  // The share image (og:image) of a network a visitor may see: drawn once per version of its name,
  // description, region and languages; caches revalidate it with its ETag.
  app.get(
    '/networks/:slug/share-image.png',
    { config: { access: 'public' }, schema: { hide: true, params: SlugParams } },
    async (request, reply) => {
      const network = await findNetworkBySlug(ctx, request.params.slug);
      if (!network || !canSeeNetwork(VISITOR, network.visibility)) throw notFound();
      const etag = shareImageTag(network, site.name);
      reply.header('cache-control', 'public, max-age=3600, must-revalidate').header('etag', etag);
      if (matchesEtag(request, etag)) return reply.code(304).send();
      const { png } = await shareImageOf(network, site.name);
      return reply.type('image/png').send(png);
    },
  );
}
