import type { EventMatcher } from '../../domain/events/pattern';
import type { Db, Store, Trx } from '../../store/database';
import { enabledTargets, type EventTargetRow } from '../../store/events.repo';
import type { SecretBox } from '../credentials/secret-box';
import { compileStoredPattern } from './target-rules';
import type { EventsSettings } from './settings';

/** An enabled target as the enqueue step needs it: who it belongs to and what it accepts. */
export interface CachedTarget {
  id: string;
  accountId: string;
  /** Absent: every event of the account. */
  match?: EventMatcher;
}

/**
 * What the events module keeps per store in a process: the enabled targets by
 * account, compiled once, so that a change with no target to receive it costs a
 * map lookup. Built in buildApp and carried by ServiceContext (and the audit trail,
 * which queues the events). The cache is read again after every change of targets
 * made in any process (the 'targets' scope of CacheVersions, src/services/caches/),
 * and every `targetsRefreshMs` as a backstop.
 */
export class EventsRuntime {
  private byAccount = new Map<string, CachedTarget[]>();
  private timer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> | undefined;

  constructor(
    readonly store: Store,
    readonly box: SecretBox,
    readonly settings: EventsSettings,
    readonly now: () => number,
  ) {}

  targetsOf(accountId: string): CachedTarget[] | undefined {
    return this.byAccount.get(accountId);
  }

  allTargets(): CachedTarget[] {
    return [...this.byAccount.values()].flat();
  }

  get hasTargets(): boolean {
    return this.byAccount.size > 0;
  }

  /** Reads the enabled targets again; concurrent calls share one read. */
  refresh(): Promise<void> {
    this.refreshing ??= loadTargets(this.store.db)
      .then((map) => {
        this.byAccount = map;
      })
      .finally(() => {
        this.refreshing = undefined;
      });
    return this.refreshing;
  }

  startRefreshing(onError: (error: unknown) => void): void {
    this.timer = setInterval(() => this.refresh().catch(onError), this.settings.targetsRefreshMs);
    this.timer.unref();
  }

  stopRefreshing(): void {
    clearInterval(this.timer);
  }
}

export async function loadTargets(db: Db | Trx): Promise<Map<string, CachedTarget[]>> {
  const map = new Map<string, CachedTarget[]>();
  for (const row of await enabledTargets(db)) {
    const list = map.get(row.account_id) ?? [];
    list.push(cachedTarget(row));
    map.set(row.account_id, list);
  }
  return map;
}

function cachedTarget(row: EventTargetRow): CachedTarget {
  return { id: row.id, accountId: row.account_id, match: compileStoredPattern(row.pattern) };
}
