import type { FastifyReply, FastifyRequest } from 'fastify';
import { ThrottlingError } from '../domain/errors';
import { claimedAccessKeyId } from './audit-call';

/**
 * Throttling in the API's own terms: a 429 ThrottlingException in the wire format,
 * which the SDKs and the CLI back off from and retry.
 *
 * - Token buckets per verified access key, one per kind of call: reads, writes and
 *   expensive calls (reports, lens import and export, Plumbline's export, import and
 *   template application). A bucket holds two seconds' worth of tokens, so short
 *   bursts pass and a steady flood is held to the rate.
 * - Per client address for what has no verified key: the console sign-in, and calls
 *   whose signature did not check out (each failure takes a token; with none left the
 *   address is refused before its next signature is even checked).
 * - One bound on requests in progress across the server, and one on how far the event
 *   loop has fallen behind: past either a call is refused at once (a 429 costs far less
 *   than a call) instead of queueing until its client times out. A busy SQLite server
 *   answers one call at a time, so its backlog shows as event-loop delay, not as
 *   requests in progress; the delay counts from when the sampling timer was due, so a
 *   single long turn of the loop (a burst arriving at once) is cut short too.
 *
 * Our own rather than @fastify/rate-limit: that plugin counts fixed windows in an
 * onRequest hook, before authentication, so it could only key on the access key id a
 * request claims (anyone who knows a key id could then exhaust its owner's limit)
 * and would add a hook to every call.
 */

export type CallKind = 'read' | 'write' | 'expensive' | 'unauthenticated';

export interface ThrottleSettings {
  /** Calls per second per access key (reads, writes, expensive) or per address (unauthenticated); 0 means no limit. */
  read: number;
  write: number;
  expensive: number;
  unauthenticated: number;
  /** Requests in progress at once across the server; 0 means no bound. */
  maxInFlight: number;
  /** Event-loop delay (ms) past which new calls are refused; 0 means no bound. */
  maxDelayMs: number;
}

export const DEFAULT_THROTTLE: ThrottleSettings = { read: 200, write: 100, expensive: 5, unauthenticated: 10, maxInFlight: 512, maxDelayMs: 1000 };

// How often the event loop's delay is sampled.
const DELAY_SAMPLE_MS = 100;

// Seconds of the rate a bucket holds: the burst a client may send at once.
const BURST_SECONDS = 2;
// Past this many buckets, idle (full) ones are forgotten; an address flood cannot grow memory without bound.
const MAX_BUCKETS = 100_000;

const EXPENSIVE_OPERATIONS = new Set([
  'GetLensReviewReport',
  'GetConsolidatedReport',
  'ImportLens',
  'ExportLens',
  'CreateLensVersion',
  // Plumbline's own (src/api/model/plumbline-api.json).
  'GetLensReviewExport',
  'GetWorkloadExport',
  'ImportWorkload',
  'ApplyReviewTemplate',
  'ImportCheckResults',
]);

/** The kind of an API operation, by the model's naming: Get and List read, reports and lens files are expensive. */
export function kindOfOperation(name: string): CallKind {
  if (EXPENSIVE_OPERATIONS.has(name)) return 'expensive';
  return name.startsWith('Get') || name.startsWith('List') ? 'read' : 'write';
}

/** The kind of a call to one of the routes outside the pipeline (health, readiness, the console's files), by its method. */
export function kindOfOwnRoute(method: string): CallKind {
  return method === 'GET' || method === 'HEAD' ? 'read' : 'write';
}

interface Bucket {
  tokens: number;
  at: number;
}

export class Throttle {
  private readonly buckets = new Map<string, Bucket>();
  private inFlight = 0;
  private readonly entered = new WeakSet<FastifyRequest>();
  /** The event loop's latest delay: how late the last sampling timer fired. */
  private delayMs = 0;
  /** When (performance.now()) the sampling timer is due: a loop still busy past it is that far behind already. */
  private sampleDueAt = 0;
  private sampler: NodeJS.Timeout | undefined;

  constructor(
    readonly settings: ThrottleSettings,
    private readonly now: () => number = Date.now,
  ) {
    if (settings.maxDelayMs) this.sampleDelay(performance.now());
  }

  private sampleDelay(expectedAt: number): void {
    this.sampleDueAt = expectedAt + DELAY_SAMPLE_MS;
    this.sampler = setTimeout(() => {
      const at = performance.now();
      this.delayMs = Math.max(0, at - expectedAt - DELAY_SAMPLE_MS);
      this.sampleDelay(at);
    }, DELAY_SAMPLE_MS).unref();
  }

  /** Stops sampling (on app close). */
  stop(): void {
    if (this.sampler) clearTimeout(this.sampler);
    this.sampler = undefined;
  }

  private capacity(kind: CallKind): number {
    return Math.max(1, this.settings[kind] * BURST_SECONDS);
  }

