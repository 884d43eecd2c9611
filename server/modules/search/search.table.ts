/** One searchable thing (topic, reply or member), kept in sync by triggers (see the migration). */
export interface SearchDocumentsTable {
  id: number;
  kind: 'topic' | 'reply' | 'member';
  /** Topic id, post id or user id. */
  refId: string;
  /** Null for members (they are found through their memberships). */
  networkId: string | null;
  title: string;
  body: string;
}
