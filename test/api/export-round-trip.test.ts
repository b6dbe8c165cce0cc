import { randomBytes } from 'node:crypto';
import {
  CreateMilestoneCommand,
  CreateProfileCommand,
  CreateWorkloadCommand,
  GetLensReviewCommand,
  GetMilestoneCommand,
  GetWorkloadCommand,
  ListAnswersCommand,
  ListLensReviewsCommand,
  ListMilestonesCommand,
  ListWorkloadsCommand,
  UpdateAnswerCommand,
  UpdateLensReviewCommand,
  UpdateWorkloadCommand,
  type WellArchitectedClient,
} from '@aws-sdk/client-wellarchitected';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser } from '../support/identities';
import { collectPages } from '../support/paging';
import { startServer, TEST_ACCOUNT, type TestServer } from '../support/server';
import { signedFetch } from '../support/signed-fetch';
import { storeKinds } from '../support/stores';

/**
 * A workload exported and imported again, compared field by field through the
 * API: every property (ImprovementStatus and the review-owner acknowledgement
 * included), the profile and its prioritized counts, lens reviews, answers and
 * every milestone as saved. The import is one transaction: a failure injected
 * half-way (a trigger refusing the milestones) leaves nothing, and a caller is
 * authorized for every action the import performs.
 */

const token = () => randomBytes(8).toString('hex');
const LENSES = ['wellarchitected', 'serverless'];

/** A response without what necessarily differs between the original and the copy. */
function comparable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(comparable);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (['$metadata', 'WorkloadId', 'WorkloadArn', 'UpdatedAt', 'WorkloadName', 'NextToken'].includes(key)) continue;
      out[key] = comparable(v);
    }
    return out;
  }
  return value;
}

