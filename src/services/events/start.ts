import type { Store } from '../../store/database';
import type { SecretBox } from '../credentials/secret-box';
import { Dispatcher } from './dispatcher';
import { EventsRuntime } from './runtime';
import type { CacheVersions } from '../caches/cache-versions';
import type { EventsSettings } from './settings';

export interface StartedEvents {
  runtime: EventsRuntime;
  /** Stops delivering; rows not yet delivered stay in the outbox for the next start. */
  stop(): Promise<void>;
}

/** Loads the targets, then keeps them fresh and delivers the outbox in the background until stopped. */
export async function startEvents(
  store: Store,
  box: SecretBox,
  settings: EventsSettings,
  now: () => number,
  onError: (error: unknown) => void,
  versions: CacheVersions,
): Promise<StartedEvents> {
  const runtime = new EventsRuntime(store, box, settings, now);
  await runtime.refresh();
  versions.subscribe('targets', () => void runtime.refresh().catch(onError));
  runtime.startRefreshing(onError);
  const dispatcher = new Dispatcher(runtime, onError);
  await dispatcher.releaseStaleClaims();
  dispatcher.start();
  return {
    runtime,
    stop: async () => {
      runtime.stopRefreshing();
      await dispatcher.stop();
    },
  };
}
