import { useSignedFetch } from '../../api/signed-fetch';
import { allPages } from '../commons/all-pages';
import { useLoad } from '../commons/use-load';

export interface EventTarget {
  TargetId: string;
  Name: string;
  Type: 'webhook' | 'file';
  Url?: string;
  Path?: string;
  /** Where a file target's events are written on the server. */
  FilePath?: string;
  Pattern?: unknown;
  Enabled: boolean;
  CreatedAt: number;
  UpdatedAt: number;
  Delivery: {
    Backlog: number;
    FailedCount: number;
    DeliveredCount: number;
    LastAttemptAt?: number;
    LastStatus?: string;
    LastError?: string;
    LastSuccessAt?: number;
  };
}

export interface Delivery {
  DeliveryId: string;
  EventId: string;
  EventName: string;
  Status: string;
  Attempts: number;
  CreatedAt: number;
  NextAttemptAt?: number;
  DeliveredAt?: number;
  LastError?: string;
}

export const TARGETS_PATH = '/_plumbline/admin/event-targets';
export const targetPath = (id: string) => `${TARGETS_PATH}/${encodeURIComponent(id)}`;

/** Every event target of the account, with its delivery state. */
export function useEventTargets() {
  const call = useSignedFetch();
  return useLoad<EventTarget[]>(
    () => allPages((NextToken) => call('GET', TARGETS_PATH, { query: { NextToken, MaxResults: 1000 } }) as Promise<{ EventTargets: EventTarget[]; NextToken?: string }>, (o) => o.EventTargets),
    [call],
  );
}

/** A target's most recent deliveries, newest first (the first 50). */
export function useDeliveries(targetId: string) {
  const call = useSignedFetch();
  return useLoad<{ Deliveries: Delivery[]; NextToken?: string }>(() => call('GET', `${targetPath(targetId)}/deliveries`, { query: { MaxResults: 50 } }), [call, targetId]);
}
