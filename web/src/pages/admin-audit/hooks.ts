import { useState } from 'react';
import { usePlumbline } from '../../api/plumbline-client';
import { useLoad } from '../commons/use-load';
import type { AuditRecord } from './config';

export interface AuditFilters {
  EventName?: string;
  /** A user name, or a principal's ARN (arn:aws:iam::<account>:root or :user/<name>). */
  Principal?: string;
  ResourceArn?: string;
  StartTime?: number;
  EndTime?: number;
  ReadOnly?: 'true' | 'false';
}

const PAGE_SIZE = 50;

/**
 * The audit trail a page at a time (ListAuditRecords, newest first): the
 * tokens of the pages seen so far are kept so that earlier pages can be opened again.
 */
export function useAuditTrail(filters: AuditFilters) {
  const plumbline = usePlumbline();
  const [tokens, setTokens] = useState<Array<string | undefined>>([undefined]);
  const [page, setPage] = useState(0);
  const [applied, setApplied] = useState(filters);
  // New filters start again from the first page.
  if (applied !== filters) {
    setApplied(filters);
    setTokens([undefined]);
    setPage(0);
  }
  const result = useLoad<{ Records: AuditRecord[]; NextToken?: string; page: number }>(async () => {
    const { Principal, ...rest } = applied;
    const who = Principal?.trim();
    const input = { ...rest, ...(who ? (who.startsWith('arn:') ? { PrincipalArn: who } : { UserName: who }) : {}), MaxResults: PAGE_SIZE, NextToken: tokens[page] };
    return { ...(await plumbline('ListAuditRecords', input)), page };
  }, [plumbline, applied, page]);
  // The previous page stays shown while the next loads: only the current page's token counts.
  const current = result.data?.page === page ? result.data : undefined;
  const next = current?.NextToken;
  if (next && tokens.length === page + 1) setTokens([...tokens, next]);
  return {
    ...result,
    page,
    pagesKnown: tokens.length,
    hasMore: tokens.length > page + 1,
    openPage: (index: number) => setPage(index),
  };
}

/** The trail's size and growth (GetAuditTrailStats). */
export interface TrailStats {
  Records: number;
  ApproximateBytes: number;
  RecordsLastHour: number;
  RecordsLastDay: number;
  RepeatWindowSeconds: number;
}

export function useTrailStats() {
  const plumbline = usePlumbline();
  return useLoad<TrailStats>(() => plumbline('GetAuditTrailStats'), [plumbline]);
}
