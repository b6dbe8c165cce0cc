import { execFile, execFileSync } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ListLensesCommand,
  ListTagsForResourceCommand,
  UntagResourceCommand,
  UpdateWorkloadCommand,
  WellArchitectedClient,
} from '@aws-sdk/client-wellarchitected';
import { verifySigV4, type IncomingSignedRequest } from './sigv4';
import { AKID, ARN, lookup, PRINCIPAL, REGION, SECRET, SERVICE } from './sigv4-test-keys';

// Real clients over real HTTP: the AWS SDK v3 client and the AWS CLI (botocore).

interface Captured {
  req: IncomingSignedRequest;
}

function toIncoming(msg: IncomingMessage, body: Buffer): IncomingSignedRequest {
  const url = msg.url ?? '/';
  const q = url.indexOf('?');
  return {
    method: msg.method ?? 'GET',
    rawPath: q === -1 ? url : url.slice(0, q),
    rawQuery: q === -1 ? '' : url.slice(q + 1),
    headers: msg.headers,
    body,
  };
}

describe('verifySigV4 against real clients over HTTP', () => {
  let server: Server;
  let endpoint: string;
  const captured: Captured[] = [];

  beforeAll(async () => {
    server = createServer((msg, res) => {
      const chunks: Buffer[] = [];
      msg.on('data', (c: Buffer) => chunks.push(c));
      msg.on('end', () => {
        const req = toIncoming(msg, Buffer.concat(chunks));
        captured.push({ req });
        const body = req.rawPath.startsWith('/tags/') && req.method === 'GET' ? '{"Tags":{}}' : '{}';
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  async function lastVerified() {
    const last = captured.at(-1);
    expect(last).toBeDefined();
    return verifySigV4(last!.req, lookup, { service: SERVICE, region: REGION });
  }

  it('AWS SDK v3 WellArchitectedClient: GET, PATCH with body, DELETE with ARN path and repeated keys', async () => {
    const client = new WellArchitectedClient({
      region: REGION,
      endpoint,
      credentials: { accessKeyId: AKID, secretAccessKey: SECRET },
      maxAttempts: 1,
    });
    try {
      await client.send(new ListLensesCommand({ MaxResults: 10, LensName: 'a b/c+d' }));
      await expect(lastVerified()).resolves.toEqual({ principal: PRINCIPAL, accessKeyId: AKID });

      await client.send(
        new UpdateWorkloadCommand({ WorkloadId: '0123456789abcdef0123456789abcdef', Description: 'héllo wörld' }),
      );
      expect(captured.at(-1)!.req.method).toBe('PATCH');
      expect(captured.at(-1)!.req.body.length).toBeGreaterThan(0);
      await expect(lastVerified()).resolves.toMatchObject({ accessKeyId: AKID });

      await client.send(new UntagResourceCommand({ WorkloadArn: ARN, TagKeys: ['b', 'a', 'x y'] }));
      expect(captured.at(-1)!.req.rawPath).toBe(
        '/tags/arn%3Aaws%3Awellarchitected%3Aus-east-1%3A123456789012%3Aworkload%2Fabc',
      );
      expect(captured.at(-1)!.req.rawQuery.match(/tagKeys=/g)).toHaveLength(3);
      await expect(lastVerified()).resolves.toMatchObject({ accessKeyId: AKID });

      await client.send(new ListTagsForResourceCommand({ WorkloadArn: ARN }));
      await expect(lastVerified()).resolves.toMatchObject({ accessKeyId: AKID });
    } finally {
      client.destroy();
    }
  });

  let awsPath: string | undefined;
  try {
    awsPath = execFileSync('which', ['aws'], { encoding: 'utf8' }).trim() || undefined;
    // pyenv shims exist even when the command is not installed for the active version.
    if (awsPath) execFileSync(awsPath, ['--version'], { stdio: 'ignore' });
  } catch {
    awsPath = undefined;
  }
  const itCli = awsPath ? it : it.skip;
  const cliTitle = awsPath
    ? 'AWS CLI (botocore): list-lenses, list-tags-for-resource, untag-resource verify'
    : 'AWS CLI (botocore) signing — SKIPPED: `aws` is not on PATH';

  function aws(args: string[]): Promise<string> {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env['PATH'],
      HOME: process.env['HOME'],
      AWS_ACCESS_KEY_ID: AKID,
      AWS_SECRET_ACCESS_KEY: SECRET,
      AWS_DEFAULT_REGION: REGION,
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_PAGER: '',
    };
    for (const k of ['PYENV_VERSION', 'PYENV_ROOT', 'VIRTUAL_ENV']) if (process.env[k]) env[k] = process.env[k];
    return new Promise((resolve, reject) => {
      execFile(
        awsPath!,
        ['--endpoint-url', endpoint, '--output', 'json', 'wellarchitected', ...args],
        { env, timeout: 60_000 },
        (err, stdout, stderr) => (err ? reject(new Error(`aws ${args.join(' ')} failed: ${stderr}`)) : resolve(stdout)),
      );
    });
  }

  itCli(cliTitle, async () => {
    await aws(['list-lenses']);
    expect(captured.at(-1)!.req.rawPath).toBe('/lenses');
    await expect(lastVerified()).resolves.toEqual({ principal: PRINCIPAL, accessKeyId: AKID });

    await aws(['list-lenses', '--lens-name', 'a b/c+d', '--max-results', '10']);
    await expect(lastVerified()).resolves.toMatchObject({ accessKeyId: AKID });

    await aws(['list-tags-for-resource', '--workload-arn', ARN]);
    expect(captured.at(-1)!.req.rawPath).toMatch(/^\/tags\/arn%3Aaws%3Awellarchitected/);
    await expect(lastVerified()).resolves.toMatchObject({ accessKeyId: AKID });

    await aws(['untag-resource', '--workload-arn', ARN, '--tag-keys', 'b', 'a', 'x y']);
    expect(captured.at(-1)!.req.method).toBe('DELETE');
    expect(captured.at(-1)!.req.rawQuery.match(/tagKeys=/g)).toHaveLength(3);
    await expect(lastVerified()).resolves.toMatchObject({ accessKeyId: AKID });

    await aws([
      'update-workload',
      '--workload-id',
      '0123456789abcdef0123456789abcdef',
      '--description',
      'héllo wörld',
    ]);
    expect(captured.at(-1)!.req.method).toBe('PATCH');
    await expect(lastVerified()).resolves.toMatchObject({ accessKeyId: AKID });
  });
});
