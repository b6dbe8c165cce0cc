import path from 'node:path';

/** How events are delivered; every member has a PLUMBLINE_EVENTS_* setting (see README). */
export interface EventsSettings {
  /** How often the dispatcher looks for due deliveries. */
  pollMs: number;
  /** How often the cache of enabled targets is read again (changes made by other processes). */
  targetsRefreshMs: number;
  /** A webhook that has not answered by then failed this attempt. */
  webhookTimeoutMs: number;
  /** Attempts per event and target before its delivery is marked failed. */
  maxAttempts: number;
  /** The wait after the first failed attempt; it doubles after each further one, up to retryMaxMs. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** File targets write below `<filesDir>/<account id>/`. */
  filesDir: string;
  /** Delivered rows are kept this long to be listed, then removed. */
  deliveredRetentionMs: number;
}

const NUMBERS: Array<[keyof EventsSettings, string, number]> = [
  ['pollMs', 'PLUMBLINE_EVENTS_POLL_MS', 1000],
  ['targetsRefreshMs', 'PLUMBLINE_EVENTS_TARGETS_REFRESH_MS', 5000],
  ['webhookTimeoutMs', 'PLUMBLINE_EVENTS_WEBHOOK_TIMEOUT_MS', 10_000],
  ['maxAttempts', 'PLUMBLINE_EVENTS_MAX_ATTEMPTS', 12],
  ['retryBaseMs', 'PLUMBLINE_EVENTS_RETRY_BASE_MS', 2000],
  ['retryMaxMs', 'PLUMBLINE_EVENTS_RETRY_MAX_MS', 15 * 60_000],
  ['deliveredRetentionMs', 'PLUMBLINE_EVENTS_DELIVERED_RETENTION_MS', 7 * 24 * 3600_000],
];

/** The settings from the environment; `dataDir` may be relative (resolved here). */
export function readEventsSettings(env: NodeJS.ProcessEnv, dataDir: string): EventsSettings {
  const settings = { filesDir: path.resolve(env.PLUMBLINE_EVENTS_DIR || path.join(dataDir, 'events')) } as EventsSettings;
  for (const [member, name, fallback] of NUMBERS) {
    const text = env[name];
    (settings as unknown as Record<string, number>)[member] = text === undefined || text === '' ? fallback : Number(text);
  }
  return settings;
}

/** What is wrong with the settings, by the name of each setting. */
export function eventsSettingsProblems(settings: EventsSettings): string[] {
  return NUMBERS.filter(([member]) => {
    const value = settings[member] as number;
    return !Number.isInteger(value) || value < 1;
  }).map(([, name]) => `${name} must be a whole number of at least 1`);
}
