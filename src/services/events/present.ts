import { OUTBOX_DELIVERED, OUTBOX_FAILED, OUTBOX_PENDING, outboxCounts, type EventTargetRow, type OutboxRow } from '../../store/events.repo';
import type { ServiceContext } from '../context';
import { seconds } from '../pagination';
import { targetFile } from './delivery';

/** Targets and deliveries as the admin API shows them: times in epoch seconds like the rest of the API. */

const optional = <T>(name: string, value: T | null | undefined) => (value === null || value === undefined ? {} : { [name]: value });

export async function presentTargets(ctx: ServiceContext, rows: EventTargetRow[]) {
  const counts = await outboxCounts(ctx.store.db, rows.map((row) => row.id));
  const filesDir = ctx.events?.settings.filesDir;
  return rows.map((row) => {
    const count = counts.get(row.id) ?? {};
    return {
      TargetId: row.id,
      AccountId: row.account_id,
      Name: row.name,
      Type: row.type,
      ...optional('Url', row.url),
      ...optional('Path', row.path),
      ...(row.path !== null && filesDir ? { FilePath: targetFile(filesDir, row.account_id, row.path) } : {}),
      ...(row.pattern !== null ? { Pattern: JSON.parse(row.pattern) as unknown } : {}),
      Enabled: row.enabled === 1,
      CreatedAt: seconds(row.created_at),
      UpdatedAt: seconds(row.updated_at),
      Delivery: {
        Backlog: count[OUTBOX_PENDING] ?? 0,
        FailedCount: count[OUTBOX_FAILED] ?? 0,
        DeliveredCount: count[OUTBOX_DELIVERED] ?? 0,
        ...optional('LastAttemptAt', row.last_attempt_at === null ? null : seconds(row.last_attempt_at)),
        ...optional('LastStatus', row.last_status),
        ...optional('LastError', row.last_error),
        ...optional('LastSuccessAt', row.last_success_at === null ? null : seconds(row.last_success_at)),
      },
    };
  });
}

/** A pending row a process holds (its lease not ended) is shown as claimed: by which process, until when. */
export function presentDelivery(row: OutboxRow, now: number) {
  const claimed = row.status === OUTBOX_PENDING && row.claimed_until !== null && row.claimed_until >= now;
  return {
    DeliveryId: row.id,
    EventId: row.event_id,
    EventName: row.event_name,
    Status: row.status,
    Attempts: row.attempts,
    CreatedAt: seconds(row.created_at),
    ...(row.status === OUTBOX_PENDING ? { NextAttemptAt: seconds(row.next_attempt_at) } : {}),
    ...optional('DeliveredAt', row.delivered_at === null ? null : seconds(row.delivered_at)),
    ...optional('LastError', row.last_error),
    ...(claimed ? { Claim: { ClaimedBy: row.claimed_by ?? 'unknown', ClaimedUntil: seconds(row.claimed_until!) } } : {}),
  };
}
