import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server';

/**
 * Requests refused before any route runs (issue 16): bad percent-encoding, a request
 * line or header block past Node's limit, a NUL in a console path, bytes that are not
 * HTTP. Each answers in the API's error format (or a plain 404 for console pages),
 * never Fastify's or Node's own format and never a 500. Raw sockets, because fetch
 * would re-encode the URLs these tests need to send as they are.
 */

interface Raw {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function raw(url: string, request: string): Promise<Raw> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(request));
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      data += chunk;
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const [head, ...rest] = data.split('\r\n\r\n');
      const [statusLine, ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
  });
}

const get = (path: string, extra = '') => `GET ${path} HTTP/1.1\r\nHost: localhost\r\n${extra}Connection: close\r\n\r\n`;

function expectWireError(response: Raw, status: number): Record<string, unknown> {
  expect(response.status, response.body).toBe(status);
  expect(response.headers['x-amzn-errortype']).toBe('ValidationException');
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  const body = JSON.parse(response.body) as Record<string, unknown>;
  expect(typeof body.Message).toBe('string');
  expect(body).not.toHaveProperty('statusCode');
  return body;
}

describe('framework-level refusals', () => {
  let server: TestServer;
  // A built console, so that console paths reach the file lookup a NUL used to break.
  const dist = mkdtempSync(path.join(tmpdir(), 'plumbline-dist-'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Plumbline</title>');
  beforeAll(async () => {
    server = await startServer('sqlite', { PLUMBLINE_CONSOLE_DIR: dist });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('bad percent-encoding in an API path is a ValidationException', async () => {
    const body = expectWireError(await raw(server.url, get('/workloads/%E0%A4%A')), 400);
    expect(body.Message).toMatch(/percent-encoding/);
    expect(body.Reason).toBe('CANNOT_PARSE');
  });

  it('an oversized query string and oversized headers are AWS-shaped 431s', async () => {
    expectWireError(await raw(server.url, get(`/workloads?NextToken=${'a'.repeat(20_000)}`)), 431);
    expectWireError(await raw(server.url, get('/workloads', `X-Padding: ${'b'.repeat(20_000)}\r\n`)), 431);
  });

  it('bytes that are not HTTP get a ValidationException, not Node’s bare 400', async () => {
    expectWireError(await raw(server.url, 'NOT HTTP AT ALL\r\n\r\n'), 400);
  });

  it('console paths with a NUL or bad encoding are a plain 404', async () => {
    for (const path of ['/console/%00', '/console/a%00b.js', '/console/%E0%A4%A']) {
      const response = await raw(server.url, get(path));
      expect(response.status, path).toBe(404);
      expect(response.headers['content-type'], path).toMatch(/^text\/plain/);
    }
    // The console itself is still served.
    expect((await raw(server.url, get('/console/workloads'))).status).toBe(200);
  });
});
