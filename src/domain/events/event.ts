import type { AuditRecord } from '../audit/record';
import { EVENT_DETAIL_TYPE, EVENT_SOURCE } from './actions';

/** An event as the user guide's samples show it: an envelope around the CloudTrail record. */
export interface WellArchitectedEvent {
  version: '0';
  id: string;
  'detail-type': typeof EVENT_DETAIL_TYPE;
  source: typeof EVENT_SOURCE;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: AuditRecord;
}

/** The event one account receives for a recorded call. */
export function buildEvent(record: AuditRecord, account: string, id: string): WellArchitectedEvent {
  return {
    version: '0',
    id,
    'detail-type': EVENT_DETAIL_TYPE,
    source: EVENT_SOURCE,
    account,
    time: record.eventTime,
    region: record.awsRegion,
    resources: record.resources ?? [],
    detail: record,
  };
}

/**
 * The accounts that receive an event: the account whose resource changed and, for
 * a call on a resource shared from another account, the caller's account too (both
 * see the call in their trails, as with CloudTrail's cross-account calls).
 */
export function receivingAccounts(record: AuditRecord): string[] {
  const owner = record.recipientAccountId;
  const caller = record.userIdentity.accountId;
  return owner === caller || !caller ? [owner] : [owner, caller];
}
