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
  createdAt: string;
  updatedAt: string;
}
export type AnnouncementRow = Selectable<AnnouncementsTable>;
