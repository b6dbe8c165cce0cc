import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type BuiltApp } from '../../src/api/app';
import { loadConfig } from '../../src/config';
import { ROOT_KEY, TEST_ACCOUNT, TEST_REGION } from '../support/server';

/**
 * The server's log (issue 16): JSON lines, every line of a request carrying the
 * request id the caller was given, and presigned URLs logged with their signature,
 * credential and session token replaced. Presigned URLs that ask to live longer than
 * PLUMBLINE_PRESIGN_MAX_SECONDS (default one hour) are refused.
 */

const signer = new SignatureV4({ service: 'wellarchitected', region: TEST_REGION, credentials: { ...ROOT_KEY, sessionToken: undefined }, sha256: Hash.bind(null, 'sha256') });

async function presignedUrl(base: string, expiresIn: number): Promise<string> {
  const url = new URL(base);
  const request = new HttpRequest({ method: 'GET', protocol: url.protocol, hostname: url.hostname, port: Number(url.port), path: '/lenses', query: { MaxResults: '5' }, headers: { host: url.host } });
  const signed = await signer.presign(request, { expiresIn });
  const query = Object.entries(signed.query ?? {}).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return `${base}/lenses?${query.join('&')}`;
}

describe('logs and presigned URLs', () => {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'plumbline-logs-'));
  let built: BuiltApp;
  let url: string;

  beforeAll(async () => {
    const config = loadConfig({
      PLUMBLINE_DATA_DIR: dataDir,
      PLUMBLINE_ACCOUNT_ID: TEST_ACCOUNT,
      PLUMBLINE_REGION: TEST_REGION,
      PLUMBLINE_ROOT_ACCESS_KEY_ID: ROOT_KEY.accessKeyId,
      PLUMBLINE_ROOT_SECRET_ACCESS_KEY: ROOT_KEY.secretAccessKey,
    });
    built = await buildApp({ config, logger: { level: 'info', stream } });
    url = await built.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await built?.app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('logs a presigned call as JSON with its request id on every line and its secrets redacted', async () => {
    const presigned = await presignedUrl(url, 300);
    const signature = new URL(presigned).searchParams.get('X-Amz-Signature')!;
    const response = await fetch(presigned);
    expect(response.status, await response.text()).toBe(200);
    const requestId = response.headers.get('x-amzn-requestid');

    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const entry of entries) if (entry.req || entry.res) expect(entry.requestId, JSON.stringify(entry)).toEqual(expect.any(String));
    const mine = entries.filter((entry) => entry.requestId === requestId);
    // Fastify's "incoming request" and "request completed".
    expect(mine.length).toBeGreaterThanOrEqual(2);
    const logged = (mine.find((entry) => entry.req) as { req: { url: string } }).req.url;
    expect(logged).toMatch(/X-Amz-Signature=REDACTED/);
    expect(logged).toMatch(/X-Amz-Credential=REDACTED/);
    expect(logged).toMatch(/MaxResults=5/);
    expect(lines.join('\n')).not.toContain(signature);
    expect(lines.join('\n')).not.toContain(ROOT_KEY.accessKeyId);
  });

  it('refuses a presigned URL asking for more than an hour, though the SDKs allow a week', async () => {
    expect((await fetch(await presignedUrl(url, 3600))).status).toBe(200);
    const response = await fetch(await presignedUrl(url, 7200));
    expect(response.status).toBe(403);
    const body = (await response.json()) as { Message: string };
    expect(body.Message).toMatch(/X-Amz-Expires 7200 seconds is longer than this server accepts .*3600 seconds, PLUMBLINE_PRESIGN_MAX_SECONDS/);
  });
});
