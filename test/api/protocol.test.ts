import {
  CreateWorkloadCommand,
  GetLensCommand,
  ListLensesCommand,
  ListTagsForResourceCommand,
  UpdateIntegrationCommand,
  type WellArchitectedClient,
} from '@aws-sdk/client-wellarchitected';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_STATUS, expectError } from '../support/api-errors';
import { signedFetch, unsignedFetch, type RawResponse } from '../support/signed-fetch';
import { ROOT_KEY, startServer, TEST_ACCOUNT, type TestServer } from '../support/server';
import { storeKinds } from '../support/stores';

/**
 * The wire protocol below the SDK: authentication failures, unknown routes,
 * unparseable bodies, operations not built yet, the error format, percent-
 * encoded ARNs, trailing slashes, the lens catalog and epoch-second timestamps.
 */

/** An error as the protocol requires: status of its type, x-amzn-ErrorType, a JSON body with Message. */
function expectWireError(response: RawResponse, type: string): Record<string, unknown> {
  expect(response.headers.get('x-amzn-errortype'), response.text).toBe(type);
  expect(response.status).toBe(ERROR_STATUS[type]);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(response.json, `body is not JSON: ${response.text}`).toBeDefined();
  expect(typeof response.json!.Message).toBe('string');
  expect((response.json!.Message as string).length).toBeGreaterThan(0);
  expect(response.headers.get('x-amzn-requestid')).toBeTruthy();
  return response.json!;
}

const AWS_LENSES = ['foundationaltechnicalreview', 'serverless', 'softwareasaservice', 'wellarchitected'];

