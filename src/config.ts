import path from 'node:path';
import { DEFAULT_THROTTLE, type ThrottleSettings } from './api/throttle';
import { eventsSettingsProblems, readEventsSettings, type EventsSettings } from './services/events/settings';
import { ACCOUNT_ID } from './domain/arn';

/** Every setting Plumbline reads, with its default. The README lists them. */
export interface Config {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl?: string;
  region: string;
  accountId: string;
  rootAccessKeyId?: string;
  rootSecretAccessKey?: string;
  masterKey?: string;
  logLevel: string;
  /** Hours a console sign-in lasts. */
  consoleSessionHours: number;
  /** The built console served at /console/ (web/dist when unset). */
  consoleDir?: string;
  /** Days audit records are kept; 0 keeps them forever. */
  auditRetentionDays: number;
  /** Repeats of one failure (same key, address and error) within this many seconds become one audit record; 0 records each. */
  auditRepeatWindowSeconds: number;
  /** Longest X-Amz-Expires a presigned URL may ask for, in seconds (the SDKs allow up to 7 days). */
  presignMaxSeconds: number;
  /** PEM files to serve HTTPS with (PLUMBLINE_TLS_CERT, PLUMBLINE_TLS_KEY); plain HTTP when unset. */
  tls?: { cert: string; key: string };
  /** Token-bucket rates and the in-flight bound (PLUMBLINE_THROTTLE_*, PLUMBLINE_MAX_IN_FLIGHT; src/api/throttle.ts). */
  throttle: ThrottleSettings;
  /** Event delivery: poll interval, retries, timeouts, file directory (PLUMBLINE_EVENTS_*). */
  events: EventsSettings;
  /** The largest scanner file a checks import takes, in bytes. */
  checksMaxBytes: number;
  /** Worker processes sharing the port (PLUMBLINE_WORKERS; src/server/cluster.ts). */
  workers: number;
}

