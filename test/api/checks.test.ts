import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CreateWorkloadCommand,
  ListCheckDetailsCommand,
  ListCheckSummariesCommand,
  type CheckDetail,
  type CheckSummary,
} from '@aws-sdk/client-wellarchitected';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedFetch } from '../../src/cli/signed-request';
import { loadBuiltinLenses } from '../../src/services/lenses/builtin-lenses';
import { createTestUser } from '../support/identities';
import { importFile } from '../support/check-imports';
import { checksByRequirement, EXAMPLE_FILE, writeProwlerFile, type GeneratedFinding } from '../support/prowler-findings';
import { rootEnvironment, startServer, type TestServer } from '../support/server';
import { storeKinds } from '../support/stores';

/**
 * Checks from scanner findings: Prowler json-ocsf and the generic JSON lines
 * imported through Plumbline's own route (streamed, signed with the body's
 * SHA-256), read back through ListCheckSummaries and ListCheckDetails with the
 * official SDK, and compared with counts worked out here from the file itself.
 */

const FRAMEWORK = loadBuiltinLenses().find((l) => l.alias === 'wellarchitected')!.current;
const LENS_ARN = FRAMEWORK.arn;
const questionOf = new Map([...FRAMEWORK.questions.values()].flatMap((q) => q.choices.map((c) => [c.id, q] as const)));

/** Prowler's mapping read directly: requirement id -> practice id. */
const practiceOfRequirement = new Map<string, string>();
for (const pillar of ['security', 'reliability']) {
  const file = new URL(`../../src/checks/prowler/prowler-compliance-aws-well-architected-${pillar}-pillar.json`, import.meta.url);
  for (const r of JSON.parse(readFileSync(file, 'utf8')).Requirements) practiceOfRequirement.set(r.Id, r.Attributes[0].WellArchitectedPracticeId);
}

const STATUS: Record<string, (severity: string) => string> = {
  PASS: () => 'OKAY',
  MANUAL: () => 'NOT_AVAILABLE',
  FAIL: (severity) => (['Critical', 'High'].includes(severity) ? 'ERROR' : 'WARNING'),
};
const RANK = ['NOT_AVAILABLE', 'OKAY', 'WARNING', 'ERROR'];
const worst = (a: string | undefined, b: string) => (a === undefined || RANK.indexOf(b) > RANK.indexOf(a) ? b : a);

interface Expected {
  status: string;
  flagged: Set<string>;
}

/** choice -> check -> account -> expected detail, worked out from what was written. */
function expectedResults(findings: GeneratedFinding[]) {
  const out = new Map<string, Map<string, Map<string, Expected>>>();
  let unplaced = 0;
  const stalePractices = new Set<string>();
  for (const f of findings) {
    const practices = Object.values(f.compliance)
      .flat()
      .map((r) => practiceOfRequirement.get(r)!);
    practices.filter((c) => !questionOf.has(c)).forEach((c) => stalePractices.add(c));
    const choices = practices.filter((c) => questionOf.has(c));
    if (!choices.length) unplaced += 1;
    const status = STATUS[f.statusCode](f.severity);
    for (const choice of new Set(choices)) {
      const checks = out.get(choice) ?? new Map<string, Map<string, Expected>>();
      out.set(choice, checks);
      const accounts = checks.get(f.checkId) ?? new Map<string, Expected>();
      checks.set(f.checkId, accounts);
      const e = accounts.get(f.accountId) ?? { status, flagged: new Set<string>() };
      e.status = worst(e.status, status);
      if (status === 'WARNING' || status === 'ERROR') e.flagged.add(f.resourceId);
      accounts.set(f.accountId, e);
    }
  }
  return { byChoice: out, unplaced, stalePractices };
}


async function allPages<T>(fetchPage: (token?: string) => Promise<{ items?: T[]; next?: string }>): Promise<T[]> {
  const items: T[] = [];
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    items.push(...(page.items ?? []));
    token = page.next;
  } while (token);
  return items;
}

