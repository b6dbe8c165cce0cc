import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendToFile, postWebhook, signBody, targetFile } from './delivery';
import { backoff } from './dispatcher';

/** One attempt's outcome for each way an endpoint can answer, and the signature receivers check. */

describe('event delivery', () => {
  let server: Server;
  let base: string;
  const hanging: Array<() => void> = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/hang') return void hanging.push(() => res.destroy());
      if (req.url === '/redirect') return void res.writeHead(307, { location: '/ok' }).end();
      if (req.url === '/teapot') return void res.writeHead(418).end('short and stout');
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const end of hanging) end();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const post = (url: string, timeoutMs = 2000) =>
    postWebhook({ url, secret: 'secret', body: '{}', eventId: 'e', attempt: 1, timeoutMs, signal: new AbortController().signal, now: 0 });

  it('signs the exact body with HMAC-SHA256 of the secret', () => {
    // RFC 4231-style check against a value computed independently (openssl dgst -sha256 -hmac key).
    expect(signBody('key', 'The quick brown fox jumps over the lazy dog')).toBe('sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8');
  });

  it('tells success, an error answer, a redirect, a timeout and an unreachable endpoint apart', async () => {
    expect(await post(`${base}/ok`)).toEqual({ ok: true, status: 'HTTP 204' });
    expect(await post(`${base}/teapot`)).toEqual({ ok: false, status: 'HTTP 418', error: 'the webhook answered HTTP 418: short and stout' });
    expect(await post(`${base}/redirect`)).toMatchObject({ ok: false, status: 'HTTP 307' });
    expect(await post(`${base}/hang`, 100)).toEqual({ ok: false, status: 'TIMEOUT', error: 'the webhook did not answer within 100 ms' });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await post(`http://127.0.0.1:${port}/nothing-listens`)).toMatchObject({ ok: false, status: 'UNREACHABLE', error: expect.stringContaining('ECONNREFUSED') });
  });

  it('appends lines to a file below the account directory', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plumbline-events-file-'));
    try {
      const file = targetFile(dir, '111122223333', 'a/b.ndjson');
      expect(file).toBe(path.join(dir, '111122223333', 'a', 'b.ndjson'));
      await appendToFile(file, '{"n":1}');
      await appendToFile(file, '{"n":2}');
      expect(readFileSync(file, 'utf8')).toBe('{"n":1}\n{"n":2}\n');
      expect(await appendToFile(path.join(file, 'under-a-file'), '{}')).toMatchObject({ ok: false, status: 'WRITE_FAILED' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('waits twice as long after each failure, up to the maximum', () => {
    const waits = [1, 2, 3, 4, 10].map((attempt) => backoff(100, 1000, attempt));
    expect(waits[0]).toBeGreaterThanOrEqual(100);
    expect(waits[0]).toBeLessThanOrEqual(110);
    expect(waits[1]).toBeGreaterThanOrEqual(200);
    expect(waits[2]).toBeGreaterThanOrEqual(400);
    expect(waits[3]).toBeGreaterThanOrEqual(800);
    expect(waits[4]).toBeLessThanOrEqual(1100);
  });
});
