import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local HTTP endpoint standing in for a webhook: keeps every request it gets and
 * answers as the test says (a status, or never, to play an endpoint that hangs).
 * Tests wait for requests to arrive rather than for time to pass.
 */

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  json: Record<string, unknown> & { id: string; detail: Record<string, unknown> };
}

type Answer = number | 'hang';

export class WebhookReceiver {
  readonly requests: ReceivedRequest[] = [];
  /** Decides the answer to each request; 200 unless the test says otherwise. */
  answer: (request: ReceivedRequest, index: number) => Answer = () => 200;
  private waiters: Array<() => void> = [];
  private hanging: ServerResponse[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<WebhookReceiver> {
    let receiver: WebhookReceiver | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => receiver!.receive(req.url ?? '/', req.headers, Buffer.concat(chunks).toString('utf8'), res));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    receiver = new WebhookReceiver(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`);
    return receiver;
  }

  private receive(path: string, headers: IncomingHttpHeaders, body: string, res: ServerResponse): void {
    const request: ReceivedRequest = { path, headers, body, json: JSON.parse(body) };
    const answer = this.answer(request, this.requests.length);
    this.requests.push(request);
    if (answer === 'hang') this.hanging.push(res);
    else res.writeHead(answer, { 'content-type': 'text/plain' }).end(answer === 200 ? 'ok' : 'endpoint unavailable');
    for (const wake of this.waiters) wake();
  }

  /** The requests so far that satisfy `test`, once there are at least `count` of them. */
  waitFor(count: number, test: (request: ReceivedRequest) => boolean = () => true, timeoutMs = 15_000): Promise<ReceivedRequest[]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.requests.filter(test);
        if (found.length < count) return false;
        this.waiters = this.waiters.filter((w) => w !== wake);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const wake = () => void check();
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== wake);
        const seen = this.requests.map((r) => `${String(r.json.detail?.eventName)} (${String(r.headers['x-plumbline-delivery-attempt'])})`);
        reject(new Error(`expected ${count} matching webhook requests within ${timeoutMs} ms; received: ${seen.join(', ') || 'none'}`));
      }, timeoutMs);
      if (!check()) this.waiters.push(wake);
    });
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Resolves once `check` returns a value other than undefined; for state visible only by asking (files, the admin API). */
export async function until<T>(check: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
