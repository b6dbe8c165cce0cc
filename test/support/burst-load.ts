import type { IncomingHttpHeaders } from 'node:http';
import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * The burst's load generator, run in a process of its own (so that its work never
 * shows as the server's latency): CONNECTIONS keep-alive sockets, all opened at
 * once, each sending the same pre-signed request again as soon as the previous one
 * is answered, for SECONDS; optionally more join once it is under way, as new clients
 * of a server under a flood would. A request not answered within TIMEOUT_MS (on a new
 * connection counted from before it connects, so a slow handshake counts) is a timeout
 * and its socket is dropped; the next one on that slot opens a new connection.
 *
 * Reads one JSON BurstSpec on stdin and writes one JSON BurstResult on stdout.
 * bench/burst.ts (npm run bench:burst) and test/api/burst.test.ts drive it.
 */

export interface BurstSpec {
  url: string;
  connections: number;
  seconds: number;
  timeoutMs: number;
  request: { method: string; path: string; headers: Record<string, string>; body?: string };
  /** More clients that join the burst once it is under way (each opening its own connection then). */
  joining?: { connections: number; afterMs: number };
}

/** One kind of answer: the status, x-amzn-ErrorType, and the body's members and Message (up to its first colon, numbers as N). */
export interface AnswerKind {
  status: number;
  errorType: string | undefined;
  members: string[];
  message: string | undefined;
  count: number;
  /** One whole answer of this kind, for the report. */
  example: { headers: IncomingHttpHeaders; body: string };
}

export interface BurstResult {
  sent: number;
  ok: number;
  throttled: number;
  other: number;
  timeouts: number;
  /** Where the timed-out requests were: still connecting, or connected and unanswered. */
  timeoutsAt: { connecting: number; awaitingAnswer: number };
  /** Connection errors (reset, refused) by code. */
  errors: Record<string, number>;
  kinds: AnswerKind[];
  /** Milliseconds from hand-off to the whole answer: percentiles (p50, p90, p99, max) of each outcome. */
  latency: { ok: Percentiles; throttled: Percentiles; all: Percentiles };
  /** The same for the first request on each new connection (the connect included), and for every later one. */
  firstOnConnection: Percentiles;
  reused: Percentiles;
  /** Milliseconds from the first request's start to an open connection (the TCP handshake), for each new one. */
  connect: Percentiles;
  /** The first answer of each client that joined under way (a timeout counts as the timeout). */
  joiningFirst: Percentiles;
  /** Connections opened (one per slot, more when a timeout or error dropped one). */
  connectionsOpened: number;
  elapsedSeconds: number;
  /** The generator's own CPU time per request in microseconds: if it nears a core's worth, it is the bottleneck. */
  clientCpuUsPerRequest: number;
}

export interface Percentiles {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export function percentiles(values: number[]): Percentiles {
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => (sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]) : 0);
  return { count: sorted.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: sorted.length ? Math.round(sorted[sorted.length - 1]) : 0 };
}

function kindKey(status: number, headers: IncomingHttpHeaders, body: string): Omit<AnswerKind, 'count' | 'example'> {
  const errorType = headers['x-amzn-errortype'] as string | undefined;
  if (status === 200) return { status, errorType, members: [], message: undefined };
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(body) as Record<string, unknown>;
  } catch {
    // Not JSON: its kind is its status and headers alone.
  }
  const message = typeof parsed.Message === 'string' ? parsed.Message.split(':')[0].replace(/\d+/g, 'N') : undefined;
  return { status, errorType, members: Object.keys(parsed).sort(), message };
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * One keep-alive connection speaking just enough HTTP/1.1 for the burst: the request's
 * bytes written as they are, one at a time, each answer framed by its Content-Length.
 * Much cheaper per call than node:http's client, so the generator is not what limits
 * the burst on a machine it shares with the server.
 */
class Connection {
  private readonly socket: Socket;
  private buffer: Buffer = Buffer.alloc(0);
  private waiting: ((answer: Answer | NodeJS.ErrnoException) => void) | undefined;
  connectedAt: number | undefined;
  closed = false;

  constructor(host: string, port: number) {
    this.socket = connect({ host, port });
    this.socket.setNoDelay(true);
    this.socket.on('connect', () => (this.connectedAt = performance.now()));
    this.socket.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
      this.parse();
    });
    this.socket.on('error', (error: NodeJS.ErrnoException) => this.fail(error));
    this.socket.on('close', () => this.fail(Object.assign(new Error('closed by the server'), { code: 'CLOSED' })));
  }

  private fail(error: NodeJS.ErrnoException): void {
    this.closed = true;
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.(error);
  }

  private parse(): void {
    const headEnd = this.buffer.indexOf('\r\n\r\n');
    if (headEnd === -1 || !this.waiting) return;
    const [statusLine, ...lines] = this.buffer.subarray(0, headEnd).toString('latin1').split('\r\n');
    const headers: IncomingHttpHeaders = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    if (headers['transfer-encoding']) return this.fail(Object.assign(new Error('a chunked answer'), { code: 'CHUNKED' }));
    const end = headEnd + 4 + Number(headers['content-length'] ?? 0);
    if (this.buffer.length < end) return;
    const body = this.buffer.subarray(headEnd + 4, end).toString('utf8');
    this.buffer = this.buffer.subarray(end);
    const waiting = this.waiting;
    this.waiting = undefined;
    if (headers.connection === 'close') this.close();
    waiting({ status: Number(statusLine.split(' ')[1]), headers, body });
  }

  exchange(bytes: Buffer): Promise<Answer | NodeJS.ErrnoException> {
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.socket.write(bytes);
    });
  }

  close(): void {
    this.closed = true;
    this.socket.destroy();
  }
}

