import type { ShareRecord } from '../../store/shares.repo';
import { decodeToken, encodeToken } from '../pagination';
import { shareStatus } from './rules';

/** Shares as the API shapes them, and the owner's filtered, paged lists of them. */

export const presentWorkloadShareSummary = (s: ShareRecord, now: number) => ({
  ShareId: s.id,
  SharedWith: s.sharedWith,
  PermissionType: s.permission,
  Status: shareStatus(s, now),
});

export const presentLensShareSummary = (s: ShareRecord, now: number) => ({
  ShareId: s.id,
  SharedWith: s.sharedWith,
  Status: shareStatus(s, now),
});

const isAfterId = (v: unknown): v is { s: string } => typeof v === 'object' && v !== null && typeof (v as { s: unknown }).s === 'string';

export interface ShareListInput {
  SharedWithPrefix?: string;
  Status?: string;
  NextToken?: string;
  MaxResults?: number;
}

/** A page of one resource's shares in share id order (stable while shares come and go). */
export function pageOfShares(shares: ShareRecord[], input: ShareListInput, now: number) {
  const after = decodeToken(input.NextToken, isAfterId)?.s;
  const limit = input.MaxResults ?? 50;
  const matching = shares.filter(
    (s) =>
      (after === undefined || s.id > after) &&
      (!input.SharedWithPrefix || s.sharedWith.startsWith(input.SharedWithPrefix)) &&
      (!input.Status || shareStatus(s, now) === input.Status),
  );
  const items = matching.slice(0, limit);
  return { items, nextToken: matching.length > limit ? encodeToken({ s: items[items.length - 1].id }) : undefined };
}
