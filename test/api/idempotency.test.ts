import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { CreateWorkloadCommand, GetWorkloadCommand, type CreateWorkloadCommandInput } from '@aws-sdk/client-wellarchitected';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations, shapes } from '../../src/api/model';
import { canonicalRequestText, ORDERED_MEMBERS, SET_MEMBERS } from '../../src/domain/canonical-request';
import { expectError } from '../support/api-errors';
import { ROOT_KEY, startServer, TEST_REGION, type TestServer } from '../support/server';
import { storeKinds } from '../support/stores';

/**
 * A retry with the same ClientRequestToken is the same request when it means the
 * same: map keys in another order at any depth, set-valued lists in another
 * order. A list whose order means something (PillarPriorities) still counts.
 */

/** Every list reachable from the input of an operation that takes a ClientRequestToken, as member paths. */
function listPaths(shapeName: string, path: string, seen: Set<string>, out: string[]) {
  const shape = shapes[shapeName];
  if (!shape || seen.has(shapeName)) return;
  const inner = new Set(seen).add(shapeName);
  if (shape.type === 'list') {
    out.push(path);
    listPaths(shape.member!, `${path}[]`, inner, out);
  } else if (shape.type === 'map') listPaths(shape.value!, `${path}{}`, inner, out);
  else if (shape.type === 'structure') {
    for (const [name, member] of Object.entries(shape.members ?? {})) listPaths(member.shape, `${path}.${name}`, inner, out);
  }
}

describe('canonical request form', () => {
  it('classes every list of every idempotent operation as a set or as ordered', () => {
    for (const op of operations.filter((o) => o.input.some((m) => m.idempotencyToken))) {
      const lists: string[] = [];
      for (const member of op.input) listPaths(member.shape, member.name, new Set(), lists);
      const classed = [...(SET_MEMBERS[op.name] ?? []), ...(ORDERED_MEMBERS[op.name] ?? [])];
      expect([...lists].sort(), op.name).toEqual([...classed].sort());
    }
  });

  it('ignores key order at every depth and the order of set members, not of ordered lists', () => {
    const a = { Tags: { a: '1', b: '2' }, DiscoveryConfig: { TrustedAdvisorIntegrationStatus: 'ENABLED', WorkloadResourceDefinition: ['APP_REGISTRY', 'WORKLOAD_METADATA'] }, AwsRegions: ['us-east-1', 'eu-west-1'], PillarPriorities: ['security', 'reliability'] };
    const b = { PillarPriorities: ['security', 'reliability'], AwsRegions: ['eu-west-1', 'us-east-1', 'eu-west-1'], DiscoveryConfig: { WorkloadResourceDefinition: ['WORKLOAD_METADATA', 'APP_REGISTRY'], TrustedAdvisorIntegrationStatus: 'ENABLED' }, Tags: { b: '2', a: '1' } };
    expect(canonicalRequestText('CreateWorkload', b)).toBe(canonicalRequestText('CreateWorkload', a));
    const reranked = { ...a, PillarPriorities: ['reliability', 'security'] };
    expect(canonicalRequestText('CreateWorkload', reranked)).not.toBe(canonicalRequestText('CreateWorkload', a));
  });

  it('compares set members that are objects by their canonical form', () => {
    const q = (id: string, choices: string[]) => ({ QuestionId: id, SelectedChoiceIds: choices });
    const a = { ProfileName: 'p', ProfileQuestions: [q('q1', ['c1', 'c2']), q('q2', ['c3'])] };
    const b = { ProfileQuestions: [{ SelectedChoiceIds: ['c3'], QuestionId: 'q2' }, q('q1', ['c2', 'c1'])], ProfileName: 'p' };
    expect(canonicalRequestText('CreateProfile', b)).toBe(canonicalRequestText('CreateProfile', a));
    expect(canonicalRequestText('CreateProfile', { ...a, ProfileQuestions: [q('q1', ['c1'])] })).not.toBe(canonicalRequestText('CreateProfile', a));
  });
});