function requestBytes(request: BurstSpec['request']): Buffer {
  const headers = Object.entries(request.headers).filter(([name]) => name.toLowerCase() !== 'content-length');
  if (request.body !== undefined) headers.push(['content-length', String(Buffer.byteLength(request.body))]);
  const head = [`${request.method} ${request.path} HTTP/1.1`, ...headers.map(([name, value]) => `${name}: ${value}`), '', ''].join('\r\n');
  return Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from(request.body ?? '', 'utf8')]);
}

export async function runBurst(spec: BurstSpec): Promise<BurstResult> {
  const { hostname, port } = new URL(spec.url);
  const bytes = requestBytes(spec.request);
  const latencies = { ok: [] as number[], throttled: [] as number[], all: [] as number[] };
  const first: number[] = [];
  const reused: number[] = [];
  const connects: number[] = [];
  const kinds = new Map<string, AnswerKind>();
  const errors: Record<string, number> = {};
  let sent = 0;
  let timeouts = 0;
  const timeoutsAt = { connecting: 0, awaitingAnswer: 0 };
  let other = 0;
  let connectionsOpened = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const endAt = started + spec.seconds * 1000;

  const record = (answer: Answer, ms: number, fresh: boolean) => {
    const kind = kindKey(answer.status, answer.headers, answer.body);
    const key = JSON.stringify(kind);
    const seen = kinds.get(key);
    if (seen) seen.count++;
    else kinds.set(key, { ...kind, count: 1, example: { headers: answer.headers, body: answer.body } });
    latencies.all.push(ms);
    if (answer.status === 200) latencies.ok.push(ms);
    else if (answer.status === 429) latencies.throttled.push(ms);
    else other++;
    (fresh ? first : reused).push(ms);
  };

  const joiningFirst: number[] = [];
  const slot = async (joining = false) => {
    let connection: Connection | undefined;
    let firstOfSlot = joining;
    while (performance.now() < endAt) {
      const at = performance.now();
      const fresh = !connection || connection.closed;
      if (fresh) {
        connection = new Connection(hostname, Number(port));
        connectionsOpened++;
      }
      const open = connection!;
      sent++;
      let timer: NodeJS.Timeout | undefined;
      const answer = await Promise.race([open.exchange(bytes), new Promise<'timeout'>((resolve) => (timer = setTimeout(resolve, spec.timeoutMs, 'timeout')))]);
      clearTimeout(timer);
      const ms = performance.now() - at;
      if (fresh && open.connectedAt !== undefined) connects.push(open.connectedAt - at);
      if (firstOfSlot) joiningFirst.push(ms);
      firstOfSlot = false;
      if (answer === 'timeout') {
        timeouts++;
        timeoutsAt[open.connectedAt === undefined ? 'connecting' : 'awaitingAnswer']++;
        open.close();
      } else if (answer instanceof Error) {
        errors[answer.code ?? answer.message] = (errors[answer.code ?? answer.message] ?? 0) + 1;
        open.close();
      } else {
        record(answer, ms, fresh);
      }
    }
    connection?.close();
  };
  const joiners = async ({ connections, afterMs }: { connections: number; afterMs: number }) => {
    await new Promise((resolve) => setTimeout(resolve, afterMs));
    await Promise.all(Array.from({ length: connections }, () => slot(true)));
  };
  await Promise.all([...Array.from({ length: spec.connections }, () => slot()), spec.joining ? joiners(spec.joining) : undefined]);
  const elapsedSeconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    sent,
    ok: latencies.ok.length,
    throttled: latencies.throttled.length,
    other,
    timeouts,
    timeoutsAt,
    errors,
    kinds: [...kinds.values()].sort((a, b) => b.count - a.count),
    latency: { ok: percentiles(latencies.ok), throttled: percentiles(latencies.throttled), all: percentiles(latencies.all) },
    firstOnConnection: percentiles(first),
    reused: percentiles(reused),
    connect: percentiles(connects),
    joiningFirst: percentiles(joiningFirst),
    connectionsOpened,
    elapsedSeconds,
    clientCpuUsPerRequest: sent ? Math.round((cpu.user + cpu.system) / sent) : 0,
  };
}

/** Runs the burst in a child process of its own (through tsx, as the benchmarks run). */
export function spawnBurst(spec: BurstSpec): Promise<BurstResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as BurstResult) : reject(new Error(`the load generator exited with ${code}: ${out}`))));
    child.stdin.end(JSON.stringify(spec));
  });
}

// Run as a process: the spec on stdin, the result on stdout.
if (process.argv[1]?.endsWith('burst-load.ts') || process.argv[1]?.endsWith('burst-load.js')) {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const result = await runBurst(JSON.parse(Buffer.concat(chunks).toString('utf8')) as BurstSpec);
  process.stdout.write(JSON.stringify(result) + '\n');
}