describe.each(storeKinds())('export and import round trip (%s)', (kind) => {
  let server: TestServer;
  let client: WellArchitectedClient;
  let original: string;
  let exported: string;

  const importWorkload = (body: string, WorkloadName: string, credentials?: { accessKeyId: string; secretAccessKey: string }) =>
    signedFetch(server.url, { method: 'POST', path: '/_plumbline/import/workloads', body, query: { WorkloadName }, credentials });
  const answer = (WorkloadId: string, QuestionId: string, SelectedChoices: string[], Notes?: string) =>
    client.send(new UpdateAnswerCommand({ WorkloadId, LensAlias: 'wellarchitected', QuestionId, SelectedChoices, Notes }));

  beforeAll(async () => {
    server = await startServer(kind);
    client = server.client;
    const { ProfileArn } = await client.send(
      new CreateProfileCommand({
        ProfileName: 'Round trip profile',
        ProfileDescription: 'Prioritizes questions',
        ProfileQuestions: [
          { QuestionId: 'business_goals', SelectedChoiceIds: ['goal_availability'] },
          { QuestionId: 'criticality', SelectedChoiceIds: ['criticality_supporting'] },
          { QuestionId: 'regulation', SelectedChoiceIds: ['regulation_none'] },
          { QuestionId: 'lifecycle_stage', SelectedChoiceIds: ['stage_retiring'] },
          { QuestionId: 'traffic_pattern', SelectedChoiceIds: ['traffic_steady'] },
        ],
        ClientRequestToken: token(),
      }),
    );
    original = (
      await client.send(
        new CreateWorkloadCommand({
          WorkloadName: 'Round trip',
          Description: 'Every property set',
          Environment: 'PRODUCTION',
          Lenses: LENSES,
          AwsRegions: ['eu-west-1', 'us-east-1'],
          NonAwsRegions: ['on-premises'],
          AccountIds: ['123456789012'],
          PillarPriorities: ['security', 'reliability', 'operationalExcellence', 'performance', 'costOptimization', 'sustainability'],
          ArchitecturalDesign: 'https://example.com/design',
          ReviewOwner: 'owner@example.com',
          Notes: 'Workload notes',
          ProfileArns: [ProfileArn!],
          Tags: { team: 'payments', cost: 'shared' },
          ClientRequestToken: token(),
        }),
      )
    ).WorkloadId!;
    await client.send(new UpdateWorkloadCommand({ WorkloadId: original, ImprovementStatus: 'IN_PROGRESS', IsReviewOwnerUpdateAcknowledged: true }));
    await answer(original, 'priorities', ['ops_priorities_ext_cust_needs'], 'First notes');
    await client.send(new UpdateLensReviewCommand({ WorkloadId: original, LensAlias: 'wellarchitected', LensNotes: 'Lens notes', PillarNotes: { security: 'Pillar notes' } }));
    await client.send(new CreateMilestoneCommand({ WorkloadId: original, MilestoneName: 'First', ClientRequestToken: token() }));
    await answer(original, 'ops-model', ['ops_ops_model_no']);
    await answer(original, 'priorities', ['ops_priorities_ext_cust_needs', 'ops_priorities_int_cust_needs'], 'Later notes');
    await client.send(new CreateMilestoneCommand({ WorkloadId: original, MilestoneName: 'Second', ClientRequestToken: token() }));
    await answer(original, 'org-culture', ['ops_org_culture_executive_sponsor']);
    const response = await signedFetch(server.url, { method: 'GET', path: `/_plumbline/export/workloads/${original}` });
    expect(response.status).toBe(200);
    exported = response.text;
  });
  afterAll(() => server?.close());

  it('keeps every property, the profile, lens reviews, answers and milestones', async () => {
    const imported = await importWorkload(exported, 'Round trip copy');
    expect(imported.status).toBe(200);
    const copy = imported.json!.WorkloadId as string;
    expect(imported.json!.MilestonesImported).toBe(2);

    const [a, b] = await Promise.all([original, copy].map((WorkloadId) => client.send(new GetWorkloadCommand({ WorkloadId }))));
    expect(b.Workload!.WorkloadName).toBe('Round trip copy');
    expect(b.Workload!.ImprovementStatus).toBe('IN_PROGRESS');
    expect(b.Workload!.Profiles?.[0]?.ProfileArn).toBe(a.Workload!.Profiles?.[0]?.ProfileArn);
    expect(b.Workload!.PrioritizedRiskCounts).toBeDefined();
    expect(comparable(b.Workload)).toEqual(comparable(a.Workload));

    const same = async <T>(read: (WorkloadId: string) => Promise<T>) => {
      const [x, y] = await Promise.all([read(original), read(copy)]);
      expect(comparable(y)).toEqual(comparable(x));
    };
    const answersOf = (WorkloadId: string, LensAlias: string, MilestoneNumber?: number) =>
      collectPages(async (NextToken) => {
        const page = await client.send(new ListAnswersCommand({ WorkloadId, LensAlias, MilestoneNumber, NextToken, MaxResults: 50 }));
        return { items: page.AnswerSummaries, NextToken: page.NextToken };
      });
    await same((WorkloadId) => client.send(new ListLensReviewsCommand({ WorkloadId })));
    for (const LensAlias of LENSES) {
      await same((WorkloadId) => client.send(new GetLensReviewCommand({ WorkloadId, LensAlias })));
      await same((WorkloadId) => answersOf(WorkloadId, LensAlias));
    }

    // Milestones: the same numbers, names and times, each exactly as saved.
    await same((WorkloadId) => client.send(new ListMilestonesCommand({ WorkloadId })));
    const listed = await client.send(new ListMilestonesCommand({ WorkloadId: copy }));
    expect(listed.MilestoneSummaries!.map((m) => [m.MilestoneNumber, m.MilestoneName])).toEqual([
      [1, 'First'],
      [2, 'Second'],
    ]);
    for (const MilestoneNumber of [1, 2]) {
      await same((WorkloadId) => client.send(new GetMilestoneCommand({ WorkloadId, MilestoneNumber })));
      await same((WorkloadId) => client.send(new GetLensReviewCommand({ WorkloadId, LensAlias: 'wellarchitected', MilestoneNumber })));
      await same((WorkloadId) => answersOf(WorkloadId, 'wellarchitected', MilestoneNumber));
    }
  });

  it('leaves nothing when the import fails half-way (a failure injected after the answers)', async () => {
    const { db, dialect } = server.built.services.store;
    const count = async () => {
      const rows = await Promise.all(
        (['workloads', 'lens_reviews', 'answers', 'milestones', 'tags', 'workload_profiles'] as const).map((table) =>
          db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        ),
      );
      return rows.map((r) => Number(r.n));
    };
    const before = await count();
    if (dialect === 'sqlite') {
      await sql`CREATE TRIGGER refuse_milestones BEFORE INSERT ON milestones BEGIN SELECT RAISE(ABORT, 'injected failure'); END`.execute(db);
    } else {
      await sql`CREATE FUNCTION refuse_milestones() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$ LANGUAGE plpgsql`.execute(db);
      await sql`CREATE TRIGGER refuse_milestones BEFORE INSERT ON milestones FOR EACH ROW EXECUTE FUNCTION refuse_milestones()`.execute(db);
    }
    try {
      const failed = await importWorkload(exported, 'Half imported');
      expect(failed.status).toBe(500);
    } finally {
      await sql`DROP TRIGGER refuse_milestones${sql.raw(dialect === 'sqlite' ? '' : ' ON milestones')}`.execute(db);
    }
    expect(await count()).toEqual(before);
    expect((await client.send(new ListWorkloadsCommand({ WorkloadNamePrefix: 'Half' }))).WorkloadSummaries).toEqual([]);
    // The same file imports once nothing stands in the way.
    expect((await importWorkload(exported, 'Half imported')).status).toBe(200);
  });

  it('authorizes every action the import performs', async () => {
    // plumbline:ImportWorkload lets the import be asked for; each change it makes needs its own action.
    const allow = (actions: string[]) => ({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['plumbline:ImportWorkload', ...actions.map((a) => `wellarchitected:${a}`)], Resource: '*' }],
    });
    const everything = ['CreateWorkload', 'UpdateWorkload', 'UpdateLensReview', 'UpdateAnswer', 'CreateMilestone'];
    const partial = await createTestUser(server, 'import-no-milestones', { inline: { p: allow(everything.filter((a) => a !== 'CreateMilestone')) } });
    const denied = await importWorkload(exported, 'Denied import', partial.credentials);
    expect(denied.status).toBe(403);
    expect(denied.headers.get('x-amzn-ErrorType')).toMatch(/AccessDeniedException/);
    expect(denied.json!.Message).toMatch(/CreateMilestone/);
    expect((await client.send(new ListWorkloadsCommand({ WorkloadNamePrefix: 'Denied' }))).WorkloadSummaries).toEqual([]);

    const full = await createTestUser(server, 'import-everything', { inline: { p: allow(everything) } });
    const allowed = await importWorkload(exported, 'Allowed import', full.credentials);
    expect(allowed.status).toBe(200);
    const owner = (await client.send(new GetWorkloadCommand({ WorkloadId: allowed.json!.WorkloadId as string }))).Workload!.Owner;
    expect(owner).toBe(TEST_ACCOUNT);
  });
});
