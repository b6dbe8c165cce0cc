import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerConsoleStatic } from '../../src/api/console-routes';
import type { ServiceContext } from '../../src/services/context';
import { startServer, type TestServer } from '../support/server';
import { signedFetch, unsignedFetch } from '../support/signed-fetch';

/**
 * How the console's files are served (issue 8): web/dist under /console/, index.html for
 * every other console path (the app's router reads it), hashed assets cached for a year,
 * index.html always revalidated, a plain 503 when the console is not built, and a
 * browser's unsigned GET / sent to /console/. Serving does not depend on the store, so
 * this runs on SQLite only; a made-up build stands in for web/dist.
 */

const INDEX = '<!doctype html><title>Plumbline</title><div id="root"></div>';
const ASSET = 'console.log("app")';

async function serve(distDir: string): Promise<{ app: FastifyInstance; url: string }> {
  const app = Fastify();
  // The static routes never authenticate except for a signed GET / (tested on a real server below).
  registerConsoleStatic(app, distDir, { lookup: async () => undefined, region: 'us-east-1', services: { now: Date.now } as ServiceContext });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url };
}

describe('console files', () => {
  let dir: string;
  let built: { app: FastifyInstance; url: string };
  let missing: { app: FastifyInstance; url: string };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'plumbline-console-'));
    mkdirSync(path.join(dir, 'dist', 'assets'), { recursive: true });
    writeFileSync(path.join(dir, 'dist', 'index.html'), INDEX);
    writeFileSync(path.join(dir, 'dist', 'assets', 'index-abc123.js'), ASSET);
    // As web/build/precompress.ts writes them beside each file.
    writeFileSync(path.join(dir, 'dist', 'assets', 'index-abc123.js.br'), brotliCompressSync(ASSET));
    writeFileSync(path.join(dir, 'dist', 'assets', 'index-abc123.js.gz'), gzipSync(ASSET));
    writeFileSync(path.join(dir, 'secret.txt'), 'outside the build');
    built = await serve(path.join(dir, 'dist'));
    missing = await serve(path.join(dir, 'not-built'));
  });
  afterAll(async () => {
    await built?.app.close();
    await missing?.app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at /console/ and for every console path that is not a file, never cached stale', async () => {
    for (const page of ['/console/', '/console/workloads', '/console/workloads/abc/lenses/wellarchitected', '/console/lenses/arn%3Aaws%3Awellarchitected']) {
      const response = await fetch(built.url + page);
      expect(response.status, page).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toBe(INDEX);
    }
  });

  it('sends the precompressed copy the browser accepts, Brotli first, and the file itself to others', async () => {
    const raw = async (encoding: string) => {
      const response = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
        get(`${built.url}/console/assets/index-abc123.js`, { headers: { 'accept-encoding': encoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        }).on('error', reject);
      });
      return response;
    };
    const br = await raw('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(br.body).toString()).toBe(ASSET);
    const gz = await raw('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(ASSET);
    const plain = await raw('identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(ASSET);
  });

  it('serves hashed assets with a year-long immutable cache, and says plainly when one is missing', async () => {
    const asset = await fetch(`${built.url}/console/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await asset.text()).toBe(ASSET);
    const gone = await fetch(`${built.url}/console/assets/index-old.js`);
    expect(gone.status).toBe(404);
    expect(await gone.text()).toMatch(/No console file assets\/index-old\.js/);
  });

  it('never serves a file outside the build', async () => {
    for (const attempt of ['/console/../secret.txt', '/console/%2e%2e/secret.txt', '/console/..%2fsecret.txt']) {
      const response = await fetch(built.url + attempt);
      expect(await response.text(), attempt).not.toContain('outside the build');
    }
  });

  it('redirects /console to /console/', async () => {
    const response = await fetch(`${built.url}/console`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/console/');
  });

  it('answers 503 with what to run when the console is not built', async () => {
    const response = await fetch(`${missing.url}/console/workloads`);
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await response.text()).toMatch(/console is not built\. Run `npm run build:web`/);
  });
});

describe('GET / on a Plumbline server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer('sqlite');
  });
  afterAll(() => server?.close());

  it('sends a browser (unsigned) to the console', async () => {
    const response = await fetch(`${server.url}/`, { redirect: 'manual', headers: { accept: 'text/html' } });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/console/');
  });

  it('answers a signed GET / as the API does: no such operation', async () => {
    const response = await signedFetch(server.url, { method: 'GET', path: '/' });
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ Reason: 'UNKNOWN_OPERATION' });
    const badSignature = await signedFetch(server.url, { method: 'GET', path: '/', credentials: { accessKeyId: 'PLMBNOSUCHKEY0000000', secretAccessKey: 'x'.repeat(30) } });
    expect(badSignature.status).toBe(403);
  });

  it('keeps the sign-in route unsigned and other API paths signed', async () => {
    const signIn = await unsignedFetch(server.url, { method: 'POST', path: '/_plumbline/console/sign-in', body: '{}' });
    expect(signIn.status).toBe(400);
    const api = await unsignedFetch(server.url, { method: 'POST', path: '/workloadsSummaries', body: '{}' });
    expect(api.status).toBe(403);
  });
});
