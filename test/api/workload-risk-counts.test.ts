import { CreateWorkloadCommand, ListAnswersCommand, ListWorkloadsCommand, UpdateAnswerCommand, type WellArchitectedClient } from '@aws-sdk/client-wellarchitected';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createUser, defaultRoot, startServerWithAccounts, type Actor } from '../support/accounts';
import type { TestServer } from '../support/server';
import { accept, shareWorkload } from '../support/shares';
import { signedFetch } from '../support/signed-fetch';
import { storeKinds } from '../support/stores';

/**
 * GetWorkloadRiskCounts, the console dashboard's counts, counted by the store: they must
 * be what counting every page of ListWorkloads gives the same caller (its own workloads
 * and those shared with it and accepted, by account or by user), on both stores.
 */

describe.each(storeKinds())('GetWorkloadRiskCounts (%s)', (kind) => {
  let server: TestServer;
  let root: Actor;
  let user: Actor;
  let other: Actor;

  async function workloadWithAnswers(owner: WellArchitectedClient, name: string, answered: number, seed: number) {
    const { WorkloadId } = await owner.send(new CreateWorkloadCommand({ WorkloadName: name, Description: 'risk counts', Environment: 'PRODUCTION', Lenses: ['wellarchitected'] }));
    const { AnswerSummaries = [] } = await owner.send(new ListAnswersCommand({ WorkloadId, LensAlias: 'wellarchitected', MaxResults: answered || 1 }));
    for (const [j, q] of AnswerSummaries.slice(0, answered).entries()) {
      const practices = q.Choices!.map((c) => c.ChoiceId!).filter((id) => !id.endsWith('_no'));
      // Some practices followed, never all: the question's risk is HIGH or MEDIUM by what is left out.
      const followed = practices.slice(0, (j + seed) % practices.length);
      const none = q.Choices!.find((c) => c.ChoiceId!.endsWith('_no'))!.ChoiceId!;
      await owner.send(new UpdateAnswerCommand({ WorkloadId, LensAlias: 'wellarchitected', QuestionId: q.QuestionId!, SelectedChoices: followed.length ? followed : [none] }));
    }
    return WorkloadId!;
  }

  /** The counts as the dashboard made them before: every page of ListWorkloads, counted by the client. */
  async function countedFromPages(client: WellArchitectedClient) {
    const counts = { WorkloadCount: 0, WorkloadsWithHighRisks: 0, WorkloadsWithMediumRisks: 0 };
    let NextToken: string | undefined;
    do {
      const page = await client.send(new ListWorkloadsCommand({ NextToken, MaxResults: 2 }));
      for (const w of page.WorkloadSummaries ?? []) {
        counts.WorkloadCount += 1;
        if ((w.RiskCounts?.HIGH ?? 0) > 0) counts.WorkloadsWithHighRisks += 1;
        if ((w.RiskCounts?.MEDIUM ?? 0) > 0) counts.WorkloadsWithMediumRisks += 1;
      }
      NextToken = page.NextToken;
    } while (NextToken);
    return counts;
  }

  async function riskCounts(actor: Actor) {
    const res = await signedFetch(server.url, { method: 'GET', path: '/_plumbline/workloadRiskCounts', credentials: actor.credentials });
    expect(res.status, res.text).toBe(200);
    return JSON.parse(res.text) as Record<string, number>;
  }

  beforeAll(async () => {
    server = await startServerWithAccounts(kind);
    root = defaultRoot(server);
    user = await createUser(server, root.accountId, 'dashboard-reader');
    // Its policy allows wellarchitected:*; the counts are Plumbline's own action.
    const counts = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'plumbline:GetWorkloadRiskCounts', Resource: '*' }] };
    await server.built.services.store.db
      .insertInto('user_policies')
      .values({ account_id: root.accountId, user_name: 'dashboard-reader', policy_name: 'counts', document: JSON.stringify(counts), updated_at: Date.now() })
      .execute();
    other = await createAccount(server, '444455556666');
    // Own workloads: unanswered, and answered with different risks.
    await workloadWithAnswers(root.client, 'Own untouched', 0, 0);
    for (let i = 0; i < 4; i++) await workloadWithAnswers(root.client, `Own answered ${i}`, 6, i);
    // Another account's: one shared with the account, one with the user, one pending, one not shared.
    const toAccount = await workloadWithAnswers(other.client, 'Theirs for the account', 6, 1);
    const toUser = await workloadWithAnswers(other.client, 'Theirs for the user', 6, 2);
    const pending = await workloadWithAnswers(other.client, 'Theirs pending', 6, 3);
    await workloadWithAnswers(other.client, 'Theirs alone', 6, 4);
    await shareWorkload(other, toAccount, root, 'READONLY');
    await accept(root, toAccount);
    await shareWorkload(other, toUser, user, 'READONLY');
    await accept(user, toUser);
    await shareWorkload(other, pending, root, 'READONLY');
  }, 120_000);
  afterAll(() => server?.close());

  it('counts what ListWorkloads shows each caller, own and shared, by risk', async () => {
    const forRoot = await countedFromPages(root.client);
    // The data is not one where the counts could agree by accident.
    expect(forRoot.WorkloadCount).toBe(6);
    expect(forRoot.WorkloadsWithHighRisks).toBeGreaterThan(0);
    expect(forRoot.WorkloadsWithHighRisks).toBeLessThan(forRoot.WorkloadCount);
    expect(forRoot.WorkloadsWithMediumRisks).toBeGreaterThan(0);
    expect(await riskCounts(root)).toEqual(forRoot);

    const forUser = await countedFromPages(user.client);
    expect(forUser.WorkloadCount).toBe(7);
    expect(await riskCounts(user)).toEqual(forUser);

    const forOther = await countedFromPages(other.client);
    expect(forOther.WorkloadCount).toBe(4);
    expect(await riskCounts(other)).toEqual(forOther);
  });

  it('follows an answer that changes a workload’s risks', async () => {
    const before = await riskCounts(root);
    const { WorkloadId } = await root.client.send(new CreateWorkloadCommand({ WorkloadName: 'Own later', Description: 'risk counts', Environment: 'PRODUCTION', Lenses: ['wellarchitected'] }));
    expect(await riskCounts(root)).toEqual({ ...before, WorkloadCount: before.WorkloadCount + 1 });
    const { AnswerSummaries = [] } = await root.client.send(new ListAnswersCommand({ WorkloadId, LensAlias: 'wellarchitected', MaxResults: 1 }));
    const none = AnswerSummaries[0].Choices!.find((c) => c.ChoiceId!.endsWith('_no'))!.ChoiceId!;
    await root.client.send(new UpdateAnswerCommand({ WorkloadId, LensAlias: 'wellarchitected', QuestionId: AnswerSummaries[0].QuestionId!, SelectedChoices: [none] }));
    expect(await riskCounts(root)).toEqual(await countedFromPages(root.client));
  });
});