describe.each(storeKinds())('checks from scanners on %s', (kind) => {
  let server: TestServer;
  let workloadId: string;
  let dir: string;
  const accounts = ['111111111111', '222222222222', '333333333333'];

  const ref = (choiceId: string) => {
    const q = questionOf.get(choiceId)!;
    return { WorkloadId: workloadId, LensArn: LENS_ARN, PillarId: q.pillarId, QuestionId: q.id, ChoiceId: choiceId };
  };
  const summaries = (choiceId: string) =>
    allPages<CheckSummary>(async (NextToken) => {
      const r = await server.client.send(new ListCheckSummariesCommand({ ...ref(choiceId), NextToken, MaxResults: 7 }));
      return { items: r.CheckSummaries, next: r.NextToken };
    });
  const details = (choiceId: string) =>
    allPages<CheckDetail>(async (NextToken) => {
      const r = await server.client.send(new ListCheckDetailsCommand({ ...ref(choiceId), NextToken, MaxResults: 50 }));
      return { items: r.CheckDetails, next: r.NextToken };
    });

  beforeAll(async () => {
    server = await startServer(kind);
    dir = mkdtempSync(path.join(tmpdir(), 'plumbline-checks-'));
    const created = await server.client.send(
      new CreateWorkloadCommand({
        WorkloadName: `Checks ${kind}`,
        Description: 'Evidence from scanners',
        Environment: 'PRODUCTION',
        AwsRegions: ['eu-west-1'],
        ReviewOwner: 'owner@example.com',
        Lenses: ['wellarchitected'],
        ClientRequestToken: `checks-${kind}`,
      }),
    );
    workloadId = created.WorkloadId!;
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("imports Prowler's example output and reports what it could not place", async () => {
    const file = path.join(dir, 'example.json');
    writeFileSync(file, readFileSync(EXAMPLE_FILE, 'utf8').replaceAll('<account_uid>', '444455556666'));
    const result = await importFile(server, workloadId, file, { Format: 'PROWLER_OCSF' });
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    // Three of the five findings name SEC03-BP03 and SEC10-BP01; two name no Well-Architected requirement.
    expect(result.json).toMatchObject({
      Source: 'Prowler',
      Accounts: ['444455556666'],
      FindingsRead: 5,
      FindingsPlaced: 3,
      FindingsNotPlaced: { WithoutPractice: 2, PracticeNotInLens: 0, PracticeIds: [] },
    });
    const [summary, ...others] = await summaries('sec_permissions_emergency_process');
    expect(others.length).toBe(2);
    expect(summary).toMatchObject({ Provider: 'Prowler', LensArn: LENS_ARN, ChoiceId: 'sec_permissions_emergency_process', Status: 'NOT_AVAILABLE', AccountSummary: { NOT_AVAILABLE: 1 } });
    expect(summary.UpdatedAt).toEqual(new Date(1739539623000));
  });

  it('places 100,000 generated findings as counted from the file, over every page', async () => {
    // A workload of its own: the example's account stays out of the counts.
    const created = await server.client.send(
      new CreateWorkloadCommand({ WorkloadName: `Many checks ${kind}`, Description: 'Generated findings', Environment: 'PRODUCTION', AwsRegions: ['eu-west-1'], ReviewOwner: 'owner@example.com', Lenses: ['wellarchitected'] }),
    );
    workloadId = created.WorkloadId!;
    const file = path.join(dir, 'many.json');
    const written = await writeProwlerFile(file, 100_000, accounts);
    const result = await importFile(server, workloadId, file, { Format: 'PROWLER_OCSF' });
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    const expected = expectedResults(written);
    expect(result.json.FindingsRead).toBe(100_000);
    expect(result.json.FindingsNotPlaced.WithoutPractice + result.json.FindingsNotPlaced.PracticeNotInLens).toBe(expected.unplaced);
    // The mapping's practice ids that the 2024-11-06 framework no longer has are named.
    expect(result.json.FindingsNotPlaced.PracticeIds).toEqual([...expected.stalePractices].sort());
    expect(expected.stalePractices.size).toBeGreaterThan(3);
    expect(result.json.Accounts).toEqual(accounts);

    expect(expected.byChoice.size).toBeGreaterThan(30);
    for (const [choice, checks] of expected.byChoice) {
      const got = await summaries(choice);
      expect(got.map((s) => s.Id).sort(), choice).toEqual([...checks.keys()].sort());
      for (const s of got) {
        const perAccount = [...checks.get(s.Id!)!.values()];
        expect(s.Status).toBe(perAccount.reduce<string | undefined>((w, e) => worst(w, e.status), undefined));
        const counts: Record<string, number> = {};
        for (const e of perAccount) counts[e.status] = (counts[e.status] ?? 0) + 1;
        expect(s.AccountSummary, `${choice} ${s.Id}`).toEqual(counts);
      }
      const got2 = await details(choice);
      expect(got2.length).toBe([...checks.values()].reduce((n, a) => n + a.size, 0));
      for (const d of got2) {
        const e = checks.get(d.Id!)!.get(d.AccountId!)!;
        expect(d.Status).toBe(e.status);
        expect(d.FlaggedResources).toBe(e.flagged.size || undefined);
      }
    }
  }, 180_000);

  it("replaces only the imported account's earlier results on a second import", async () => {
    const check = 'iam_root_mfa_enabled';
    const choice = practiceOfRequirement.get(Object.values(checksByRequirement().get(check)!)[0][0])!;
    const lines = [{ CheckId: check, Name: 'Root MFA', Status: 'OKAY', AccountId: accounts[0], PracticeIds: [choice], Time: 1764547200 }];
    const file = path.join(dir, 'second.jsonl');
    writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n'));
    // The generic format keeps results per source: import it as Prowler's to replace Prowler's.
    const result = await importFile(server, workloadId, file, { Format: 'JSONL', Source: 'Prowler' });
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    const rows = (await details(choice)).filter((d) => d.Id === check);
    expect(rows.map((d) => d.AccountId)).toEqual(accounts);
    expect(rows[0].Status).toBe('OKAY');
    expect(rows[0].FlaggedResources).toBeUndefined();
    // Other checks of account 1 went with the replacement; the other accounts kept theirs.
    const others = (await details(choice)).filter((d) => d.Id !== check);
    expect(others.some((d) => d.AccountId === accounts[0])).toBe(false);
    expect(others.some((d) => d.AccountId === accounts[1])).toBe(true);
  });

  it('lists the resources a check flagged', async () => {
    const choice = 'sec_permissions_emergency_process';
    const detail = (await details(choice)).find((d) => d.AccountId === accounts[1] && d.FlaggedResources);
    expect(detail).toBeDefined();
    const { signedFetch: rawFetch } = await import('../support/signed-fetch');
    const response = await rawFetch(server.url, {
      method: 'GET',
      path: `/_plumbline/workloads/${workloadId}/checks/${detail!.Id}/resources`,
      query: { AccountId: accounts[1], Provider: 'Prowler', MaxResults: '1000' },
    });
    expect(response.status, response.text).toBe(200);
    const resources = response.json!.FlaggedResources as Array<{ Id: string; Status: string }>;
    expect(resources).toHaveLength(detail!.FlaggedResources!);
    expect(resources.every((r) => r.Id.startsWith('arn:aws:s3:::') && ['WARNING', 'ERROR'].includes(r.Status))).toBe(true);
  });

  it('refuses a malformed file, a wrong body hash and a caller without the permission, changing nothing', async () => {
    const before = await details('sec_permissions_emergency_process');
    const bad = path.join(dir, 'bad.jsonl');
    writeFileSync(bad, `${JSON.stringify({ CheckId: 'x', Status: 'FAIL', AccountId: '1', PracticeIds: ['sec_permissions_emergency_process'] })}\nnot json\n`);
    const malformed = await importFile(server, workloadId, bad, { Format: 'JSONL', Source: 'Prowler' });
    expect(malformed.status, JSON.stringify(malformed.json)).toBe(400);
    expect(malformed.json.Fields.map((f: { Name: string }) => f.Name)).toEqual(['line 1.Status', 'line 1.AccountId', 'line 2(line)']);

    const good = path.join(dir, 'good.jsonl');
    writeFileSync(good, JSON.stringify({ CheckId: 'x', Status: 'ERROR', AccountId: accounts[1], PracticeIds: ['sec_permissions_emergency_process'] }));
    const response = await signedFetch(rootEnvironment(server), undefined, 'POST', `/_plumbline/workloads/${workloadId}/checks/import`, { Format: 'JSONL', Source: 'Prowler' }, {
      sha256: createHash('sha256').update('something else').digest('hex'),
      stream: createReadStream(good),
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('x-amz-content-sha256 header does not match the request body');

    const reader = await createTestUser(server, `checks-reader-${kind}`, { managed: ['WellArchitectedConsoleReadOnlyAccess'] });
    const denied = await importFile(server, workloadId, good, { Format: 'JSONL', Source: 'Prowler' }, reader.credentials);
    expect(denied.status).toBe(403);
    // A reader may still read the checks.
    const read = await reader.client.send(new ListCheckDetailsCommand(ref('sec_permissions_emergency_process')));
    expect(read.CheckDetails?.length).toBeGreaterThan(0);

    expect(await details('sec_permissions_emergency_process')).toEqual(before);
  });

  it('names a practice that is not where the call says', async () => {
    const error = await server.client
      .send(new ListCheckSummariesCommand({ ...ref('sec_permissions_emergency_process'), QuestionId: 'priorities' }))
      .catch((e: unknown) => e as Error & { name: string });
    expect(error).toMatchObject({ name: 'ValidationException' });
    expect(String((error as Error).message)).toMatch(/pillar|ChoiceId/);
  });
});