const hasBoto3 = spawnSync('python3', ['-c', 'import boto3'], { stdio: 'ignore' }).status === 0;
if (!hasBoto3) console.warn('boto3 retries skipped: python3 with boto3 is not installed (pip install boto3 to run them).');

/** Runs CreateWorkload twice through boto3 with the given token, keys inserted in opposite orders; prints both ids. */
const BOTO3_RETRY = `
import json, sys, boto3
url, region, key, secret, name, token = sys.argv[1:7]
client = boto3.client('wellarchitected', endpoint_url=url, region_name=region, aws_access_key_id=key, aws_secret_access_key=secret)
def create(tags, regions):
    return client.create_workload(WorkloadName=name, Description='Created twice by boto3', Environment='PREPRODUCTION',
        Lenses=['wellarchitected'], AwsRegions=regions, Tags=tags, ClientRequestToken=token)['WorkloadId']
first = create({'a': '1', 'b': '2', 'c': '3'}, ['us-east-1', 'eu-west-1'])
second = create({'c': '3', 'b': '2', 'a': '1'}, ['eu-west-1', 'us-east-1'])
print(json.dumps([first, second]))
`;

describe.each(storeKinds())('ClientRequestToken retries with reordered members (%s)', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(kind);
  });
  afterAll(async () => {
    await server?.close();
  });

  const input = (name: string, token: string, extra: Partial<CreateWorkloadCommandInput>): CreateWorkloadCommandInput => ({
    WorkloadName: name,
    Description: 'Created twice',
    Environment: 'PREPRODUCTION',
    Lenses: ['wellarchitected'],
    ClientRequestToken: token,
    ...extra,
  });

  it('JS SDK: Tags keys and AwsRegions in another order are the same request', async () => {
    const first = await server.client.send(new CreateWorkloadCommand(input('JS reorder', 'js-reorder-1', { Tags: { a: '1', b: '2' }, AwsRegions: ['us-east-1', 'eu-west-1'] })));
    const second = await server.client.send(new CreateWorkloadCommand(input('JS reorder', 'js-reorder-1', { AwsRegions: ['eu-west-1', 'us-east-1'], Tags: { b: '2', a: '1' } })));
    expect(second.WorkloadId).toBe(first.WorkloadId);
    const saved = await server.client.send(new GetWorkloadCommand({ WorkloadId: first.WorkloadId }));
    expect(saved.Workload?.Tags).toEqual({ a: '1', b: '2' });
  });

  it('JS SDK: another tag value or another pillar ranking is another request', async () => {
    await server.client.send(new CreateWorkloadCommand(input('JS differs', 'js-differs-1', { Tags: { a: '1' } })));
    await expectError(server.client.send(new CreateWorkloadCommand(input('JS differs', 'js-differs-1', { Tags: { a: '2' } }))), 'ConflictException');
    const pillars = ['security', 'reliability', 'operationalExcellence', 'performance', 'costOptimization', 'sustainability'];
    await server.client.send(new CreateWorkloadCommand(input('JS ranked', 'js-ranked-1', { PillarPriorities: pillars })));
    await expectError(
      server.client.send(new CreateWorkloadCommand(input('JS ranked', 'js-ranked-1', { PillarPriorities: [...pillars].reverse() }))),
      'ConflictException',
    );
  });

  it.skipIf(!hasBoto3)('boto3: dictionaries built in another order are the same request', async () => {
    // Asynchronously: the server answering boto3 runs in this process.
    const run = await promisify(execFile)(
      'python3',
      ['-c', BOTO3_RETRY, server.url, TEST_REGION, ROOT_KEY.accessKeyId, ROOT_KEY.secretAccessKey, 'Boto3 reorder', 'boto3-reorder-1'],
      { encoding: 'utf8', env: { ...process.env, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' } },
    );
    const [first, second] = JSON.parse(run.stdout) as string[];
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(second).toBe(first);
  });
});