  /** The bucket refilled to now; undefined when the kind has no limit. */
  private bucket(kind: CallKind, key: string, create: boolean): Bucket | undefined {
    const rate = this.settings[kind];
    if (!rate) return undefined;
    const id = `${kind} ${key}`;
    const now = this.now();
    let bucket = this.buckets.get(id);
    if (!bucket) {
      if (!create) return undefined;
      if (this.buckets.size >= MAX_BUCKETS) this.forgetIdle();
      bucket = { tokens: this.capacity(kind), at: now };
      this.buckets.set(id, bucket);
      return bucket;
    }
    bucket.tokens = Math.min(this.capacity(kind), bucket.tokens + ((now - bucket.at) / 1000) * rate);
    bucket.at = now;
    return bucket;
  }

  private forgetIdle(): void {
    const now = this.now();
    for (const [id, bucket] of this.buckets) {
      const kind = id.slice(0, id.indexOf(' ')) as CallKind;
      if (bucket.tokens + ((now - bucket.at) / 1000) * this.settings[kind] >= this.capacity(kind)) this.buckets.delete(id);
    }
    // Every bucket busy: a flood of distinct keys; start over rather than grow.
    if (this.buckets.size >= MAX_BUCKETS) this.buckets.clear();
  }

  /** Takes one call's token from the key's bucket of that kind; throws ThrottlingException when it is empty. */
  take(kind: CallKind, key: string): void {
    const bucket = this.bucket(kind, key, true);
    if (!bucket) return;
    if (bucket.tokens < 1) throw rateExceeded(kind);
    bucket.tokens -= 1;
  }

  /** Takes a token if there is one, never throwing: a failure that spends the caller's allowance. */
  spend(kind: CallKind, key: string): void {
    const bucket = this.bucket(kind, key, true);
    if (bucket && bucket.tokens >= 1) bucket.tokens -= 1;
  }

  /** Throws ThrottlingException when the key's bucket of that kind is empty, taking nothing. */
  refuseIfEmpty(kind: CallKind, key: string): void {
    const bucket = this.bucket(kind, key, false);
    if (bucket && bucket.tokens < 1) throw rateExceeded(kind);
  }

  /** Counts a request in progress; throws ThrottlingException when the server already has its bound. Pair with leave(). */
  enter(): void {
    const max = this.settings.maxInFlight;
    if (max && this.inFlight >= max) {
      throw new ThrottlingError(`The server is busy (${max} requests in progress): retry after a short wait`);
    }
    if (this.settings.maxDelayMs) {
      const behind = this.behindMs();
      if (behind > this.settings.maxDelayMs) throw new ThrottlingError(`The server is busy (answering ${Math.round(behind)} ms behind): retry after a short wait`);
    }
    this.inFlight++;
  }

  /**
   * How far the event loop is behind: the last sample, or more when the sampling timer
   * is overdue now. A burst's calls can all arrive in one turn of the loop, and
   * SQLite's work is synchronous, so they would all be served before the timer could
   * fire and tell of the delay; counting the overdue time refuses the rest of that
   * turn once it has run too long.
   */
  private behindMs(): number {
    if (!this.sampler) return 0;
    return Math.max(this.delayMs, performance.now() - this.sampleDueAt);
  }


  leave(): void {
    this.inFlight--;
  }

  /** enter() and leave() as hooks of a Fastify scope (Plumbline's own routes). */
  readonly onRequest = (request: FastifyRequest, _reply: FastifyReply, done: (error?: Error) => void): void => {
    try {
      this.enter();
      this.entered.add(request);
      this.take(kindOfOwnRouteOrSignIn(request), ownRouteKey(request));
      done();
    } catch (error) {
      done(error as Error);
    }
  };

  readonly onResponse = (request: FastifyRequest, _reply: FastifyReply, done: () => void): void => {
    if (this.entered.delete(request)) this.leave();
    done();
  };
}

const rateExceeded = (kind: CallKind) =>
  new ThrottlingError(
    kind === 'unauthenticated'
      ? 'Rate exceeded: too many unauthenticated or failed calls from this address; retry after a short wait'
      : `Rate exceeded: too many ${kind === 'expensive' ? 'report, import and export' : kind} calls for this access key; retry after a short wait`,
  );

const UNSIGNED_OWN_ROUTES = new Set(['/_plumbline/console/sign-in', '/_plumbline/health']);

const pathOf = (request: FastifyRequest) => {
  const url = request.raw.url ?? '/';
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
};

function kindOfOwnRouteOrSignIn(request: FastifyRequest): CallKind {
  const path = pathOf(request);
  return UNSIGNED_OWN_ROUTES.has(path) ? 'unauthenticated' : kindOfOwnRoute(request.method);
}

/**
 * Own routes authenticate inside their handlers, after this hook: the key here is
 * the access key id the request claims, paired with its address, so that nobody
 * can use up the limit of someone else's key from another address.
 */
function ownRouteKey(request: FastifyRequest): string {
  if (UNSIGNED_OWN_ROUTES.has(pathOf(request))) return request.ip;
  return `${claimedAccessKeyId(request) ?? '-'} ${request.ip}`;
}
