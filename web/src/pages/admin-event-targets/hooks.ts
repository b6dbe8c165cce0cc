import { usePlumbline, usePlumblineList } from '../../api/plumbline-client';
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

/** Every event target of the account, with its delivery state. */
export function useEventTargets() {
  return usePlumblineList<EventTarget>('ListEventTargets', 'EventTargets');
}

/** A target's most recent deliveries, newest first (the first 50). */
export function useDeliveries(targetId: string) {
  const plumbline = usePlumbline();
  return useLoad<{ Deliveries: Delivery[]; NextToken?: string }>(() => plumbline('ListEventDeliveries', { TargetId: targetId, MaxResults: 50 }), [plumbline, targetId]);
}
