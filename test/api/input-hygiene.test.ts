import { CreateWorkloadCommand } from '@aws-sdk/client-wellarchitected';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, TEST_ACCOUNT, type TestServer } from '../support/server';
import { signedFetch, unsignedFetch, type RawResponse } from '../support/signed-fetch';
import { storeKinds } from '../support/stores';

/**
 * Text no store can keep alike (NUL, an unpaired surrogate) and numbers beyond
 * a column's range are bad input on every store: a 400 ValidationException
 * naming the member, before anything reaches the store, on the AWS API and on
 * Plumbline's own alike. The store keeps working for the next call (on
 * PostgreSQL a refused NUL used to stall the audit batch).
 */

// JSON text with a lone surrogate, as a client that builds JSON by hand would send it.
const LONE_SURROGATE = '"Name \\ud800 alone"';

describe.each(storeKinds())('bad bytes and numbers out of range (%s)', (kind) => {
  let server: TestServer;
  let workloadId: string;

  beforeAll(async () => {
    server = await startServer(kind);
    ({ WorkloadId: workloadId } = (await server.client.send(
      new CreateWorkloadCommand({ WorkloadName: 'Hygiene', Description: 'hygiene', Environment: 'PRODUCTION', Lenses: ['wellarchitected'], ClientRequestToken: 'hygiene-1' }),
    )) as { WorkloadId: string });
  });
  afterAll(() => server?.close());

  const refused = (response: RawResponse, member: string, message: RegExp) => {
    expect(response.status, response.text).toBe(400);
    expect(response.headers.get('x-amzn-ErrorType')).toBe('ValidationException');
    expect(response.json?.Fields).toEqual([{ Name: member, Message: expect.stringMatching(message) }]);
  };
  const NUL = /NUL character/;
  const SURROGATE = /unpaired surrogate/;

  it('refuses NUL in a path label, a query value and a body member of the AWS API', async () => {
    refused(await signedFetch(server.url, { method: 'GET', path: '/lenses/ab%00cd' }), 'LensAlias', NUL);
    refused(await signedFetch(server.url, { method: 'GET', path: '/profileSummaries', query: { ProfileNamePrefix: 'a\u0000b' } }), 'ProfileNamePrefix', NUL);
    const notes = await signedFetch(server.url, {
      method: 'PATCH',
      path: `/workloads/${workloadId}/lensReviews/wellarchitected/answers/priorities`,
      body: JSON.stringify({ SelectedChoices: [], Notes: 'before\u0000after' }),
    });
    refused(notes, 'Notes', NUL);
    const tags = await signedFetch(server.url, {
      method: 'POST',
      path: `/tags/${encodeURIComponent(`arn:aws:wellarchitected:us-east-1:${TEST_ACCOUNT}:workload/${workloadId}`)}`,
      body: JSON.stringify({ Tags: { team: 'a\u0000' } }),
    });
    refused(tags, 'Tags.team', NUL);
  });

  it('refuses an unpaired surrogate in a body member', async () => {
    const body = `{"WorkloadName":${LONE_SURROGATE},"Description":"hygiene","Environment":"PRODUCTION","Lenses":["wellarchitected"],"ClientRequestToken":"hygiene-2"}`;
    refused(await signedFetch(server.url, { method: 'POST', path: '/workloads', body }), 'WorkloadName', SURROGATE);
    // A pair is one character and fine.
    const paired = body.replace(LONE_SURROGATE, '"Name \\ud83d\\ude00 paired"').replace('hygiene-2', 'hygiene-3');
    expect((await signedFetch(server.url, { method: 'POST', path: '/workloads', body: paired })).status).toBe(200);
  });

  it("refuses them on Plumbline's own operations: sign-in, admin, audit lookup, exports", async () => {
    refused(
      await unsignedFetch(server.url, { method: 'POST', path: '/_plumbline/console/sign-in', body: JSON.stringify({ AccountId: TEST_ACCOUNT, UserName: 'al\u0000ice', Password: 'whatever it is' }) }),
      'UserName',
      NUL,
    );
    refused(await signedFetch(server.url, { method: 'DELETE', path: '/_plumbline/admin/users/al%00ice' }), 'UserName', NUL);
    refused(await signedFetch(server.url, { method: 'POST', path: '/_plumbline/admin/users', body: `{"UserName":${LONE_SURROGATE}}` }), 'UserName', SURROGATE);
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'wellarchitected:Get\u0000*', Resource: '*' }] };
    await signedFetch(server.url, { method: 'POST', path: '/_plumbline/admin/users', body: JSON.stringify({ UserName: 'hygienic' }) });
    refused(
      await signedFetch(server.url, { method: 'PUT', path: '/_plumbline/admin/users/hygienic/policies/p', body: JSON.stringify({ PolicyDocument: policy }) }),
      'PolicyDocument.Statement[0].Action',
      NUL,
    );
    refused(await signedFetch(server.url, { method: 'GET', path: '/_plumbline/admin/audit', query: { EventName: 'Get\u0000' } }), 'EventName', NUL);
    refused(await signedFetch(server.url, { method: 'GET', path: `/_plumbline/export/workloads/${workloadId}/lensReviews/well%00architected`, query: { Format: 'CSV' } }), 'LensAlias', NUL);
  });

  it('refuses numbers beyond what the store can hold, naming the parameter', async () => {
    for (const StartTime of ['1e30', '99999999999999999999']) {
      refused(await signedFetch(server.url, { method: 'GET', path: '/_plumbline/admin/audit', query: { StartTime } }), 'StartTime', /at most/);
    }
    refused(await signedFetch(server.url, { method: 'GET', path: '/_plumbline/admin/audit', query: { EndTime: '-5' } }), 'EndTime', /at least 0/);
    refused(await signedFetch(server.url, { method: 'GET', path: '/_plumbline/admin/users', query: { MaxResults: '99999999999999999999' } }), 'MaxResults', /at most/);
    refused(await signedFetch(server.url, { method: 'GET', path: `/workloads/${workloadId}/milestones/99999999999999999999` }), 'MilestoneNumber', /at most/);
    // The service answers the next calls as before.
    const lookup = await signedFetch(server.url, { method: 'GET', path: '/_plumbline/admin/audit', query: { StartTime: '0', MaxResults: '5' } });
    expect(lookup.status).toBe(200);
  });
});
