import type { Insertable, Selectable } from 'kysely';
import type { LegalKind } from '../../../common/legal.ts';

export interface LegalVersionsTable {
  id: string;
  kind: LegalKind;
  version: number;
  body: string;
  summary: string;
  publishedBy: string | null;
  publishedAt: string;
}
export type LegalVersionRow = Selectable<LegalVersionsTable>;
export type NewLegalVersion = Insertable<LegalVersionsTable>;

export interface LegalAcceptancesTable {
  userId: string;
  kind: LegalKind;
  version: number;
  acceptedAt: string;
}
