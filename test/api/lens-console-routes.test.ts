import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { CreateLensVersionCommand, ImportLensCommand } from '@aws-sdk/client-wellarchitected';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, startServerWithAccounts } from '../support/accounts';
import { lensJson } from '../support/lens-files';
import type { TestServer } from '../support/server';
import { signedFetch, unsignedFetch } from '../support/signed-fetch';
import { storeKinds } from '../support/stores';

/**
 * The console's two lens routes beyond the API: the lens template ("Download
 * file" on Create custom lens) and a draft's differences from the latest
 * published version ("Review changes before publishing").
 */

const token = () => randomBytes(8).toString('hex');

describe.each(storeKinds())('lens console routes on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServerWithAccounts(kind);
  });
  afterAll(() => server?.close());

  const importLens = async (JSONString: string, LensAlias?: string) =>
    (await server.client.send(new ImportLensCommand({ JSONString, LensAlias, ClientRequestToken: token() }))).LensArn!;
  const difference = (LensAlias: string, credentials?: { accessKeyId: string; secretAccessKey: string }) =>
    signedFetch(server.url, { method: 'GET', path: '/_plumbline/lenses/draft-difference', query: { LensAlias }, credentials });

  it('serves the lens template as the CLI prints it, to signed callers only', async () => {
    const template = await readFile(new URL('../../src/lenses/template.json', import.meta.url), 'utf8');
    const signed = await signedFetch(server.url, { method: 'GET', path: '/_plumbline/lens-template' });
    expect(signed.status).toBe(200);
    expect(signed.json).toEqual({ LensJSON: template });
    const unsigned = await unsignedFetch(server.url, { method: 'GET', path: '/_plumbline/lens-template' });
    expect(unsigned.status).toBe(403);
  });

  it('shows a first draft as all new, then an update against the latest published version', async () => {
    const first = lensJson('Draft diff lens', [{ id: 'basics', questions: [{ id: 'q_one' }, { id: 'q_two' }] }]);
    const arn = await importLens(first);
    const initial = await difference(arn);
    expect(initial.status, initial.text).toBe(200);
    expect(initial.json).toMatchObject({ LensArn: arn, LensName: 'Draft diff lens' });
    expect(initial.json!.BaseLensVersion).toBeUndefined();
    expect(initial.json!.VersionDifferences).toEqual({
      PillarDifferences: [
        {
          PillarId: 'basics',
          PillarName: 'Pillar basics',
          DifferenceStatus: 'NEW',
          QuestionDifferences: [
            { QuestionId: 'q_one', QuestionTitle: 'How do you handle q_one?', DifferenceStatus: 'NEW' },
            { QuestionId: 'q_two', QuestionTitle: 'How do you handle q_two?', DifferenceStatus: 'NEW' },
          ],
        },
      ],
    });
    await server.client.send(new CreateLensVersionCommand({ LensAlias: arn, LensVersion: '1.0', ClientRequestToken: token() }));
    const published = await difference(arn);
    expect(published.status).toBe(400);
    expect(published.json!.Fields).toEqual([{ Name: 'LensAlias', Message: expect.stringContaining('no draft') }]);

    // A new draft keeps the lens's name, as the hosted import requires.
    const update = lensJson('Draft diff lens', [
      { id: 'basics', questions: [{ id: 'q_one' }, { id: 'q_two', title: 'How do you really handle q_two?' }, { id: 'q_three' }] },
      { id: 'extra', questions: [{ id: 'q_x' }] },
    ]);
    await importLens(update, arn);
    const changed = await difference(arn);
    expect(changed.status, changed.text).toBe(200);
    expect(changed.json).toMatchObject({ BaseLensVersion: '1.0', BaseLensName: 'Draft diff lens', LensName: 'Draft diff lens' });
    const pillars = (changed.json!.VersionDifferences as { PillarDifferences: Array<Record<string, unknown>> }).PillarDifferences;
    expect(pillars.map((p) => [p.PillarId, p.DifferenceStatus])).toEqual([
      ['basics', 'UPDATED'],
      ['extra', 'NEW'],
    ]);
    expect((pillars[0].QuestionDifferences as Array<Record<string, unknown>>).map((q) => [q.QuestionId, q.DifferenceStatus])).toEqual([
      ['q_two', 'UPDATED'],
      ['q_three', 'NEW'],
    ]);
  });

  it('answers another account as if the lens did not exist, and checks LensAlias', async () => {
    const arn = await importLens(lensJson('Private draft lens', [{ id: 'private', questions: [{ id: 'q_private' }] }]));
    const other = await createAccount(server, '444455556666');
    const foreign = await difference(arn, other.credentials);
    expect(foreign.status).toBe(404);
    expect(foreign.headers.get('x-amzn-ErrorType')).toContain('ResourceNotFoundException');
    const missing = await signedFetch(server.url, { method: 'GET', path: '/_plumbline/lenses/draft-difference' });
    expect(missing.status).toBe(400);
    expect(missing.json!.Fields).toEqual([{ Name: 'LensAlias', Message: 'is required' }]);
  });
});
