import { execFile, execFileSync } from 'node:child_process';
import { accessSync, closeSync, constants, mkdtempSync, openSync, readSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_KEY, TEST_ACCOUNT, TEST_REGION, startServer, type TestServer } from '../support/server';
import { storeKinds } from '../support/stores';

/**
 * The user guide's tutorial, steps 1-4, driven through the real AWS CLI
 * (`aws wellarchitected ...`, run with execFile, no shell) against a real
 * Plumbline: define "Retail Website - North America", document its state
 * (three high risks and one medium risk), read the improvement plan, improve,
 * save milestones and compare them; then tags, a trailing-slash route, a
 * validation error and deletion. This checks what the SDK test cannot: the
 * CLI's own request shapes (percent-encoded ARNs in paths, repeated query
 * keys, trailing slashes, auto-filled idempotency tokens) and its error output.
 */

// ---------------------------------------------------------------------------
// Is the AWS CLI here?

/**
 * The `aws` program to run. Every command starts a fresh Python process, so
 * when `aws` on PATH is a pyenv shim (a bash script that runs `pyenv exec`,
 * roughly doubling the start-up cost) the test runs the program it points to.
 */
function awsProgram(): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir || '.', 'aws');
    let head: string;
    try {
      accessSync(candidate, constants.X_OK);
      const fd = openSync(candidate, 'r');
      const buf = Buffer.alloc(2000);
      head = buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)).toString('latin1');
      closeSync(fd);
    } catch {
      continue;
    }
    if (!head.startsWith('#!') || !head.includes('pyenv')) return candidate;
    try {
      const real = execFileSync('pyenv', ['which', 'aws'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 30_000 }).trim();
      accessSync(real, constants.X_OK);
      return real;
    } catch {
      return candidate;
    }
  }
  return 'aws';
}
const AWS = awsProgram();

function awsVersion(): string | undefined {
  try {
    return execFileSync(AWS, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 }).trim();
  } catch {
    return undefined;
  }
}
const AWS_VERSION = awsVersion();
const INSTALL_HINT =
  'Install the AWS CLI to run it: `apt-get install awscli` (Debian/Ubuntu, as .ci/run does), `pip install awscli`, or AWS CLI v2 from https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html.';

if (!AWS_VERSION) {
  if (process.env.CI) {
    describe('AWS CLI tutorial', () => {
      it('needs the AWS CLI (`aws`) on PATH', () => {
        throw new Error(`The AWS CLI (\`aws\`) is not on PATH (or \`aws --version\` fails), and CI is set, so the AWS CLI test cannot be skipped. ${INSTALL_HINT}`);
      });
    });
  } else {
    console.warn(`AWS CLI tutorial test skipped: \`aws\` is not on PATH (or \`aws --version\` fails). ${INSTALL_HINT}`);
  }
}

// ---------------------------------------------------------------------------
// Running the CLI

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Two config files: an empty one, and one that turns off the CLI's own (client-side) parameter checks. */
const configDir = mkdtempSync(path.join(tmpdir(), 'plumbline-cli-'));
const EMPTY_CONFIG = path.join(configDir, 'config');
const NO_CLIENT_VALIDATION_CONFIG = path.join(configDir, 'config-no-client-validation');
writeFileSync(EMPTY_CONFIG, '');
writeFileSync(NO_CLIENT_VALIDATION_CONFIG, '[default]\nparameter_validation = false\n');

function cliEnv(configFile: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  // Nothing from the developer's own AWS setup (profiles, tokens, endpoints) leaks in.
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('AWS_')) env[k] = v;
  return {
    ...env,
    AWS_ACCESS_KEY_ID: ROOT_KEY.accessKeyId,
    AWS_SECRET_ACCESS_KEY: ROOT_KEY.secretAccessKey,
    AWS_DEFAULT_REGION: TEST_REGION,
    AWS_CONFIG_FILE: configFile,
    AWS_SHARED_CREDENTIALS_FILE: EMPTY_CONFIG,
    AWS_PAGER: '',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_MAX_ATTEMPTS: '1',
    AWS_RETRY_MODE: 'standard',
  };
}

