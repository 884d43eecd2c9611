import type { Generated, Selectable } from 'kysely';
import type { ResourceKind } from '../../../common/resources.ts';

export interface ResourcesTable {
  id: string;
  networkId: string;
  kind: ResourceKind;
  title: string;
  bodySource: string;
  bodyHtml: string;
  /** A link's address (http/https only). */
  url: string | null;
  /** A file's upload; null for pages and links (or once the upload is gone). */
  attachmentId: string | null;
  /** JSON array of lower-case tags. */
  tags: string;
  language: string;
  /** JSON array of expertise area codes. */
  expertise: string;
  region: string | null;
  /** The current revision's number. */
  revision: number;
  /** Position in the network's "start here" list, or null. */
  startHere: number | null;
  /** 0/1: shown read-only in the network's partner networks too. */
  shareWithPartners: number;
  createdBy: string | null;
  createdAt: string;
  updatedBy: string | null;
  updatedAt: string;
  /** Hidden by a moderator: others see that it was hidden, its author still sees it. */
  hiddenAt: string | null;
  hiddenBy: string | null;
}
export type ResourceRow = Selectable<ResourcesTable>;

/** A resource with the names of its authors and its file's facts, as lists and pages read it. */
export interface ResourceListRow extends ResourceRow {
  createdByName: string | null;
  /** Set when the creator's account was erased (shown as a former member); so for the editor. */
  createdByErasedAt: string | null;
  updatedByName: string | null;
  updatedByErasedAt: string | null;
  fileName: string | null;
  fileContentType: string | null;
  fileSize: number | null;
}

/** A resource as a list shows it, with its network's address and name (a partner's shared one names it). */
export type ResourceSummaryRow = Pick<
  ResourceListRow,
  | 'id'
  | 'networkId'
  | 'kind'
  | 'title'
  | 'bodySource'
  | 'url'
  | 'tags'
  | 'language'
  | 'expertise'
  | 'region'
  | 'revision'
  | 'startHere'
  | 'shareWithPartners'
  | 'updatedBy'
  | 'updatedAt'
  | 'updatedByName'
  | 'updatedByErasedAt'
  | 'fileName'
> & { networkSlug?: string; networkName?: string };

export interface ResourceRevisionsTable {
  resourceId: string;
  revision: number;
  networkId: string;
  authorId: string | null;
  title: string;
  bodySource: string;
  url: string | null;
  summary: string;
  revertedFrom: number | null;
  createdAt: string;
}
export type ResourceRevisionRow = Selectable<ResourceRevisionsTable>;
export interface ResourceRevisionListRow extends ResourceRevisionRow {
  authorName: string | null;
  authorErasedAt: string | null;
}

/** This module's column on networks (added by its migration); the typed schema joins it. */
export interface ResourceNetworkColumns {
  /** 1 when only the meta-mentor and office may create and edit resources. */
  resourcesStaffOnly: Generated<number>;
}
