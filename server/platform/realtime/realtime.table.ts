/** Events too large for a NOTIFY payload, parked briefly for other instances to load by id. */
export interface RealtimeOutboxTable {
  id: string;
  room: string;
  /** The event as JSON. */
  event: string;
  createdAt: string;
}