describe.each(storeKinds())('wire protocol on %s', (kind) => {
  let server: TestServer;
  let client: WellArchitectedClient;
  beforeAll(async () => {
    server = await startServer(kind);
    client = server.client;
  });
  afterAll(() => server?.close());

  describe('authentication', () => {
    it('refuses a request without a signature', async () => {
      const response = await unsignedFetch(server.url, { method: 'GET', path: '/lenses' });
      const body = expectWireError(response, 'AccessDeniedException');
      expect(body.Message).toMatch(/Authorization|signature/i);
    });

    it('refuses a signature made with the wrong secret', async () => {
      const wrong = server.clientFor({ accessKeyId: ROOT_KEY.accessKeyId, secretAccessKey: 'not-the-right-secret-0123' });
      const error = await expectError(wrong.send(new ListLensesCommand({})), 'AccessDeniedException');
      expect(error.message).toMatch(/signature/i);
      expect(error.message).not.toContain(TEST_ACCOUNT);
    });

    it('refuses an unknown access key without revealing any account', async () => {
      const stranger = server.clientFor({ accessKeyId: 'PLMBNOSUCHKEY0000001', secretAccessKey: 'whatever-secret-0123456' });
      const error = await expectError(stranger.send(new ListLensesCommand({})), 'AccessDeniedException');
      expect(error.message).not.toMatch(/\d{12}/);
      expect(error.message).not.toContain('PLMBTESTROOTKEY');
      const raw = await signedFetch(server.url, {
        method: 'GET',
        path: '/lenses',
        credentials: { accessKeyId: 'PLMBNOSUCHKEY0000001', secretAccessKey: 'whatever-secret-0123456' },
      });
      expect(JSON.stringify(expectWireError(raw, 'AccessDeniedException'))).not.toMatch(/\d{12}/);
    });

    it('refuses a body changed after signing', async () => {
      const signed = await signedFetch(server.url, { method: 'POST', path: '/workloadsSummaries', body: '{}' });
      expect(signed.status).toBe(200);
      const response = await signedFetch(server.url, { method: 'POST', path: '/workloadsSummaries', body: '{}', sentBody: '{"MaxResults":1}' });
      expectWireError(response, 'AccessDeniedException');
    });
  });

  it('refuses a request signed too far from the server clock', async () => {
    server.clock.offsetMs = 20 * 60 * 1000;
    try {
      const error = await expectError(client.send(new ListLensesCommand({})), 'AccessDeniedException');
      expect(error.message).toMatch(/expired/i);
    } finally {
      server.clock.offsetMs = 0;
    }
    expect((await client.send(new ListLensesCommand({}))).LensSummaries?.length).toBe(AWS_LENSES.length);
  });

  describe('requests the service cannot route or read', () => {
    it('answers UNKNOWN_OPERATION for a path or method no operation has', async () => {
      for (const [method, path] of [
        ['GET', '/no-such-thing'],
        ['DELETE', '/lenses'],
        ['GET', '/workloads/0123456789abcdef0123456789abcdef/nothing-here'],
      ]) {
        const body = expectWireError(await signedFetch(server.url, { method, path }), 'ValidationException');
        expect(body.Reason).toBe('UNKNOWN_OPERATION');
      }
    });

    it('answers CANNOT_PARSE for a body that is not a JSON object', async () => {
      for (const payload of ['{"WorkloadName": "unterminated', 'not json at all', '[{"WorkloadName":"in an array"}]', '"just a string"', 'null']) {
        const body = expectWireError(await signedFetch(server.url, { method: 'POST', path: '/workloads', body: payload }), 'ValidationException');
        expect(body.Reason, payload).toBe('CANNOT_PARSE');
      }
    });

    it('reads a JSON body whatever its declared content type', async () => {
      for (const contentType of ['application/json', 'application/x-amz-json-1.1; charset=utf-8', 'text/plain']) {
        const response = await signedFetch(server.url, { method: 'POST', path: '/workloadsSummaries', body: '{"MaxResults":1}', headers: { 'content-type': contentType } });
        expect(response.status, `${contentType}: ${response.text}`).toBe(200);
      }
    });

    it('answers a client error, not a server error, for a malformed Content-Type', async () => {
      for (const contentType of ['garbage', '']) {
        const response = await signedFetch(server.url, { method: 'POST', path: '/workloadsSummaries', body: '{}', headers: { 'content-type': contentType } });
        const body = expectWireError(response, 'ValidationException');
        expect(body.Reason, `'${contentType}': ${response.text}`).toBe('CANNOT_PARSE');
      }
    });

    it('lists every member of the wrong type', async () => {
      const response = await signedFetch(server.url, {
        method: 'POST',
        path: '/workloads',
        body: JSON.stringify({ WorkloadName: 123, Description: ['a list'], Environment: 'PRODUCTION', Lenses: 'wellarchitected', ClientRequestToken: 'typed' }),
      });
      const body = expectWireError(response, 'ValidationException');
      expect(body.Reason).toBe('FIELD_VALIDATION_FAILED');
      expect((body.Fields as Array<{ Name: string }>).map((f) => f.Name).sort()).toEqual(['Description', 'Lenses', 'WorkloadName']);
      const query = await signedFetch(server.url, { method: 'GET', path: '/lenses', query: { MaxResults: 'ten' } });
      expect(expectWireError(query, 'ValidationException').Fields).toEqual([{ Name: 'MaxResults', Message: expect.stringMatching(/integer/) }]);
    });

    it('says "not yet available" for operations not built yet', async () => {
      for (const call of [
        () => client.send(new UpdateIntegrationCommand({ WorkloadId: '0'.repeat(32), ClientRequestToken: 'not-yet', IntegratingService: 'JIRA' })),
      ]) {
        const error = await expectError(call(), 'ValidationException');
        expect(error.message).toMatch(/not yet available/);
      }
      const raw = await signedFetch(server.url, {
        method: 'POST',
        path: `/workloads/${'0'.repeat(32)}/updateIntegration`,
        body: JSON.stringify({ IntegratingService: 'JIRA', ClientRequestToken: 'raw-not-yet' }),
      });
      const body = expectWireError(raw, 'ValidationException');
      expect(body.Reason).toBe('OTHER');
      expect(body.Message).toMatch(/not yet available/);
    });

    it('writes every kind of error the same way', async () => {
      const created = await client.send(
        new CreateWorkloadCommand({ WorkloadName: 'Error format', Description: 'Error format', Environment: 'PRODUCTION', Lenses: ['wellarchitected'] }),
      );
      const createBody = (name: string) =>
        JSON.stringify({ WorkloadName: name, Description: 'Raw', Environment: 'PRODUCTION', Lenses: ['wellarchitected'], ClientRequestToken: `raw-${name}` });
      const cases: Array<[string, Promise<RawResponse>, Record<string, unknown>]> = [
        ['AccessDeniedException', unsignedFetch(server.url, { method: 'POST', path: '/workloadsSummaries', body: '{}' }), {}],
        ['ValidationException', signedFetch(server.url, { method: 'POST', path: '/workloads', body: createBody('ab') }), { Reason: 'FIELD_VALIDATION_FAILED' }],
        [
          'ResourceNotFoundException',
          signedFetch(server.url, { method: 'GET', path: '/workloads/0123456789abcdef0123456789abcdef' }),
          { ResourceId: '0123456789abcdef0123456789abcdef', ResourceType: 'WORKLOAD' },
        ],
        ['ConflictException', signedFetch(server.url, { method: 'POST', path: '/workloads', body: createBody('error  FORMAT') }), { ResourceId: created.WorkloadId }],
        ['ValidationException', signedFetch(server.url, { method: 'GET', path: '/lenses', query: { MaxResults: '0' } }), { Reason: 'FIELD_VALIDATION_FAILED' }],
      ];
      for (const [type, pending, members] of cases) {
        const body = expectWireError(await pending, type);
        expect(body).toMatchObject(members);
        if (body.Reason === 'FIELD_VALIDATION_FAILED') {
          expect(Array.isArray(body.Fields)).toBe(true);
          for (const field of body.Fields as Array<Record<string, unknown>>) {
            expect(typeof field.Name).toBe('string');
            expect(typeof field.Message).toBe('string');
          }
        }
      }
    });
  });

  it('answers the health check without a signature', async () => {
    const response = await unsignedFetch(server.url, { method: 'GET', path: '/_plumbline/health' });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ status: 'ok', store: kind });
  });

  it('takes ARNs percent-encoded in the path', async () => {
    const created = await client.send(
      new CreateWorkloadCommand({ WorkloadName: 'Tagged by ARN', Description: 'ARN in the path', Environment: 'PRODUCTION', Lenses: ['wellarchitected'], Tags: { owner: 'me' } }),
    );
    const paths: string[] = [];
    const watched = server.clientFor(ROOT_KEY);
    watched.middlewareStack.add(
      (next) => async (args) => {
        paths.push((args.request as { path: string }).path);
        return next(args);
      },
      { step: 'finalizeRequest' },
    );
    const { Tags } = await watched.send(new ListTagsForResourceCommand({ WorkloadArn: created.WorkloadArn }));
    expect(Tags).toEqual({ owner: 'me' });
    expect(paths).toEqual([`/tags/${encodeURIComponent(created.WorkloadArn!)}`]);
    expect(paths[0]).toContain('%3A');
    expect(paths[0]).toContain('%2F');
    const raw = await signedFetch(server.url, { method: 'GET', path: `/tags/${encodeURIComponent(created.WorkloadArn!)}` });
    expect(raw.status).toBe(200);
    expect(raw.json).toEqual({ Tags: { owner: 'me' } });
  });

  it('tolerates a trailing slash', async () => {
    const response = await signedFetch(server.url, { method: 'GET', path: '/lenses/' });
    expect(response.status, response.text).toBe(200);
    expect(((response.json?.LensSummaries as unknown[]) ?? []).length).toBe(AWS_LENSES.length);
  });

  describe('the lens catalog', () => {
    it('lists the four AWS lenses', async () => {
      const { LensSummaries } = await client.send(new ListLensesCommand({}));
      expect((LensSummaries ?? []).map((l) => l.LensAlias).sort()).toEqual(AWS_LENSES);
      for (const lens of LensSummaries ?? []) {
        expect(lens.LensType).toBe('AWS_OFFICIAL');
        expect(lens.LensArn).toBe(`arn:aws:wellarchitected::aws:lens/${lens.LensAlias}`);
        expect(lens.LensName?.length).toBeGreaterThan(0);
        expect(lens.LensStatus).toBe('CURRENT');
      }
      expect((await client.send(new ListLensesCommand({ LensType: 'CUSTOM_SELF' }))).LensSummaries).toEqual([]);
      const paged = await client.send(new ListLensesCommand({ MaxResults: 3 }));
      expect(paged.LensSummaries).toHaveLength(3);
      const rest = await client.send(new ListLensesCommand({ MaxResults: 3, NextToken: paged.NextToken }));
      expect([...paged.LensSummaries!, ...rest.LensSummaries!].map((l) => l.LensAlias).sort()).toEqual(AWS_LENSES);
      expect(rest.NextToken).toBeUndefined();
    });

    it('gets each version of the framework lens', async () => {
      for (const LensVersion of ['2024-06-27', '2024-11-06']) {
        const { Lens } = await client.send(new GetLensCommand({ LensAlias: 'wellarchitected', LensVersion }));
        expect(Lens?.LensVersion).toBe(LensVersion);
        expect(Lens?.LensArn).toBe('arn:aws:wellarchitected::aws:lens/wellarchitected');
        expect(Lens?.Name?.length).toBeGreaterThan(0);
      }
      expect((await client.send(new GetLensCommand({ LensAlias: 'wellarchitected' }))).Lens?.LensVersion).toBe('2024-11-06');
      // By ARN too, percent-encoded in the path by the SDK.
      const byArn = await client.send(new GetLensCommand({ LensAlias: 'arn:aws:wellarchitected::aws:lens/serverless' }));
      expect(byArn.Lens?.LensArn).toBe('arn:aws:wellarchitected::aws:lens/serverless');
      await expectError(client.send(new GetLensCommand({ LensAlias: 'wellarchitected', LensVersion: '1999-01-01' })), 'ResourceNotFoundException');
      await expectError(client.send(new GetLensCommand({ LensAlias: 'no-such-lens' })), 'ResourceNotFoundException');
    });
  });

  it('writes timestamps as epoch seconds', async () => {
    const created = await client.send(
      new CreateWorkloadCommand({ WorkloadName: 'Timestamps', Description: 'Timestamps', Environment: 'PRODUCTION', Lenses: ['wellarchitected'] }),
    );
    const response = await signedFetch(server.url, { method: 'GET', path: `/workloads/${created.WorkloadId}` });
    expect(response.status).toBe(200);
    expect(response.text).toMatch(/"UpdatedAt":\d+(\.\d+)?[,}]/);
    const updatedAt = (response.json!.Workload as Record<string, unknown>).UpdatedAt;
    expect(typeof updatedAt).toBe('number');
    expect(Math.abs((updatedAt as number) - Date.now() / 1000)).toBeLessThan(120);
    const lenses = await signedFetch(server.url, { method: 'GET', path: '/lenses' });
    for (const lens of lenses.json!.LensSummaries as Array<Record<string, unknown>>) {
      expect(typeof lens.CreatedAt).toBe('number');
      expect(typeof lens.UpdatedAt).toBe('number');
    }
  });
});
