import { type RawBuilder, sql } from 'kysely';
import type { SearchType } from '../../../common/contracts/search.ts';

/**
 * Who may find each kind of document (alias `d`), checked against the live rows so the index can
 * never show more than the source. `networks` are the networks the searcher takes part in (active
 * member, current agreement accepted): exactly who may read their discussions, announcements,
 * help requests (case consultations included: members only), events and shared resources.
 *
 * Adding a kind (see "Search" in README.md): its triggers in a migration (indexSearchKind), its
 * name in common/search.ts, a rule here, whether its text is Markdown in search.presenter.ts, and
 * its link and labels in the web app.
 */
export interface KindRule {
  /** Whether the document may be shown to someone searching these networks. */
  visible(networks: RawBuilder<unknown>): RawBuilder<unknown>;
  /**
   * For kinds without a network of their own (`network_id` NULL): the searched network it is
   * found through. Kinds with a network are found through `d.network_id`.
   */
  networkOf?(networks: RawBuilder<unknown>): RawBuilder<unknown>;
}

const inNetworks = (networks: RawBuilder<unknown>) => sql`d.network_id IN (${networks})`;
const liveRow = (table: string) => (networks: RawBuilder<unknown>) =>
  sql`(${inNetworks(networks)} AND EXISTS (SELECT 1 FROM ${sql.table(table)} s WHERE s.id = d.ref_id))`;

/** Networks among the searched ones that an organisation runs or partners in. */
const organisationNetworks = (networks: RawBuilder<unknown>) => sql`SELECT n.id FROM networks n
  WHERE n.id IN (${networks}) AND (n.organisation_id = d.ref_id OR EXISTS (
    SELECT 1 FROM network_organisations no WHERE no.network_id = n.id AND no.organisation_id = d.ref_id))`;

export const KIND_RULES: Record<SearchType, KindRule> = {
  topic: {
    visible: (networks) => sql`(${inNetworks(networks)} AND EXISTS (
      SELECT 1 FROM topics t WHERE t.id = d.ref_id AND t.deleted_at IS NULL))`,
  },
  reply: {
    visible: (networks) => sql`(${inNetworks(networks)} AND EXISTS (
      SELECT 1 FROM posts p JOIN topics t ON t.id = p.topic_id
      WHERE p.id = d.ref_id AND p.deleted_at IS NULL AND t.deleted_at IS NULL))`,
  },
  announcement: { visible: liveRow('announcements') },
  help_request: { visible: liveRow('help_requests') },
  event: { visible: liveRow('events') },
  // Everyone inside reads a network's resources (resources.view); a deleted one is gone from the table.
  resource: { visible: liveRow('resources') },
  member: {
    visible: (networks) => sql`EXISTS (
      SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id
      WHERE m.user_id = d.ref_id AND m.status = 'active' AND u.suspended_at IS NULL AND m.network_id IN (${networks}))`,
    networkOf: (networks) => sql`(SELECT MIN(m.network_id) FROM memberships m
      WHERE m.user_id = d.ref_id AND m.status = 'active' AND m.network_id IN (${networks}))`,
  },
  organisation: {
    visible: (networks) => sql`EXISTS (${organisationNetworks(networks)})`,
    networkOf: (networks) => sql`(SELECT MIN(o.id) FROM (${organisationNetworks(networks)}) o)`,
  },
};

/** Kinds found through another table rather than their own `network_id`. */
export const KINDS_WITHOUT_NETWORK = (Object.keys(KIND_RULES) as SearchType[]).filter(
  (kind) => KIND_RULES[kind].networkOf,
);
