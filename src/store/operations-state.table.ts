/** State the running processes share (migration 0012-operations-state). */

/** Work one process at a time may do, and which process does it until when. */
export interface LeasesTable {
  name: string;
  holder: string;
  held_until: number;
}

/** An audit row the store refused, set aside (JSON text) so the others are stored. */
export interface AuditDeadLettersTable {
  event_id: string;
  set_aside_at: number;
  error: string;
  row_json: string;
}

/** A counter per kind of cached state; bumped by every change of that state. */
export interface CacheVersionsTable {
  scope: string;
  version: number;
}
