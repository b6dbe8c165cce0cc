import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateWorkloadCommand, GetWorkloadCommand, WellArchitectedClient } from '@aws-sdk/client-wellarchitected';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { readTls } from '../../src/server/tls';
import { ROOT_KEY, startServer, TEST_REGION, type TestServer } from '../support/server';

/**
 * HTTPS (issue 16): PLUMBLINE_TLS_CERT and PLUMBLINE_TLS_KEY serve the API over TLS.
 * A self-signed certificate made here with openssl; the official SDK trusts it through
 * a custom https agent (as the README shows), and refuses it without one. Every
 * answer carries HSTS.
 */

describe('TLS with a self-signed certificate', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'plumbline-tls-'));
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  let server: TestServer;

  beforeAll(async () => {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost',
      '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', key, '-out', cert,
    ], { stdio: 'ignore' });
    server = await startServer('sqlite', { PLUMBLINE_TLS_CERT: cert, PLUMBLINE_TLS_KEY: key });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const clientWith = (agent?: Agent) =>
    new WellArchitectedClient({
      endpoint: server.url,
      region: TEST_REGION,
      credentials: ROOT_KEY,
      maxAttempts: 1,
      ...(agent ? { requestHandler: new NodeHttpHandler({ httpsAgent: agent }) } : {}),
    });

  it('serves the API over HTTPS to the SDK given the certificate as its CA', async () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const client = clientWith(new Agent({ ca: readFileSync(cert) }));
    const { WorkloadId } = await client.send(new CreateWorkloadCommand({ WorkloadName: 'Over TLS', Description: 'sent encrypted', Environment: 'PRODUCTION', Lenses: ['wellarchitected'] }));
    const { Workload } = await client.send(new GetWorkloadCommand({ WorkloadId }));
    expect(Workload?.WorkloadName).toBe('Over TLS');
  });

  it('is refused by an SDK that does not trust the certificate', async () => {
    await expect(clientWith().send(new GetWorkloadCommand({ WorkloadId: 'f'.repeat(32) }))).rejects.toThrow(/self-signed certificate/);
  });

  it('answers with HSTS, errors and console pages included', async () => {
    const headers = await new Promise<Record<string, string | string[] | undefined>>((resolve, reject) => {
      const req = request(`${server.url}/console/`, { ca: readFileSync(cert) }, (res) => {
        res.resume();
        resolve(res.headers);
      });
      req.on('error', reject);
      req.end();
    });
    expect(headers['strict-transport-security']).toBe('max-age=31536000');
  });

  it('refuses a start with only one of the two settings, or a file that is not PEM', () => {
    expect(() => loadConfig({ PLUMBLINE_TLS_CERT: cert })).toThrow(/PLUMBLINE_TLS_CERT and PLUMBLINE_TLS_KEY must be set together/);
    expect(() => readTls({ cert: key, key })).toThrow(/PLUMBLINE_TLS_CERT \(.*key\.pem\) is not a PEM certificate/);
    expect(() => readTls({ cert, key: cert })).toThrow(/PLUMBLINE_TLS_KEY \(.*cert\.pem\) is not a PEM private key/);
    expect(() => readTls({ cert: path.join(dir, 'missing.pem'), key })).toThrow(/PLUMBLINE_TLS_CERT \(.*missing\.pem\) cannot be read/);
  });
});
