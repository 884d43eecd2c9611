import type { Selectable } from 'kysely';

export interface AnnouncementsTable {
  id: string;
  networkId: string;
  authorId: string | null;
  title: string;
  bodySource: string;
  bodyHtml: string;
  /** 0/1: pinned ones show on the network home. */
  pinned: number;
  /** 0/1: shown read-only in the network's partner networks too. */
  shareWithPartners: number;
  createdAt: string;
  updatedAt: string;
}
export type AnnouncementRow = Selectable<AnnouncementsTable>;
