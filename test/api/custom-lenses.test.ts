import { randomBytes } from 'node:crypto';
import {
  CreateLensVersionCommand,
  CreateWorkloadCommand,
  DeleteLensCommand,
  DisassociateLensesCommand,
  ExportLensCommand,
  GetAnswerCommand,
  GetLensCommand,
  GetLensReviewCommand,
  ImportLensCommand,
  ListLensesCommand,
  ListNotificationsCommand,
  UpdateAnswerCommand,
  AssociateLensesCommand,
  type LensSummary,
  type WellArchitectedClient,
} from '@aws-sdk/client-wellarchitected';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectFieldErrors, fieldNames } from '../support/api-errors';
import { lensJson, smallLens } from '../support/lens-files';
import { collectPages } from '../support/paging';
import { startServer, TEST_ACCOUNT, TEST_REGION, type TestServer } from '../support/server';
import { storeKinds } from '../support/stores';

/**
 * Custom lenses through the official SDK ("Custom lenses", "Lens format
 * specification"): import, the format's rules reaching the API as Fields,
 * publishing versions, ListLenses filters and paging, GetLens and ExportLens,
 * applying a lens to workloads, deleting, tags, idempotency and the quotas.
 * Version upgrades are in lens-upgrades.test.ts.
 */

const token = () => randomBytes(8).toString('hex');

