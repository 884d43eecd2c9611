import type { Selectable } from 'kysely';

export type DocumentKind = 'agreement' | 'rules';

export interface NetworkDocumentsTable {
  id: string;
  networkId: string;
  kind: DocumentKind;
  version: number;
  title: string;
  body: string;
  /** What changed, in the publisher's words (optional; null for the first version and older rows). */
  summary: string | null;
  publishedBy: string | null;
  publishedAt: string;
}
export type NetworkDocumentRow = Selectable<NetworkDocumentsTable>;

export interface DocumentAcceptancesTable {
  documentId: string;
  userId: string;
  networkId: string;
  acceptedAt: string;
}
