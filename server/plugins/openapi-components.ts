import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import * as accountData from '../../common/contracts/account-data.ts';
import * as activities from '../../common/contracts/activities.ts';
import * as apiError from '../../common/contracts/api-error.ts';
import * as auth from '../../common/contracts/auth.ts';
import * as buddies from '../../common/contracts/buddies.ts';
import * as directory from '../../common/contracts/directory.ts';
import * as discussions from '../../common/contracts/discussions.ts';
import * as documents from '../../common/contracts/documents.ts';
import * as events from '../../common/contracts/events.ts';
import * as goals from '../../common/contracts/goals.ts';
import * as helpRequests from '../../common/contracts/help-requests.ts';
import * as invitations from '../../common/contracts/invitations.ts';
import * as legal from '../../common/contracts/legal.ts';
import * as messages from '../../common/contracts/messages.ts';
import * as moderation from '../../common/contracts/moderation.ts';
import * as mooc from '../../common/contracts/mooc.ts';
import * as networkHealth from '../../common/contracts/network-health.ts';
import * as networks from '../../common/contracts/networks.ts';
import * as notifications from '../../common/contracts/notifications.ts';
import * as office from '../../common/contracts/office.ts';
import * as operations from '../../common/contracts/operations.ts';
import * as partnerships from '../../common/contracts/partnerships.ts';
import * as passkeys from '../../common/contracts/passkeys.ts';
import * as platformSettings from '../../common/contracts/platform-settings.ts';
import * as privacy from '../../common/contracts/privacy.ts';
import * as profiles from '../../common/contracts/profiles.ts';
import * as progression from '../../common/contracts/progression.ts';
import * as push from '../../common/contracts/push.ts';
import * as realtime from '../../common/contracts/realtime.ts';
import * as reports from '../../common/contracts/reports.ts';
import * as resources from '../../common/contracts/resources.ts';
import * as roadmap from '../../common/contracts/roadmap.ts';
import * as search from '../../common/contracts/search.ts';
import * as tour from '../../common/contracts/tour.ts';
import * as url from '../../common/contracts/url.ts';
import * as volunteerRecords from '../../common/contracts/volunteer-records.ts';

/** Every contract file (a test checks that none is missing). */
export const CONTRACT_MODULES: Record<string, Record<string, unknown>> = {
  'account-data': accountData,
  activities,
  'api-error': apiError,
  auth,
  buddies,
  directory,
  discussions,
  documents,
  events,
  goals,
  'help-requests': helpRequests,
  invitations,
  legal,
  messages,
  moderation,
  mooc,
  'network-health': networkHealth,
  networks,
  notifications,
  office,
  operations,
  passkeys,
  partnerships,
  'platform-settings': platformSettings,
  privacy,
  profiles,
  progression,
  push,
  realtime,
  reports,
  resources,
  roadmap,
  search,
  tour,
  url,
  'volunteer-records': volunteerRecords,
};

/** A WeakMap that answers from another one for keys it does not hold. */
class FallbackWeakMap<K extends object, V> extends WeakMap<K, V> {
  constructor(private readonly fallback: WeakMap<K, V>) {
    super();
  }
  override get(key: K): V | undefined {
    return super.get(key) ?? this.fallback.get(key);
  }
  override has(key: K): boolean {
    return super.has(key) || this.fallback.has(key);
  }
}

/**
 * The contract schemas under their exported names, as OpenAPI components. A registry of its own
 * rather than ids in zod's global one: the serializers turn the same schemas into JSON Schema and
 * must not start seeing references. Descriptions still come from the global registry.
 * Schemas of path, query and header parameters are left out: parameters are listed field by field.
 */
export function componentRegistry(
  parameterSchemas: ReadonlySet<unknown>,
): z.core.$ZodRegistry<z.core.GlobalMeta> {
  const registry = z.registry<z.core.GlobalMeta>();
  registry._map = new FallbackWeakMap(z.globalRegistry._map);
  // The exported name; a name two files give to different schemas gets its file's name in front.
  const byName = new Map<string, Set<unknown>>();
  for (const contracts of Object.values(CONTRACT_MODULES)) {
    for (const [name, schema] of Object.entries(contracts)) {
      if (schema instanceof z.ZodType) byName.set(name, (byName.get(name) ?? new Set()).add(schema));
    }
  }
  const pascal = (file: string) => file.replace(/(^|-)(\w)/g, (_, _dash, c: string) => c.toUpperCase());
  for (const [file, contracts] of Object.entries(CONTRACT_MODULES)) {
    for (const [name, schema] of Object.entries(contracts)) {
      if (!(schema instanceof z.ZodType) || parameterSchemas.has(schema)) continue;
      if (registry._map.has(schema) && registry.get(schema)?.id) continue;
      const id = (byName.get(name)?.size ?? 0) > 1 ? pascal(file) + name : name;
      registry.add(schema, { ...z.globalRegistry.get(schema), id });
    }
  }
  return registry;
}

type Json = Record<string, unknown>;
const REF = '#/components/schemas/';

/** Calls `visit` for every component `$ref` under `node`, rewriting it when `visit` answers a new name. */
function visitRefs(node: unknown, visit: (name: string) => string | undefined): void {
  if (typeof node !== 'object' || node === null) return;
  if (Array.isArray(node)) {
    for (const item of node) visitRefs(item, visit);
    return;
  }
  const object = node as Json;
  if (typeof object.$ref === 'string' && object.$ref.startsWith(REF)) {
    const renamed = visit(object.$ref.slice(REF.length));
    if (renamed) object.$ref = REF + renamed;
  }
  for (const value of Object.values(object)) visitRefs(value, visit);
}

/**
 * Tidies the components the zod transform wrote: each contract schema comes out twice, as read
 * (`NameInput`) and as written (`Name`). The read one goes where both say the same, takes the plain
 * name where only it is used, and every schema no operation reaches is left out.
 */
export function tidyComponents(document: Json): Json {
  const components = document.components as { schemas?: Record<string, unknown> } | undefined;
  const schemas = components?.schemas;
  if (!schemas) return document;
  const renameEverywhere = (from: string, to: string) =>
    visitRefs(document, (name) => (name === from ? to : undefined));
  // Merging one pair can make the next pair equal (refs inside it changed): repeat until nothing moves.
  for (let changed = true; changed; ) {
    changed = false;
    for (const name of Object.keys(schemas)) {
      const plain = name.replace(/Input$/, '');
      if (plain === name || !(plain in schemas)) continue;
      if (!isDeepStrictEqual(schemas[name], schemas[plain])) continue;
      delete schemas[name];
      renameEverywhere(name, plain);
      changed = true;
    }
  }
  // Reachable from the operations (through other components too).
  const used = new Set<string>();
  const reach = (node: unknown) =>
    visitRefs(node, (name) => {
      if (used.has(name)) return undefined;
      used.add(name);
      reach(schemas[name]);
      return undefined;
    });
  reach(document.paths);
  reach(components && { ...components, schemas: undefined });
  for (const name of Object.keys(schemas)) if (!used.has(name)) delete schemas[name];
  for (const name of Object.keys(schemas)) {
    const plain = name.replace(/Input$/, '');
    if (plain === name || plain in schemas) continue;
    schemas[plain] = schemas[name];
    delete schemas[name];
    renameEverywhere(name, plain);
  }
  components.schemas = Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b)));
  return document;
}