describe.each(storeKinds())('custom lenses on %s', (kind) => {
  let server: TestServer;
  let client: WellArchitectedClient;
  let workloads = 0;
  beforeAll(async () => {
    server = await startServer(kind);
    client = server.client;
  });
  afterAll(() => server?.close());

  const importLens = async (JSONString: string, extra: { LensAlias?: string; Tags?: Record<string, string> } = {}) =>
    (await client.send(new ImportLensCommand({ JSONString, ClientRequestToken: token(), ...extra }))).LensArn!;
  const publish = (LensAlias: string, LensVersion: string, IsMajorVersion = false) =>
    client.send(new CreateLensVersionCommand({ LensAlias, LensVersion, IsMajorVersion, ClientRequestToken: token() }));
  const deleteLens = (LensAlias: string, LensStatus: 'ALL' | 'DRAFT' | 'PUBLISHED') =>
    client.send(new DeleteLensCommand({ LensAlias, LensStatus, ClientRequestToken: token() }));
  const newWorkload = async (Lenses: string[]) =>
    (
      await client.send(
        new CreateWorkloadCommand({ WorkloadName: `Custom lens workload ${++workloads}`, Description: 'Uses a custom lens', Environment: 'PRODUCTION', Lenses }),
      )
    ).WorkloadId!;
  const customLenses = async (LensStatus?: 'ALL' | 'DRAFT' | 'PUBLISHED', LensName?: string) =>
    (
      await collectPages<LensSummary>(async (NextToken) => {
        const page = await client.send(new ListLensesCommand({ LensType: 'CUSTOM_SELF', LensStatus, LensName, NextToken, MaxResults: 2 }));
        return { items: page.LensSummaries, NextToken: page.NextToken };
      })
    ).flat();

  describe('import and publish', () => {
    it('imports a draft that cannot be applied until a version is published', async () => {
      const text = smallLens('Draft then published');
      const arn = await importLens(text, { Tags: { team: 'platform' } });
      expect(arn).toMatch(new RegExp(`^arn:aws:wellarchitected:${TEST_REGION}:${TEST_ACCOUNT}:lens/[0-9a-f]{32}$`));

      const drafts = await customLenses('DRAFT');
      expect(drafts.find((l) => l.LensArn === arn)).toMatchObject({ LensStatus: 'DRAFT', LensType: 'CUSTOM_SELF', LensName: 'Draft then published', Owner: TEST_ACCOUNT });
      expect((await customLenses('PUBLISHED')).some((l) => l.LensArn === arn)).toBe(false);
      const draft = await client.send(new GetLensCommand({ LensAlias: arn }));
      expect(draft.Lens).toMatchObject({ LensArn: arn, Name: 'Draft then published', Owner: TEST_ACCOUNT, Tags: { team: 'platform' } });
      expect(draft.Lens?.LensVersion).toBeUndefined();
      expect((await client.send(new ExportLensCommand({ LensAlias: arn }))).LensJSON).toBe(text);

      const refused = await expectError(newWorkload(['wellarchitected', arn]), 'ValidationException');
      expect(refused.message).toMatch(/draft/);

      const published = await publish(arn, '1.0');
      expect(published).toMatchObject({ LensArn: arn, LensVersion: '1.0' });
      expect((await customLenses('PUBLISHED')).find((l) => l.LensArn === arn)).toMatchObject({ LensStatus: 'PUBLISHED', LensVersion: '1.0' });
      expect((await customLenses('DRAFT')).some((l) => l.LensArn === arn)).toBe(false);
      expect((await client.send(new GetLensCommand({ LensAlias: arn }))).Lens).toMatchObject({ LensVersion: '1.0', Name: 'Draft then published' });
    });

    it('applies a published lens to workloads, computing risks from its rules', async () => {
      const arn = await importLens(smallLens('Applied lens'));
      await publish(arn, '1');
      const WorkloadId = await newWorkload(['wellarchitected', arn]);
      const review = await client.send(new GetLensReviewCommand({ WorkloadId, LensAlias: arn }));
      expect(review.LensReview).toMatchObject({ LensAlias: arn, LensArn: arn, LensVersion: '1', LensName: 'Applied lens', LensStatus: 'CURRENT' });
      expect(review.LensReview?.RiskCounts?.UNANSWERED).toBe(2);

      const medium = await client.send(new UpdateAnswerCommand({ WorkloadId, LensAlias: arn, QuestionId: 'q_one', SelectedChoices: ['q_one_a'] }));
      expect(medium.Answer?.Risk).toBe('MEDIUM');
      const none = await client.send(new UpdateAnswerCommand({ WorkloadId, LensAlias: arn, QuestionId: 'q_two', SelectedChoices: ['q_two_a', 'q_two_b'] }));
      expect(none.Answer?.Risk).toBe('NONE');
      const after = await client.send(new GetLensReviewCommand({ WorkloadId, LensAlias: arn }));
      expect(after.LensReview?.RiskCounts).toMatchObject({ MEDIUM: 1, NONE: 1, UNANSWERED: 0 });

      const other = await newWorkload(['wellarchitected']);
      await client.send(new AssociateLensesCommand({ WorkloadId: other, LensAliases: [arn] }));
      expect((await client.send(new GetLensReviewCommand({ WorkloadId: other, LensAlias: arn }))).LensReview?.LensVersion).toBe('1');
    });

    it('checks version names: letters, digits and periods, 1 to 32, unique per lens', async () => {
      const arn = await importLens(smallLens('Version names'));
      await expectFieldErrors(publish(arn, 'v 1'), [['LensVersion', /letter, a digit or a period/]]);
      await expectFieldErrors(publish(arn, 'a'.repeat(33)), [['LensVersion', /32/]]);
      await publish(arn, '2024.1');
      const noDraft = await expectError(publish(arn, '2024.2'), 'ValidationException');
      expect(noDraft.message).toMatch(/no draft/);
      await importLens(smallLens('Version names'), { LensAlias: arn });
      await expectError(publish(arn, '2024.1'), 'ConflictException');
    });

    it('replaces the draft of an existing lens given by its ARN, keeping published versions', async () => {
      const original = smallLens('Redrafted');
      const arn = await importLens(original);
      await publish(arn, '1.0');
      const redraft = lensJson('Redrafted', [{ id: 'basics', questions: [{ id: 'q_one' }] }]);
      expect(await importLens(redraft, { LensAlias: arn })).toBe(arn);
      expect((await client.send(new ExportLensCommand({ LensAlias: arn }))).LensJSON).toBe(original);
      expect((await client.send(new ExportLensCommand({ LensAlias: arn, LensVersion: '1.0' }))).LensJSON).toBe(original);
      const both = (await customLenses('ALL')).filter((l) => l.LensArn === arn).map((l) => l.LensStatus);
      expect(both).toEqual(['PUBLISHED', 'DRAFT']);
      await publish(arn, '1.1');
      expect((await client.send(new ExportLensCommand({ LensAlias: arn }))).LensJSON).toBe(redraft);
      await expectError(client.send(new ExportLensCommand({ LensAlias: arn, LensVersion: '9.9' })), 'ResourceNotFoundException');
    });

    it('makes an ImportLens retry with the same token return the same lens', async () => {
      const ClientRequestToken = token();
      const JSONString = smallLens('Idempotent import');
      const first = await client.send(new ImportLensCommand({ JSONString, ClientRequestToken }));
      const retry = await client.send(new ImportLensCommand({ JSONString, ClientRequestToken }));
      expect(retry.LensArn).toBe(first.LensArn);
      // The hosted service answers with the ARN alone.
      expect(first.Status).toBeUndefined();
    });

    it('keeps names unique among the account\'s lenses after normalisation, worded as the hosted service words it', async () => {
      await importLens(smallLens('Unique name'));
      const clash = await expectError(importLens(smallLens('  unique-NAME ')), 'ValidationException');
      expect(clash.message).toBe('A lens with normalized name uniquename already exists.');
    });

    it('refuses to import over a lens under another name', async () => {
      const arn = await importLens(smallLens('Keeps its name'));
      const renamed = await expectError(importLens(smallLens('Another name'), { LensAlias: arn }), 'ValidationException');
      expect(renamed.message).toBe('Lens name must match published name');
      expect(await importLens(smallLens('Keeps its name'), { LensAlias: arn })).toBe(arn);
    });

    it('refuses to export or delete AWS-provided lenses, and finds no lens that does not exist', async () => {
      await expectFieldErrors(client.send(new ExportLensCommand({ LensAlias: 'wellarchitected' })), [['LensAlias', /provided by AWS/]]);
      await expectFieldErrors(deleteLens('serverless', 'ALL'), [['LensAlias', /custom lenses only/]]);
      const missing = `arn:aws:wellarchitected:${TEST_REGION}:${TEST_ACCOUNT}:lens/${'0'.repeat(32)}`;
      const error = await expectError(client.send(new GetLensCommand({ LensAlias: missing })), 'ResourceNotFoundException');
      expect(error.ResourceType).toBe('LENS');
      await expectError(publish(missing, '1'), 'ResourceNotFoundException');
    });

    it('filters ListLenses by type, status and name', async () => {
      const arn = await importLens(smallLens('Filterable zebra lens'));
      const official = await client.send(new ListLensesCommand({ LensType: 'AWS_OFFICIAL' }));
      expect(official.LensSummaries?.every((l) => l.LensType === 'AWS_OFFICIAL')).toBe(true);
      expect((await customLenses(undefined, 'ZEBRA')).map((l) => l.LensArn)).toEqual([arn]);
      expect((await client.send(new ListLensesCommand({ LensType: 'CUSTOM_SHARED' }))).LensSummaries).toEqual([]);
      const all = (
        await collectPages<LensSummary>(async (NextToken) => {
          const page = await client.send(new ListLensesCommand({ NextToken, MaxResults: 3 }));
          return { items: page.LensSummaries, NextToken: page.NextToken };
        })
      ).flat();
      expect(all.filter((l) => l.LensType === 'AWS_OFFICIAL').length).toBe(official.LensSummaries!.length);
      expect(all.some((l) => l.LensArn === arn && String(l.LensStatus) === 'DRAFT')).toBe(true);
      expect(new Set(all.map((l) => `${l.LensArn} ${l.LensStatus}`)).size).toBe(all.length);
    });
  });

  describe('validation through the API', () => {
    it('lists every violation with its JSON path, the question it is in, and the rule', async () => {
      const doc = JSON.parse(lensJson('Broken lens', [{ id: 'p_one', questions: [{ id: 'q_one' }, { id: 'q_two' }] }, { id: 'p_two', questions: [{ id: 'q_three' }] }]));
      doc.pillars[0].questions[1].title = 'Cost; <really>?';
      doc.pillars[1].questions[0].riskRules[1].condition = 'q_three_a && nothing_here';
      doc.pillars[1].questions[0].choices[0].improvementPlan = { displayText: 'Fix it', url: 'ftp://example.com' };
      doc.pillars[1].id = 'p one';
      doc.somethingTheSpecDoesNotDefine = { kept: true };
      const error = await expectFieldErrors(importLens(JSON.stringify(doc)), [
        ['pillars[0].questions[1].title', /has ";" "<" ">"\) \(question q_two\) \[characters\]$/],
        ['pillars[1].questions[0].riskRules[1].condition', /nothing_here.*\(question q_three\)/],
        ['pillars[1].questions[0].choices[0].improvementPlan.url', /\(question q_three\) \[urlScheme\]$/],
        ['pillars[1].id', /\[idFormat\]$/],
      ]);
      expect(fieldNames(error)).toHaveLength(4);
    });

    it('names the line and column of a syntax error', async () => {
      await expectFieldErrors(importLens('{\n  "schemaVersion": "2021-11-01",\n  "name": NaN\n}'), [['$', /line 3, column 11.*\[jsonSyntax\]$/]]);
    });

    it('refuses a lens over 500 KB', async () => {
      const big = lensJson('Too big', [{ id: 'basics', questions: [{ id: 'q_one' }] }], { padding: '€'.repeat(170_000) });
      await expectFieldErrors(importLens(big), [['$', /500000 bytes.*\[maxSize\]$/]]);
    });

    it('accepts keys the specification does not define', async () => {
      const arn = await importLens(lensJson('Extra keys', [{ id: 'basics', questions: [{ id: 'q_one' }] }], { _version: '3', owner_team: 'x' }));
      expect(arn).toMatch(/lens\/[0-9a-f]{32}$/);
    });
  });

  describe('deleting', () => {
    it('discards a draft, and a lens never published with it', async () => {
      const arn = await importLens(smallLens('Only a draft'));
      await expectError(deleteLens(arn, 'PUBLISHED'), 'ResourceNotFoundException');
      await deleteLens(arn, 'DRAFT');
      await expectError(client.send(new GetLensCommand({ LensAlias: arn })), 'ResourceNotFoundException');
      expect((await customLenses('ALL')).some((l) => l.LensArn === arn)).toBe(false);
    });

    it('keeps a deleted lens on the workloads already using it, shown as deleted', async () => {
      const arn = await importLens(smallLens('Deleted later'));
      await publish(arn, '1.0');
      const WorkloadId = await newWorkload(['wellarchitected', arn]);
      await client.send(new UpdateAnswerCommand({ WorkloadId, LensAlias: arn, QuestionId: 'q_one', SelectedChoices: ['q_one_a'] }));
      await deleteLens(arn, 'ALL');

      expect((await customLenses('ALL')).some((l) => l.LensArn === arn)).toBe(false);
      await expectError(client.send(new GetLensCommand({ LensAlias: arn })), 'ResourceNotFoundException');
      await expectError(newWorkload(['wellarchitected', arn]), 'ResourceNotFoundException');
      const review = await client.send(new GetLensReviewCommand({ WorkloadId, LensAlias: arn }));
      expect(review.LensReview).toMatchObject({ LensStatus: 'DELETED', LensVersion: '1.0', LensName: 'Deleted later' });
      expect((await client.send(new GetAnswerCommand({ WorkloadId, LensAlias: arn, QuestionId: 'q_one' }))).Answer?.Risk).toBe('MEDIUM');
      const { NotificationSummaries } = await client.send(new ListNotificationsCommand({ WorkloadId }));
      expect(NotificationSummaries).toEqual([
        {
          Type: 'LENS_VERSION_DEPRECATED',
          LensUpgradeSummary: expect.objectContaining({ WorkloadId, LensAlias: arn, LensArn: arn, CurrentLensVersion: '1.0' }),
        },
      ]);
      expect(NotificationSummaries?.[0].LensUpgradeSummary?.LatestLensVersion).toBeUndefined();
      // Its name is free again.
      expect(await importLens(smallLens('Deleted later'))).not.toBe(arn);
    });

    it('does not apply a deleted lens again to a workload that had removed it', async () => {
      const arn = await importLens(smallLens('Removed then deleted'));
      await publish(arn, '1.0');
      const WorkloadId = await newWorkload(['wellarchitected', arn]);
      await client.send(new DisassociateLensesCommand({ WorkloadId, LensAliases: [arn] }));
      await deleteLens(arn, 'ALL');
      await expectError(client.send(new AssociateLensesCommand({ WorkloadId, LensAliases: [arn] })), 'ResourceNotFoundException');
      await expectError(client.send(new GetLensReviewCommand({ WorkloadId, LensAlias: arn })), 'ValidationException');
    });
  });

  describe('quotas', () => {
    it('allows 15 custom lenses per account; the 16th is refused with ServiceQuotaExceededException', async () => {
      const own = await customLenses('ALL');
      const existing = new Set(own.map((l) => l.LensArn)).size;
      const made: string[] = [];
      for (let i = existing; i < 15; i++) made.push(await importLens(smallLens(`Quota lens ${i}`)));
      const error = await expectError(importLens(smallLens('One too many')), 'ServiceQuotaExceededException');
      expect(error.QuotaCode).toBe('custom-lenses-per-account');
      expect(error.ServiceCode).toBe('wellarchitected');
      await deleteLens(made[0], 'ALL');
      await importLens(smallLens('Room again'));
    });
  });
});