function runAws(endpoint: string, args: string[], configFile = EMPTY_CONFIG): Promise<CliResult> {
  const argv = ['wellarchitected', ...args, '--endpoint-url', endpoint, '--output', 'json'];
  return new Promise((resolve) => {
    execFile(AWS, argv, { env: cliEnv(configFile), timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** Runs a command that must succeed; returns its parsed JSON output ({} when it prints nothing). */
async function awsOk(endpoint: string, args: string[]): Promise<any> {
  const r = await runAws(endpoint, args);
  if (r.code !== 0) {
    throw new Error(`aws wellarchitected ${args.join(' ')} exited ${r.code}\nstderr: ${r.stderr}\nstdout: ${r.stdout}`);
  }
  return r.stdout.trim() === '' ? {} : JSON.parse(r.stdout);
}

/** Runs a command that must fail; returns its result. */
async function awsFails(endpoint: string, args: string[], configFile?: string): Promise<CliResult> {
  const r = await runAws(endpoint, args, configFile);
  if (r.code === 0) throw new Error(`aws wellarchitected ${args.join(' ')} succeeded but should have failed\nstdout: ${r.stdout}`);
  return r;
}

/** Runs fn over items, at most `limit` at a time. */
async function pool<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

// ---------------------------------------------------------------------------
// The lens data: the risk level of every choice, from the built-in lens files

function choiceLevels(): Map<string, string> {
  const dir = fileURLToPath(new URL('../../src/lenses/wellarchitected/', import.meta.url));
  const levels = new Map<string, string>();
  for (const file of readdirSync(path.join(dir, 'pillars')).filter((f) => f.endsWith('.json'))) {
    const pillar = JSON.parse(readFileSync(path.join(dir, 'pillars', file), 'utf8'));
    for (const q of pillar.questions) for (const c of q.choices) if (c.riskLevel) levels.set(`${q.id}/${c.id}`, c.riskLevel);
  }
  // Choices added by later lens versions.
  const versions = JSON.parse(readFileSync(path.join(dir, 'versions.json'), 'utf8'));
  for (const v of versions.versions) {
    for (const change of v.changes) {
      if (!change.insertChoice) continue;
      const c = JSON.parse(readFileSync(path.join(dir, change.insertChoice), 'utf8'));
      if (c.riskLevel) levels.set(`${change.question}/${c.id}`, c.riskLevel);
    }
  }
  return levels;
}

// ---------------------------------------------------------------------------

interface AnswerSummary {
  QuestionId: string;
  Choices: Array<{ ChoiceId: string }>;
  Risk?: string;
}

const LENS = ['--lens-alias', 'wellarchitected'];

describe.skipIf(!AWS_VERSION).each(storeKinds())('tutorial through the AWS CLI on %s', (kind) => {
  let server: TestServer;
  let url: string;
  let workloadId: string;
  let workloadArn: string;
  const levels = choiceLevels();
  const aws = (...args: string[]) => awsOk(url, args);

  beforeAll(async () => {
    server = await startServer(kind);
    url = server.url;
  });
  afterAll(async () => {
    await server?.close();
  });

  /** Every answer, following NextToken if the CLI hands one back (it does not paginate ListAnswers by itself). */
  async function allAnswers(...extra: string[]): Promise<AnswerSummary[]> {
    const answers: AnswerSummary[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await aws('list-answers', '--workload-id', workloadId, ...LENS, ...extra, ...(token ? ['--next-token', token] : []));
      answers.push(...(page.AnswerSummaries ?? []));
      token = page.NextToken;
      expect(++pages).toBeLessThan(20);
    } while (token);
    return answers;
  }

  const practices = (a: AnswerSummary) => a.Choices.map((c) => c.ChoiceId).filter((id) => !id.endsWith('_no'));
  const none = (a: AnswerSummary) => a.Choices.map((c) => c.ChoiceId).find((id) => id.endsWith('_no'))!;
  const highOnly = (a: AnswerSummary) => practices(a).filter((id) => levels.get(`${a.QuestionId}/${id}`) === 'HIGH');
  const hasMedium = (a: AnswerSummary) => practices(a).some((id) => levels.get(`${a.QuestionId}/${id}`) === 'MEDIUM');

  let highQuestions: string[];
  let mediumQuestion: string;

  it('step 1: defines the workload', async () => {
    const created = await aws(
      'create-workload',
      '--workload-name', 'Retail Website - North America',
      '--description', 'Customer-facing retail ecommerce website for North America',
      '--review-owner', 'Jane Doe, platform architecture',
      '--environment', 'PRODUCTION',
      '--aws-regions', 'us-east-1', 'us-west-2',
      '--non-aws-regions', 'Toronto data center',
      '--lenses', 'wellarchitected',
    );
    expect(created.WorkloadId).toMatch(/^[0-9a-f]{32}$/);
    expect(created.WorkloadArn).toBe(`arn:aws:wellarchitected:${TEST_REGION}:${TEST_ACCOUNT}:workload/${created.WorkloadId}`);
    workloadId = created.WorkloadId;
    workloadArn = created.WorkloadArn;

    const { Workload } = await aws('get-workload', '--workload-id', workloadId);
    expect(Workload).toMatchObject({
      WorkloadId: workloadId,
      WorkloadArn: workloadArn,
      WorkloadName: 'Retail Website - North America',
      Description: 'Customer-facing retail ecommerce website for North America',
      ReviewOwner: 'Jane Doe, platform architecture',
      Environment: 'PRODUCTION',
      AwsRegions: ['us-east-1', 'us-west-2'],
      NonAwsRegions: ['Toronto data center'],
      Lenses: ['wellarchitected'],
      RiskCounts: { UNANSWERED: 57, HIGH: 0, MEDIUM: 0, NONE: 0, NOT_APPLICABLE: 0 },
    });
    // AWS CLI v1 prints the wire's epoch seconds as they are; v2 prints ISO 8601 text.
    const updatedAt = typeof Workload.UpdatedAt === 'number' ? Workload.UpdatedAt * 1000 : Date.parse(Workload.UpdatedAt);
    expect(Number.isNaN(updatedAt)).toBe(false);
    expect(Math.abs(updatedAt - Date.now())).toBeLessThan(60_000);
  });

  it('step 2: documents the workload state', { timeout: 300_000 }, async () => {
    const answers = await allAnswers();
    expect(answers).toHaveLength(57);
    expect(new Set(answers.map((a) => a.QuestionId)).size).toBe(57);
    expect(answers.every((a) => a.Risk === 'UNANSWERED')).toBe(true);
    // Every choice the CLI shows has a known level (or is "None of these").
    for (const a of answers) for (const id of practices(a)) expect(levels.has(`${a.QuestionId}/${id}`), `${a.QuestionId}/${id}`).toBe(true);

    // Questions with both high- and medium-level practices, so each risk can be reached.
    const mixed = answers.filter((a) => a.QuestionId !== 'priorities' && highOnly(a).length > 0 && hasMedium(a)).map((a) => a.QuestionId);
    expect(mixed.length).toBeGreaterThanOrEqual(4);
    highQuestions = mixed.slice(0, 3);
    mediumQuestion = mixed[3];

    const updates = answers
      .filter((a) => a.QuestionId !== 'priorities')
      .map((a) => {
        if (highQuestions.includes(a.QuestionId)) return { id: a.QuestionId, choices: [none(a)], risk: 'HIGH' };
        if (a.QuestionId === mediumQuestion) return { id: a.QuestionId, choices: highOnly(a), risk: 'MEDIUM' };
        return { id: a.QuestionId, choices: practices(a), risk: 'NONE' };
      });
    const results = await pool(updates, 4, (u) =>
      aws('update-answer', '--workload-id', workloadId, ...LENS, '--question-id', u.id, '--selected-choices', ...u.choices),
    );
    for (const [i, u] of updates.entries()) {
      expect(results[i].WorkloadId).toBe(workloadId);
      expect(results[i].Answer).toMatchObject({ QuestionId: u.id, Risk: u.risk });
      expect([...results[i].Answer.SelectedChoices].sort()).toEqual([...u.choices].sort());
    }

    // The tutorial's not-applicable practice, with its reason and details.
    const updated = await aws(
      'update-answer', '--workload-id', workloadId, ...LENS, '--question-id', 'priorities',
      '--selected-choices', 'ops_priorities_ext_cust_needs', 'ops_priorities_governance_reqs', 'ops_priorities_compliance_reqs',
      'ops_priorities_eval_threat_landscape', 'ops_priorities_eval_tradeoffs',
      '--choice-updates', JSON.stringify({
        ops_priorities_int_cust_needs: { Status: 'NOT_APPLICABLE', Reason: 'OUT_OF_SCOPE', Notes: 'Internal customer needs to be addressed in following release' },
      }),
      '--notes', 'Reviewed with the product and operations leads.',
    );
    expect(updated.Answer.Risk).toBe('NONE');
    expect(updated.Answer.Notes).toBe('Reviewed with the product and operations leads.');
    expect(updated.Answer.ChoiceAnswers.find((c: { ChoiceId: string }) => c.ChoiceId === 'ops_priorities_int_cust_needs')).toEqual({
      ChoiceId: 'ops_priorities_int_cust_needs',
      Status: 'NOT_APPLICABLE',
      Reason: 'OUT_OF_SCOPE',
      Notes: 'Internal customer needs to be addressed in following release',
    });

    const review = await aws('get-lens-review', '--workload-id', workloadId, ...LENS);
    expect(review.LensReview.RiskCounts).toEqual({ UNANSWERED: 0, HIGH: 3, MEDIUM: 1, NONE: 53, NOT_APPLICABLE: 0 });
    const pillarHigh = review.LensReview.PillarReviewSummaries.reduce((n: number, p: any) => n + (p.RiskCounts?.HIGH ?? 0), 0);
    expect(pillarHigh).toBe(3);

    const milestone = await aws('create-milestone', '--workload-id', workloadId, '--milestone-name', 'Version 1.0 - initial review');
    expect(milestone).toEqual({ WorkloadId: workloadId, MilestoneNumber: 1 });
  });

  it('step 3: reviews the improvement plan and sets the improvement status', async () => {
    const plan = await aws('list-lens-review-improvements', '--workload-id', workloadId, ...LENS);
    const items: any[] = plan.ImprovementSummaries;
    expect(items.map((i) => i.Risk)).toEqual(['HIGH', 'HIGH', 'HIGH', 'MEDIUM']);
    expect(items.slice(0, 3).map((i) => i.QuestionId)).toEqual(highQuestions);
    expect(items[3].QuestionId).toBe(mediumQuestion);
    for (const item of items) {
      expect(item.ImprovementPlans.length).toBeGreaterThan(0);
      for (const p of item.ImprovementPlans) expect(p.DisplayText.length).toBeGreaterThan(20);
    }
    const { Workload } = await aws('update-workload', '--workload-id', workloadId, '--improvement-status', 'NOT_STARTED');
    expect(Workload.ImprovementStatus).toBe('NOT_STARTED');
  });

  it('step 4: makes improvements, saves a milestone and compares', { timeout: 120_000 }, async () => {
    const [fixed, partly] = highQuestions;
    const byId = new Map((await allAnswers()).map((a) => [a.QuestionId, a]));

    const fixedAnswer = await aws(
      'update-answer', '--workload-id', workloadId, ...LENS, '--question-id', fixed,
      '--selected-choices', ...practices(byId.get(fixed)!),
      '--notes', 'Added Amazon CloudWatch alarms and AWS Auto Scaling.',
    );
    expect(fixedAnswer.Answer.Risk).toBe('NONE');
    const partlyAnswer = await aws(
      'update-answer', '--workload-id', workloadId, ...LENS, '--question-id', partly,
      '--selected-choices', ...highOnly(byId.get(partly)!),
    );
    expect(partlyAnswer.Answer.Risk).toBe('MEDIUM');

    const plan = await aws('list-lens-review-improvements', '--workload-id', workloadId, ...LENS);
    expect(plan.ImprovementSummaries.map((i: any) => i.Risk)).toEqual(['HIGH', 'MEDIUM', 'MEDIUM']);

    const second = await aws('create-milestone', '--workload-id', workloadId, '--milestone-name', 'Version 2.0 - monitoring and scaling');
    expect(second.MilestoneNumber).toBe(2);

    const list = await aws('list-milestones', '--workload-id', workloadId);
    expect(list.MilestoneSummaries.map((m: any) => [m.MilestoneNumber, m.MilestoneName])).toEqual([
      [1, 'Version 1.0 - initial review'],
      [2, 'Version 2.0 - monitoring and scaling'],
    ]);

    const m1 = await aws('get-milestone', '--workload-id', workloadId, '--milestone-number', '1');
    expect(m1.Milestone.MilestoneName).toBe('Version 1.0 - initial review');
    expect(m1.Milestone.Workload.RiskCounts).toMatchObject({ HIGH: 3, MEDIUM: 1 });
    expect(m1.Milestone.Workload.ImprovementStatus).toBe('NOT_APPLICABLE');
    const m2 = await aws('get-milestone', '--workload-id', workloadId, '--milestone-number', '2');
    expect(m2.Milestone.MilestoneName).toBe('Version 2.0 - monitoring and scaling');
    expect(m2.Milestone.Workload.RiskCounts).toMatchObject({ HIGH: 1, MEDIUM: 2 });
    expect(m2.Milestone.Workload.ImprovementStatus).toBe('NOT_STARTED');

    // Reads at a milestone return what was saved, not what is there now.
    const then = await aws('get-answer', '--workload-id', workloadId, ...LENS, '--question-id', fixed, '--milestone-number', '1');
    expect(then.MilestoneNumber).toBe(1);
    expect(then.Answer.Risk).toBe('HIGH');
    expect(then.Answer.SelectedChoices).toEqual([none(byId.get(fixed)!)]);
    const now = await aws('get-answer', '--workload-id', workloadId, ...LENS, '--question-id', fixed);
    expect(now.Answer.Risk).toBe('NONE');
    expect(now.Answer.Notes).toBe('Added Amazon CloudWatch alarms and AWS Auto Scaling.');
  });

  it('tags the workload by its ARN (percent-encoded in the path, repeated tagKeys in the query)', async () => {
    expect(await aws('tag-resource', '--workload-arn', workloadArn, '--tags', 'Team=Retail,CostCenter=1234,Stage=prod')).toEqual({});
    expect((await aws('list-tags-for-resource', '--workload-arn', workloadArn)).Tags).toEqual({ Team: 'Retail', CostCenter: '1234', Stage: 'prod' });
    expect(await aws('untag-resource', '--workload-arn', workloadArn, '--tag-keys', 'CostCenter', 'Stage')).toEqual({});
    expect((await aws('list-tags-for-resource', '--workload-arn', workloadArn)).Tags).toEqual({ Team: 'Retail' });
    // The tags are the workload's.
    expect((await aws('get-workload', '--workload-id', workloadId)).Workload.Tags).toEqual({ Team: 'Retail' });
  });

  it('routes list-profile-notifications, which this CLI sends with a trailing slash', async () => {
    expect((await aws('list-profile-notifications')).NotificationSummaries).toEqual([]);
  });

  it('reports validation errors from the server (a 2-character workload name)', async () => {
    // The CLI checks the minimum length itself before sending; turn that off so the request reaches Plumbline.
    const r = await awsFails(
      url,
      ['create-workload', '--workload-name', 'ab', '--description', 'Too short a name', '--environment', 'PRODUCTION', '--lenses', 'wellarchitected'],
      NO_CLIENT_VALIDATION_CONFIG,
    );
    expect(r.stderr).toContain('ValidationException');
    expect(r.stderr).toContain('WorkloadName');
    expect(r.stderr).not.toContain('Parameter validation failed');
    // And with the CLI's own checks on, it refuses before sending (the usual experience).
    const local = await awsFails(url, ['create-workload', '--workload-name', 'ab', '--description', 'Too short a name', '--environment', 'PRODUCTION', '--lenses', 'wellarchitected']);
    expect(local.stderr).toContain('WorkloadName');
  });

  it('deletes the workload', async () => {
    expect(await aws('delete-workload', '--workload-id', workloadId)).toEqual({});
    const r = await awsFails(url, ['get-workload', '--workload-id', workloadId]);
    expect(r.stderr).toContain('ResourceNotFoundException');
    const left = await aws('list-workloads');
    expect(left.WorkloadSummaries ?? []).toEqual([]);
  });
});

afterAll(() => rmSync(configDir, { recursive: true, force: true }));
