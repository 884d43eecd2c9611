import type { FastifyInstance, FastifyRequest, preHandlerHookHandler } from 'fastify';
import {
  canOnPlatform,
  NETWORK_ACTIONS,
  type NetworkAction,
  type OrganisationAction,
  PLATFORM_ACTIONS,
  type PlatformAction,
} from '../../common/permissions.ts';
import type { AppContext } from '../context.ts';
import { forbidden, unauthenticated } from '../errors.ts';
import { authorizeNetwork, loadNetworkAccess, type NetworkAccess } from '../modules/networks/index.ts';
import { loadOrganisation, type OrganisationAccess } from '../modules/organisations/index.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * What the route does, in the words of common/permissions.ts. A network action loads the
     * network named by the `:slug` parameter, an organisation action the organisation named by it,
     * and authorizes the caller before the handler runs (404, 401, 403 or AGREEMENT_REQUIRED). A
     * platform action needs nothing loaded: 401 signed out, 403 for anyone but a platform admin.
     */
    action?: NetworkAction | OrganisationAction | PlatformAction;
  }
  interface FastifyRequest {
    /** The network of a route that declares a network action, with the caller's standing: authorized. */
    network: NetworkAccess;
    /** The organisation of a route that declares an organisation action: authorized. */
    organisation: OrganisationAccess;
  }
}

const networkActions: ReadonlySet<string> = new Set(NETWORK_ACTIONS);
const isNetworkAction = (action: string): action is NetworkAction => networkActions.has(action);
const platformActions: ReadonlySet<string> = new Set(PLATFORM_ACTIONS);
const isPlatformAction = (action: string): action is PlatformAction => platformActions.has(action);

function slugOf(request: FastifyRequest): string {
  const { slug } = request.params as { slug?: string };
  if (typeof slug !== 'string')
    throw new Error(`route ${request.routeOptions.url} declares an action but has no :slug`);
  return slug;
}

/**
 * The one place where routes are authorized: each route declares its action in its config
 * (`config: { action: 'discussions.write' }`) and this pre-handler resolves it, so a handler starts
 * with the network or organisation already loaded and the caller allowed. Resource rules (author,
 * moderator, …) are decided by the policies in common/policies/ inside the services.
 */
export function registerAuthorization(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('network', null as unknown as NetworkAccess);
  app.decorateRequest('organisation', null as unknown as OrganisationAccess);

  const checkFor = (action: NetworkAction | OrganisationAction | PlatformAction): preHandlerHookHandler =>
    isPlatformAction(action)
      ? async (request) => {
          if (!request.auth) throw unauthenticated();
          const user = request.auth.user;
          if (!canOnPlatform({ signedIn: true, platformAdmin: user.isPlatformAdmin === 1 }, action))
            throw forbidden();
        }
      : isNetworkAction(action)
        ? async (request) => {
            const access = await loadNetworkAccess(
              ctx,
              request.auth,
              slugOf(request),
              request.preloadedStanding,
            );
            authorizeNetwork(access, action);
            request.network = access;
          }
        : async (request) => {
            // Every organisation action needs an account: say so before looking anything up.
            if (!request.auth) throw unauthenticated();
            request.organisation = await loadOrganisation(ctx, request.auth.user, slugOf(request), action);
          };

  app.addHook('onRoute', (route) => {
    const action = route.config?.action;
    if (!action) return;
    const existing = route.preHandler ? [route.preHandler].flat() : [];
    route.preHandler = [...existing, checkFor(action)];
  });
}
