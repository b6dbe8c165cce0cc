import { randomUUID } from 'node:crypto';
import type { AuditRecord } from '../../domain/audit/record';
import { EVENT_ACTIONS } from '../../domain/events/actions';
import { buildEvent, receivingAccounts } from '../../domain/events/event';
import type { Trx } from '../../store/database';
import { insertOutboxRows, OUTBOX_PENDING, type OutboxRow } from '../../store/events.repo';
import { loadTargets, type CachedTarget, type EventsRuntime } from './runtime';

/**
 * Whether a successful call of this operation may need outbox rows: false when
 * the operation raises no event, or when the events runtime (the app's) knows
 * that no target is configured (without the store, nothing is known).
 */
export function mayRaiseEvents(runtime: EventsRuntime | undefined, eventName: string): boolean {
  if (!EVENT_ACTIONS.has(eventName)) return false;
  return !runtime || runtime.hasTargets;
}

/**
 * Called by the audit trail inside the transaction of every successful change,
 * right after its record is written, so an event exists exactly when its change
 * committed (the transactional outbox: the dispatcher delivers the rows later).
 *
 * Most calls meet an empty cache of targets and return after a set lookup and a
 * map lookup; the targets come from the store only when no events runtime was
 * started for it (a store used without the app).
 */
export async function enqueueEventsFor(trx: Trx, record: AuditRecord, runtime: EventsRuntime | undefined): Promise<void> {
  if (record.errorCode !== undefined || !mayRaiseEvents(runtime, record.eventName)) return;
  const cached = runtime ? undefined : await loadTargets(trx);
  const targetsOf = (account: string): CachedTarget[] | undefined => (runtime ? runtime.targetsOf(account) : cached!.get(account));
  const now = runtime ? runtime.now() : Date.now();
  const rows: OutboxRow[] = [];
  for (const account of receivingAccounts(record)) {
    const targets = targetsOf(account);
    if (!targets) continue;
    // Patterns never look at the id: it is drawn only for an event some target takes.
    const event = buildEvent(record, account, '');
    let payload: string | undefined;
    for (const target of targets) {
      if (target.match && !target.match(event)) continue;
      if (payload === undefined) {
        event.id = randomUUID();
        payload = JSON.stringify(event);
      }
      rows.push({
        id: randomUUID(),
        target_id: target.id,
        event_id: event.id,
        event_name: record.eventName,
        payload,
        status: OUTBOX_PENDING,
        attempts: 0,
        next_attempt_at: now,
        claimed_until: null,
        claimed_by: null,
        last_error: null,
        created_at: now,
        delivered_at: null,
      });
    }
  }
  await insertOutboxRows(trx, rows);
}