const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const config: Config = {
    host: env.HOST ?? '127.0.0.1',
    port: Number(env.PORT ?? 8080),
    dataDir: path.resolve(env.PLUMBLINE_DATA_DIR ?? './data'),
    databaseUrl: env.PLUMBLINE_DATABASE_URL || undefined,
    region: env.PLUMBLINE_REGION ?? 'us-east-1',
    accountId: env.PLUMBLINE_ACCOUNT_ID ?? '111122223333',
    rootAccessKeyId: env.PLUMBLINE_ROOT_ACCESS_KEY_ID || undefined,
    rootSecretAccessKey: env.PLUMBLINE_ROOT_SECRET_ACCESS_KEY || undefined,
    masterKey: env.PLUMBLINE_MASTER_KEY || undefined,
    logLevel: env.PLUMBLINE_LOG_LEVEL ?? 'info',
    consoleSessionHours: Number(env.PLUMBLINE_CONSOLE_SESSION_HOURS || 8),
    consoleDir: env.PLUMBLINE_CONSOLE_DIR ? path.resolve(env.PLUMBLINE_CONSOLE_DIR) : undefined,
    auditRetentionDays: Number(env.PLUMBLINE_AUDIT_RETENTION_DAYS || 90),
    auditRepeatWindowSeconds: Number(env.PLUMBLINE_AUDIT_REPEAT_WINDOW_SECONDS ?? 60),
    presignMaxSeconds: Number(env.PLUMBLINE_PRESIGN_MAX_SECONDS || 3600),
    tls: env.PLUMBLINE_TLS_CERT || env.PLUMBLINE_TLS_KEY ? { cert: path.resolve(env.PLUMBLINE_TLS_CERT ?? ''), key: path.resolve(env.PLUMBLINE_TLS_KEY ?? '') } : undefined,
    throttle: {
      read: Number(env.PLUMBLINE_THROTTLE_READS ?? DEFAULT_THROTTLE.read),
      write: Number(env.PLUMBLINE_THROTTLE_WRITES ?? DEFAULT_THROTTLE.write),
      expensive: Number(env.PLUMBLINE_THROTTLE_EXPENSIVE ?? DEFAULT_THROTTLE.expensive),
      unauthenticated: Number(env.PLUMBLINE_THROTTLE_UNAUTHENTICATED ?? DEFAULT_THROTTLE.unauthenticated),
      maxInFlight: Number(env.PLUMBLINE_MAX_IN_FLIGHT ?? DEFAULT_THROTTLE.maxInFlight),
      maxDelayMs: Number(env.PLUMBLINE_MAX_DELAY_MS ?? DEFAULT_THROTTLE.maxDelayMs),
    },
    events: readEventsSettings(env, env.PLUMBLINE_DATA_DIR ?? './data'),
    checksMaxBytes: Number(env.PLUMBLINE_CHECKS_MAX_BYTES || 1024 ** 3),
    workers: Number(env.PLUMBLINE_WORKERS || 1),
  };
  const problems: string[] = [...eventsSettingsProblems(config.events)];
  if (!Number.isInteger(config.port) || config.port < 0 || config.port > 65535) problems.push('PORT must be a port number (0-65535)');
  if (!Number.isInteger(config.auditRetentionDays) || config.auditRetentionDays < 0) {
    problems.push('PLUMBLINE_AUDIT_RETENTION_DAYS must be a whole number of days (0 keeps audit records forever)');
  }
  if (!Number.isInteger(config.auditRepeatWindowSeconds) || config.auditRepeatWindowSeconds < 0 || config.auditRepeatWindowSeconds > 3600) {
    problems.push('PLUMBLINE_AUDIT_REPEAT_WINDOW_SECONDS must be a whole number of seconds from 0 (record every failure) to 3600');
  }
  if (!Number.isFinite(config.consoleSessionHours) || config.consoleSessionHours <= 0 || config.consoleSessionHours > 720) {
    problems.push('PLUMBLINE_CONSOLE_SESSION_HOURS must be a number of hours above 0 and at most 720');
  }
  if (!Number.isInteger(config.checksMaxBytes) || config.checksMaxBytes < 1) problems.push('PLUMBLINE_CHECKS_MAX_BYTES must be a whole number of bytes above 0');
  if (!Number.isInteger(config.workers) || config.workers < 1 || config.workers > 64) problems.push('PLUMBLINE_WORKERS must be a whole number from 1 to 64');
  if (!Number.isInteger(config.presignMaxSeconds) || config.presignMaxSeconds < 1 || config.presignMaxSeconds > 604800) {
    problems.push('PLUMBLINE_PRESIGN_MAX_SECONDS must be a whole number of seconds from 1 to 604800 (7 days, the most a SigV4 presigned URL can ask for)');
  }
  if (Boolean(env.PLUMBLINE_TLS_CERT) !== Boolean(env.PLUMBLINE_TLS_KEY)) problems.push('PLUMBLINE_TLS_CERT and PLUMBLINE_TLS_KEY must be set together');
  for (const [name, value] of throttleSettingNames(config.throttle)) {
    if (!Number.isFinite(value) || value < 0) problems.push(`${name} must be a number, 0 or more (0: no limit)`);
  }
  if (!ACCOUNT_ID.test(config.accountId)) problems.push('PLUMBLINE_ACCOUNT_ID must be 12 digits');
  if (!REGION.test(config.region)) problems.push('PLUMBLINE_REGION must look like us-east-1');
  if (Boolean(config.rootAccessKeyId) !== Boolean(config.rootSecretAccessKey)) {
    problems.push('PLUMBLINE_ROOT_ACCESS_KEY_ID and PLUMBLINE_ROOT_SECRET_ACCESS_KEY must be set together');
  }
  if (config.rootAccessKeyId && !/^[A-Z0-9]{16,128}$/.test(config.rootAccessKeyId)) {
    problems.push('PLUMBLINE_ROOT_ACCESS_KEY_ID must be 16-128 upper-case letters and digits');
  }
  if (config.rootAccessKeyId?.startsWith('PLBS')) {
    problems.push('PLUMBLINE_ROOT_ACCESS_KEY_ID must not start with PLBS (the prefix of console session keys)');
  }
  if (config.rootSecretAccessKey && config.rootSecretAccessKey.length < 8) {
    problems.push('PLUMBLINE_ROOT_SECRET_ACCESS_KEY must be at least 8 characters');
  }
  if (problems.length) throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  return config;
}

/** Each throttle setting's environment variable and its value in `t`. */
export const throttleSettingNames = (t: ThrottleSettings): Array<[string, number]> => [
  ['PLUMBLINE_THROTTLE_READS', t.read],
  ['PLUMBLINE_THROTTLE_WRITES', t.write],
  ['PLUMBLINE_THROTTLE_EXPENSIVE', t.expensive],
  ['PLUMBLINE_THROTTLE_UNAUTHENTICATED', t.unauthenticated],
  ['PLUMBLINE_MAX_IN_FLIGHT', t.maxInFlight],
  ['PLUMBLINE_MAX_DELAY_MS', t.maxDelayMs],
];
