import {
  CreateWorkloadCommand,
  GetAnswerCommand,
  GetLensReviewCommand,
  GetWorkloadCommand,
  ListAnswersCommand,
  ListLensReviewImprovementsCommand,
  ListLensReviewsCommand,
  ListWorkloadsCommand,
  UpdateAnswerCommand,
  UpdateLensReviewCommand,
  UpdateWorkloadCommand,
  type AnswerReason,
  type AnswerSummary,
  type ChoiceUpdate,
  type ImprovementSummary,
  type Risk,
  type UpdateAnswerCommandInput,
  type WellArchitectedClient,
} from '@aws-sdk/client-wellarchitected';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompiledLens, CompiledQuestion } from '../../src/domain/lens/compiled-lens';
import { expectFieldErrors } from '../support/api-errors';
import { seededRandom } from '../support/random';
import { startServer, type TestServer } from '../support/server';
import { storeKinds } from '../support/stores';
import { collectPages } from '../support/paging';

/**
 * Answering questions through the official SDK: UpdateAnswer's rules, how
 * not-applicable practices and questions count, that risk counts per pillar,
 * lens review and workload always agree with the answers, ListAnswers paging
 * and the improvement plan's order and content.
 */

type Counts = Record<Risk, number>;
const zero = (): Counts => ({ UNANSWERED: 0, HIGH: 0, MEDIUM: 0, NONE: 0, NOT_APPLICABLE: 0 });
const isNone = (choiceId: string) => choiceId.endsWith('_no');
const practices = (q: CompiledQuestion) => q.choices.filter((c) => !isNone(c.id));
const idsAt = (q: CompiledQuestion, ...levels: string[]) => practices(q).filter((c) => levels.includes(String(c.riskLevel))).map((c) => c.id);
const noneOf = (q: CompiledQuestion) => q.noneChoiceId!;

const notApplicableIds = (a: AnswerSummary) => (a.ChoiceAnswerSummaries ?? []).filter((c) => c.Status === 'NOT_APPLICABLE').map((c) => c.ChoiceId!);

/**
 * The risk the README documents for the built-in lenses, computed here
 * independently of the server: none when every HIGH- and MEDIUM-level practice
 * is followed (selected or not applicable), medium when every HIGH-level one
 * is, high otherwise and always for "None of these".
 */
function expectedRisk(q: CompiledQuestion, a: AnswerSummary): Risk {
  if (a.IsApplicable === false) return 'NOT_APPLICABLE';
  const selected = a.SelectedChoices ?? [];
  const notApplicable = notApplicableIds(a);
  if (selected.length === 0 && notApplicable.length === 0) return 'UNANSWERED';
  // "None of these" gives the worst risk of the question: medium where no practice is HIGH.
  if (selected.some(isNone)) return idsAt(q, 'HIGH').length > 0 ? 'HIGH' : 'MEDIUM';
  const followed = new Set([...selected, ...notApplicable]);
  if (idsAt(q, 'HIGH', 'MEDIUM').every((id) => followed.has(id))) return 'NONE';
  if (idsAt(q, 'HIGH').every((id) => followed.has(id))) return 'MEDIUM';
  return 'HIGH';
}

const listAll = (client: WellArchitectedClient, WorkloadId: string, LensAlias: string, extra: { PillarId?: string; MaxResults?: number } = {}) =>
  collectPages(async (NextToken) => {
    const page = await client.send(new ListAnswersCommand({ WorkloadId, LensAlias, NextToken, MaxResults: extra.MaxResults ?? 50, PillarId: extra.PillarId }));
    return { items: page.AnswerSummaries, NextToken: page.NextToken };
  });

async function improvements(client: WellArchitectedClient, WorkloadId: string, extra: { PillarId?: string; MaxResults?: number } = {}) {
  const pages = await collectPages(async (NextToken) => {
    const page = await client.send(
      new ListLensReviewImprovementsCommand({ WorkloadId, LensAlias: 'wellarchitected', NextToken, MaxResults: extra.MaxResults ?? 100, PillarId: extra.PillarId }),
    );
    return { items: page.ImprovementSummaries, NextToken: page.NextToken };
  });
  return pages.flat();
}

describe.each(storeKinds())('answers on %s', (kind) => {
  let server: TestServer;
  let client: WellArchitectedClient;
  let framework: CompiledLens;
  let serverless: CompiledLens;
  let questions: CompiledQuestion[];
  let workloads = 0;
  beforeAll(async () => {
    server = await startServer(kind);
    client = server.client;
    framework = server.built.services.catalog.official('wellarchitected')!.current;
    serverless = server.built.services.catalog.official('serverless')!.current;
    questions = [...framework.questions.values()];
  });
  afterAll(() => server?.close());

  const newWorkload = async (Lenses = ['wellarchitected']) =>
    (await client.send(new CreateWorkloadCommand({ WorkloadName: `Answers ${++workloads}`, Description: 'Answers under test', Environment: 'PRODUCTION', Lenses })))
      .WorkloadId!;
  const update = (WorkloadId: string, QuestionId: string, rest: Partial<UpdateAnswerCommandInput> = {}, LensAlias = 'wellarchitected') =>
    client.send(new UpdateAnswerCommand({ WorkloadId, LensAlias, QuestionId, ...rest }));
  const reviewCounts = async (WorkloadId: string, LensAlias = 'wellarchitected') =>
    (await client.send(new GetLensReviewCommand({ WorkloadId, LensAlias }))).LensReview!;
  const question = (predicate: (q: CompiledQuestion) => boolean) => {
    const found = questions.find(predicate);
    if (!found) throw new Error('the framework lens has no question the test needs');
    return found;
  };

  describe('UpdateAnswer rules', () => {
    let WorkloadId: string;
    let q: CompiledQuestion;
    beforeAll(async () => {
      WorkloadId = await newWorkload();
      q = question((x) => idsAt(x, 'HIGH').length >= 2 && idsAt(x, 'MEDIUM').length >= 1);
    });

    it('refuses a choice the question does not have', async () => {
      const [first] = practices(q);
      await expectFieldErrors(update(WorkloadId, q.id, { SelectedChoices: [first.id, 'no_such_choice'] }), [['SelectedChoices[1]', /no_such_choice/]]);
      await expectFieldErrors(update(WorkloadId, q.id, { ChoiceUpdates: { no_such_choice: { Status: 'NOT_APPLICABLE' } } }), [
        [/ChoiceUpdates.*no_such_choice/, /no_such_choice/],
      ]);
      const { Answer } = await client.send(new GetAnswerCommand({ WorkloadId, LensAlias: 'wellarchitected', QuestionId: q.id }));
      expect(Answer?.Risk).toBe('UNANSWERED');
      expect(Answer?.SelectedChoices).toEqual([]);
    });

    it('refuses a question the lens does not have', async () => {
      await expectFieldErrors(update(WorkloadId, 'no-such-question', { SelectedChoices: [practices(q)[0].id] }), [['QuestionId', /no-such-question/]]);
      await expectFieldErrors(client.send(new GetAnswerCommand({ WorkloadId, LensAlias: 'wellarchitected', QuestionId: 'no-such-question' })), [
        ['QuestionId', /no-such-question/],
      ]);
    });

    it('refuses a choice both selected and marked not applicable', async () => {
      const [first] = practices(q);
      await expectFieldErrors(update(WorkloadId, q.id, { SelectedChoices: [first.id], ChoiceUpdates: { [first.id]: { Status: 'NOT_APPLICABLE' } } }), [
        [new RegExp(`ChoiceUpdates.*${first.id}`), /both selected and not applicable/],
      ]);
    });

    it('accepts "None of these" together with other choices and stores them as sent; the rules keep it high', async () => {
      const every = q.choices.map((c) => c.id);
      const { Answer } = await update(WorkloadId, q.id, { SelectedChoices: every });
      expect(Answer?.SelectedChoices).toEqual(every);
      expect(Answer?.Risk).toBe('HIGH');
      const read = await client.send(new GetAnswerCommand({ WorkloadId, LensAlias: 'wellarchitected', QuestionId: q.id }));
      expect(read.Answer?.SelectedChoices).toEqual(every);
      // Through ChoiceUpdates too: ticking "None of these" keeps the practices already ticked.
      await update(WorkloadId, q.id, { SelectedChoices: [practices(q)[0].id] });
      const both = await update(WorkloadId, q.id, { ChoiceUpdates: { [noneOf(q)]: { Status: 'SELECTED' } } });
      expect(both.Answer?.SelectedChoices).toEqual([practices(q)[0].id, noneOf(q)]);
      expect(both.Answer?.Risk).toBe('HIGH');
      await expectFieldErrors(update(WorkloadId, q.id, { ChoiceUpdates: { [noneOf(q)]: { Status: 'NOT_APPLICABLE' } } }), [
        [`ChoiceUpdates.${noneOf(q)}`, /None of these.*cannot be marked not applicable/],
      ]);
      const alone = await update(WorkloadId, q.id, { SelectedChoices: [noneOf(q)] });
      expect(alone.Answer?.Risk).toBe('HIGH');
    });

    it('lists in ChoiceAnswers only the choices selected, not applicable, or with a reason or notes', async () => {
      const [first, second, third] = practices(q).map((c) => c.id);
      const { Answer } = await update(WorkloadId, q.id, {
        SelectedChoices: [first],
        ChoiceUpdates: { [second]: { Status: 'NOT_APPLICABLE' }, [third]: { Status: 'UNSELECTED', Notes: 'Planned for next quarter' } },
      });
      expect(Answer?.ChoiceAnswers).toEqual([
        { ChoiceId: first, Status: 'SELECTED' },
        // Reason is optional and stored as NONE, as the hosted service does.
        { ChoiceId: second, Status: 'NOT_APPLICABLE', Reason: 'NONE' },
        { ChoiceId: third, Status: 'UNSELECTED', Notes: 'Planned for next quarter' },
      ]);
      const listed = (await listAll(client, WorkloadId, 'wellarchitected')).flat().find((a) => a.QuestionId === q.id);
      expect(listed?.ChoiceAnswerSummaries).toEqual([
        { ChoiceId: first, Status: 'SELECTED' },
        { ChoiceId: second, Status: 'NOT_APPLICABLE', Reason: 'NONE' },
        { ChoiceId: third, Status: 'UNSELECTED' },
      ]);
      // The unselected "None of these" never shows as an entry.
      expect(listed?.ChoiceAnswerSummaries?.map((c) => c.ChoiceId)).not.toContain(noneOf(q));
      const cleared = await update(WorkloadId, q.id, { SelectedChoices: [], ChoiceUpdates: { [second]: { Status: 'UNSELECTED' }, [third]: { Status: 'UNSELECTED' } } });
      expect(cleared.Answer?.ChoiceAnswers).toEqual([]);
    });

    it('keeps the reason and notes of a not-applicable practice, up to 250 characters', async () => {
      const target = idsAt(q, 'MEDIUM')[0];
      const Notes = 'n'.repeat(250);
      const { Answer } = await update(WorkloadId, q.id, {
        SelectedChoices: idsAt(q, 'HIGH'),
        ChoiceUpdates: { [target]: { Status: 'NOT_APPLICABLE', Reason: 'ARCHITECTURE_CONSTRAINTS', Notes } },
      });
      expect(Answer?.ChoiceAnswers?.find((c) => c.ChoiceId === target)).toEqual({ ChoiceId: target, Status: 'NOT_APPLICABLE', Reason: 'ARCHITECTURE_CONSTRAINTS', Notes });
      const read = await client.send(new GetAnswerCommand({ WorkloadId, LensAlias: 'wellarchitected', QuestionId: q.id }));
      expect(read.Answer?.ChoiceAnswers?.find((c) => c.ChoiceId === target)?.Notes).toBe(Notes);
      await expectFieldErrors(update(WorkloadId, q.id, { ChoiceUpdates: { [target]: { Status: 'NOT_APPLICABLE', Notes: 'n'.repeat(251) } } }), [
        [new RegExp(`ChoiceUpdates.*${target}.*Notes`), /at most 250/],
      ]);
      await expectFieldErrors(update(WorkloadId, q.id, { ChoiceUpdates: { [target]: { Status: 'NOT_APPLICABLE', Reason: 'LAZINESS' as never } } }), [
        [new RegExp(`ChoiceUpdates.*${target}.*Reason`), /one of/],
      ]);
      const after = await client.send(new GetAnswerCommand({ WorkloadId, LensAlias: 'wellarchitected', QuestionId: q.id }));
      expect(after.Answer?.ChoiceAnswers?.find((c) => c.ChoiceId === target)?.Notes).toBe(Notes);
    });

    it('accepts question notes of 2084 characters and refuses 2085', async () => {
      const Notes = 'x'.repeat(2084);
      expect((await update(WorkloadId, q.id, { Notes })).Answer?.Notes).toBe(Notes);
      await expectFieldErrors(update(WorkloadId, q.id, { Notes: 'x'.repeat(2085) }), [['Notes', /at most 2084/]]);
      const { Answer } = await client.send(new GetAnswerCommand({ WorkloadId, LensAlias: 'wellarchitected', QuestionId: q.id }));
      expect(Answer?.Notes).toBe(Notes);
    });
  });

  describe('risk of an answer', () => {
    it('is NOT_APPLICABLE for a question that does not apply, and counts move with it', async () => {
      const WorkloadId = await newWorkload();
      const q = questions[0];
      await update(WorkloadId, q.id, { SelectedChoices: [noneOf(q)] });
      let review = await reviewCounts(WorkloadId);
      expect(review.RiskCounts).toMatchObject({ HIGH: 1, NOT_APPLICABLE: 0, UNANSWERED: questions.length - 1 });
      const { Answer } = await update(WorkloadId, q.id, { IsApplicable: false, Reason: 'OUT_OF_SCOPE' });
      expect(Answer).toMatchObject({ Risk: 'NOT_APPLICABLE', IsApplicable: false, Reason: 'OUT_OF_SCOPE' });
      review = await reviewCounts(WorkloadId);
      expect(review.RiskCounts).toMatchObject({ HIGH: 0, NOT_APPLICABLE: 1, UNANSWERED: questions.length - 1 });
      expect(review.PillarReviewSummaries?.find((p) => p.PillarId === q.pillarId)?.RiskCounts).toMatchObject({ NOT_APPLICABLE: 1, HIGH: 0 });
      expect((await client.send(new GetWorkloadCommand({ WorkloadId }))).Workload?.RiskCounts).toMatchObject({ NOT_APPLICABLE: 1, HIGH: 0 });
      // Applicable again: the selection was kept.
      const back = await update(WorkloadId, q.id, { IsApplicable: true });
      expect(back.Answer?.Risk).toBe('HIGH');
      expect(back.Answer?.SelectedChoices).toEqual([noneOf(q)]);
      expect((await reviewCounts(WorkloadId)).RiskCounts).toMatchObject({ HIGH: 1, NOT_APPLICABLE: 0 });
    });

    it('counts a practice marked not applicable as followed', async () => {
      const WorkloadId = await newWorkload();
      const q = question((x) => idsAt(x, 'HIGH').length >= 2);
      const [skipped] = idsAt(q, 'HIGH');
      const others = practices(q).map((c) => c.id).filter((id) => id !== skipped);
      expect((await update(WorkloadId, q.id, { SelectedChoices: others })).Answer?.Risk).toBe('HIGH');
      const { Answer } = await update(WorkloadId, q.id, { ChoiceUpdates: { [skipped]: { Status: 'NOT_APPLICABLE', Reason: 'OUT_OF_SCOPE' } } });
      expect(Answer?.Risk).toBe('NONE');
      expect(Answer?.SelectedChoices).toEqual(others);
      expect((await reviewCounts(WorkloadId)).RiskCounts).toMatchObject({ HIGH: 0, NONE: 1 });
      expect((await improvements(client, WorkloadId)).map((i) => i.QuestionId)).not.toContain(q.id);
      // Selecting the practice after all turns the mark into a selection.
      const selected = await update(WorkloadId, q.id, { SelectedChoices: [...others, skipped] });
      expect(selected.Answer?.ChoiceAnswers?.find((c) => c.ChoiceId === skipped)?.Status).toBe('SELECTED');
      expect(selected.Answer?.Risk).toBe('NONE');
    });

    it('is UNANSWERED again when every choice is cleared', async () => {
      const WorkloadId = await newWorkload();
      const q = questions[1];
      expect((await update(WorkloadId, q.id, { SelectedChoices: idsAt(q, 'HIGH') })).Answer?.Risk).not.toBe('UNANSWERED');
      expect((await reviewCounts(WorkloadId)).RiskCounts?.UNANSWERED).toBe(questions.length - 1);
      const { Answer } = await update(WorkloadId, q.id, { SelectedChoices: [] });
      expect(Answer?.Risk).toBe('UNANSWERED');
      expect(Answer?.SelectedChoices).toEqual([]);
      expect((await reviewCounts(WorkloadId)).RiskCounts).toEqual({ ...zero(), UNANSWERED: questions.length });
      expect((await client.send(new GetWorkloadCommand({ WorkloadId }))).Workload?.RiskCounts).toEqual({ ...zero(), UNANSWERED: questions.length });
    });

    // "None of these" stays high risk even when the other practices are marked not
    // applicable: the built-in lenses' rules all require it unticked.
    it('keeps "None of these" at high risk even with the other practices marked not applicable', async () => {
      const WorkloadId = await newWorkload();
      const q = question((x) => idsAt(x, 'HIGH').length > 0);
      const marks = Object.fromEntries(idsAt(q, 'HIGH', 'MEDIUM').map((id) => [id, { Status: 'NOT_APPLICABLE' as const }]));
      const { Answer } = await update(WorkloadId, q.id, { SelectedChoices: [noneOf(q)], ChoiceUpdates: marks });
      expect(Answer?.Risk).toBe('HIGH');
    });
  });

  describe('risk counts always agree with the answers', () => {
    async function checkCounts(WorkloadId: string, lenses: CompiledLens[]) {
      const workloadCounts = zero();
      for (const lens of lenses) {
        const answers = (await listAll(client, WorkloadId, lens.alias)).flat();
        expect(answers).toHaveLength(lens.questions.size);
        const lensCounts = zero();
        const pillarCounts = new Map(lens.pillars.map((p) => [p.id, zero()]));
        for (const a of answers) {
          expect(a.Risk, `${lens.alias}/${a.QuestionId}`).toBe(expectedRisk(lens.questions.get(a.QuestionId!)!, a));
          lensCounts[a.Risk!] += 1;
          workloadCounts[a.Risk!] += 1;
          pillarCounts.get(a.PillarId!)![a.Risk!] += 1;
        }
        const review = (await client.send(new GetLensReviewCommand({ WorkloadId, LensAlias: lens.alias }))).LensReview!;
        expect(review.RiskCounts).toEqual(lensCounts);
        expect(Object.fromEntries((review.PillarReviewSummaries ?? []).map((p) => [p.PillarId, p.RiskCounts]))).toEqual(Object.fromEntries(pillarCounts));
        const summaries = (await client.send(new ListLensReviewsCommand({ WorkloadId }))).LensReviewSummaries ?? [];
        expect(summaries.find((s) => s.LensAlias === lens.alias)?.RiskCounts).toEqual(lensCounts);
      }
      expect((await client.send(new GetWorkloadCommand({ WorkloadId }))).Workload?.RiskCounts).toEqual(workloadCounts);
      const name = (await client.send(new GetWorkloadCommand({ WorkloadId }))).Workload!.WorkloadName!;
      const listed = (await client.send(new ListWorkloadsCommand({ WorkloadNamePrefix: name }))).WorkloadSummaries ?? [];
      expect(listed.find((w) => w.WorkloadId === WorkloadId)?.RiskCounts).toEqual(workloadCounts);
      return workloadCounts;
    }

    it('after a seeded sequence of random updates', async () => {
      const WorkloadId = await newWorkload(['wellarchitected', 'serverless']);
      const random = seededRandom(20240627);
      const reasons: AnswerReason[] = ['OUT_OF_SCOPE', 'BUSINESS_PRIORITIES', 'ARCHITECTURE_CONSTRAINTS', 'OTHER', 'NONE'];
      const clearMarks = (q: CompiledQuestion): Record<string, ChoiceUpdate> =>
        Object.fromEntries(practices(q).map((c) => [c.id, { Status: 'UNSELECTED' as const }]));
      const seenRisks = new Set<Risk>();
      for (let step = 0; step < 15; step++) {
        const lens = random.next() < 0.7 ? framework : serverless;
        const q = random.pick([...lens.questions.values()]);
        const ids = practices(q).map((c) => c.id);
        const kindOfUpdate = random.pick(['choose', 'choose', 'none', 'not-applicable', 'applicable', 'mark', 'clear'] as const);
        let rest: Partial<UpdateAnswerCommandInput>;
        switch (kindOfUpdate) {
          case 'choose':
            rest = { SelectedChoices: random.subset(ids, 0.6) };
            break;
          case 'none':
            rest = { SelectedChoices: [noneOf(q)], ChoiceUpdates: clearMarks(q) };
            break;
          case 'not-applicable':
            rest = { IsApplicable: false, Reason: random.pick(reasons) };
            break;
          case 'applicable':
            rest = { IsApplicable: true, SelectedChoices: random.subset(ids, 0.5) };
            break;
          case 'mark': {
            const marked = random.pick(ids);
            rest = {
              SelectedChoices: random.subset(ids.filter((id) => id !== marked), 0.7),
              ChoiceUpdates: { [marked]: { Status: 'NOT_APPLICABLE', Reason: random.pick(reasons) } },
            };
            break;
          }
          case 'clear':
            rest = { SelectedChoices: [], ChoiceUpdates: clearMarks(q) };
            break;
        }
        const { Answer } = await update(WorkloadId, q.id, rest, lens.alias);
        seenRisks.add(Answer!.Risk!);
        await checkCounts(WorkloadId, [framework, serverless]);
      }
      // The sequence is fixed by the seed; it reaches every risk.
      expect([...seenRisks].sort()).toEqual(['HIGH', 'MEDIUM', 'NONE', 'NOT_APPLICABLE', 'UNANSWERED']);
    });

    it('after concurrent updates of different questions', async () => {
      const WorkloadId = await newWorkload(['wellarchitected', 'serverless']);
      const calls = questions.slice(0, 12).map((q, i) =>
        update(WorkloadId, q.id, i % 3 === 0 ? { SelectedChoices: [noneOf(q)] } : i % 3 === 1 ? { SelectedChoices: practices(q).map((c) => c.id) } : { IsApplicable: false }),
      );
      const serverlessQuestions = [...serverless.questions.values()];
      calls.push(...serverlessQuestions.map((q) => update(WorkloadId, q.id, { SelectedChoices: [noneOf(q)] }, 'serverless')));
      await Promise.all(calls);
      const counts = await checkCounts(WorkloadId, [framework, serverless]);
      // "None of these" gives the worst risk of its question: medium where no practice is HIGH.
      const serverlessHigh = serverlessQuestions.filter((q) => idsAt(q, 'HIGH').length > 0).length;
      expect(counts).toEqual({
        UNANSWERED: questions.length - 12,
        HIGH: 4 + serverlessHigh,
        MEDIUM: serverlessQuestions.length - serverlessHigh,
        NONE: 4,
        NOT_APPLICABLE: 4,
      });
    });
  });

  // UpdateLensReview reads the workload without locking it (src/services/reviews/
  // reviews.service.ts, updateLensReview: reviewView(...) then touchWorkload(trx, ...,
  // view.workload.riskCounts, now)), so on PostgreSQL it can write back risk counts
  // that an UpdateAnswer committed in between has already changed. The scenario is
  // made deterministic with a row lock: UpdateLensReview of the framework lens has
  // read the workload and waits for our lock on its lens review while an answer of
  // the serverless lens commits. SQLite serializes transactions: no overlap there.
  (kind === 'postgres' ? describe : describe.skip)('a lens review update overlapping an answer', () => {
    let overlap: { answerWaited: boolean; counts: Counts; sum: Counts };
    beforeAll(async () => {
      const WorkloadId = await newWorkload(['wellarchitected', 'serverless']);
      const db = server.built.services.store.db;
      const waiting = async () =>
        (await sql<{ n: number }>`select count(*)::int as n from pg_locks where not granted`.execute(db)).rows[0].n;
      let locked!: () => void;
      let release!: () => void;
      const lockedNow = new Promise<void>((resolve) => (locked = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      const holder = db.transaction().execute(async (trx) => {
        await trx.selectFrom('lens_reviews').select('lens_key').where('workload_id', '=', WorkloadId).where('lens_key', '=', 'wellarchitected').forUpdate().execute();
        locked();
        await released;
      });
      await lockedNow;
      const notes = client.send(new UpdateLensReviewCommand({ WorkloadId, LensAlias: 'wellarchitected', LensNotes: 'Written while an answer changes' }));
      for (let i = 0; i < 5000 && (await waiting()) === 0; i++);
      const q = [...serverless.questions.values()][0];
      let answered = false;
      const answer = update(WorkloadId, q.id, { SelectedChoices: [noneOf(q)] }, 'serverless').finally(() => (answered = true));
      let answerWaited = false;
      while (!answered) {
        // Two waiters would mean the answer is blocked too: stop rather than deadlock.
        if ((await waiting()) >= 2) {
          answerWaited = true;
          break;
        }
      }
      release();
      await holder;
      await Promise.all([answer, notes]);
      const counts = (await client.send(new GetWorkloadCommand({ WorkloadId }))).Workload!.RiskCounts as Counts;
      const sum = zero();
      for (const r of (await client.send(new ListLensReviewsCommand({ WorkloadId }))).LensReviewSummaries ?? []) {
        for (const risk of Object.keys(sum) as Risk[]) sum[risk] += r.RiskCounts?.[risk] ?? 0;
      }
      overlap = { answerWaited, counts, sum };
    });

    it('lets the answer commit while the lens review update waits', () => {
      expect(overlap.answerWaited).toBe(false);
      expect(overlap.sum.HIGH).toBe(1);
    });

    // An UpdateLensReview that waited on the lock must not write back stale counts.
    it('keeps the workload counts equal to the sum of its lens reviews', () => {
      expect(overlap.counts).toEqual(overlap.sum);
    });
  });

  describe('ListAnswers', () => {
    let WorkloadId: string;
    beforeAll(async () => {
      WorkloadId = await newWorkload();
    });

    it('pages every question once, with and without a pillar filter', async () => {
      const pages = await listAll(client, WorkloadId, 'wellarchitected', { MaxResults: 7 });
      expect(pages.slice(0, -1).every((p) => p.length === 7)).toBe(true);
      expect(pages[pages.length - 1].length).toBeGreaterThan(0);
      const ids = pages.flat().map((a) => a.QuestionId);
      expect(ids).toEqual(questions.map((q) => q.id));
      for (const pillar of framework.pillars) {
        const filtered = await listAll(client, WorkloadId, 'wellarchitected', { MaxResults: 7, PillarId: pillar.id });
        for (const page of filtered) expect(page.length).toBeLessThanOrEqual(7);
        const answers = filtered.flat();
        expect(answers.every((a) => a.PillarId === pillar.id)).toBe(true);
        expect(answers.map((a) => a.QuestionId)).toEqual(pillar.questions.map((q) => q.id));
      }
    });

    it('refuses an unknown pillar and bad page sizes', async () => {
      await expectFieldErrors(client.send(new ListAnswersCommand({ WorkloadId, LensAlias: 'wellarchitected', PillarId: 'no-such-pillar' })), [
        ['PillarId', /no-such-pillar/],
      ]);
      await expectFieldErrors(client.send(new ListAnswersCommand({ WorkloadId, LensAlias: 'wellarchitected', MaxResults: 51 })), [['MaxResults', /at most 50/]]);
      await expectFieldErrors(client.send(new ListAnswersCommand({ WorkloadId, LensAlias: 'wellarchitected', NextToken: 'bm90IG91cnM' })), [
        ['NextToken', /token/],
      ]);
    });
  });

  describe('ListLensReviewImprovements', () => {
    let WorkloadId: string;
    let answered: Map<string, { selected: string[]; notApplicable: string[]; risk: Risk }>;
    const riskRank = (r?: string) => (r === 'HIGH' ? 0 : 1);

    /** The plan as the rules say it must be, for the given pillar order. */
    function expectedPlan(priorities: string[], pillar?: string) {
      return questions
        .filter((q) => answered.has(q.id) && ['HIGH', 'MEDIUM'].includes(answered.get(q.id)!.risk) && (!pillar || q.pillarId === pillar))
        .sort(
          (a, b) =>
            riskRank(answered.get(a.id)!.risk) - riskRank(answered.get(b.id)!.risk) ||
            priorities.indexOf(a.pillarId) - priorities.indexOf(b.pillarId) ||
            a.order - b.order,
        )
        .map((q) => {
          const { selected, notApplicable, risk } = answered.get(q.id)!;
          const missing = practices(q).map((c) => c.id).filter((id) => !selected.includes(id) && !notApplicable.includes(id));
          return { QuestionId: q.id, PillarId: q.pillarId, Risk: risk, choices: missing };
        });
    }
    const shape = (items: ImprovementSummary[]) =>
      items.map((i) => ({ QuestionId: i.QuestionId, PillarId: i.PillarId, Risk: i.Risk, choices: (i.ImprovementPlans ?? []).map((p) => p.ChoiceId) }));

    beforeAll(async () => {
      WorkloadId = await newWorkload();
      answered = new Map();
      const record = async (q: CompiledQuestion, rest: Partial<UpdateAnswerCommandInput>) => {
        const { Answer } = await update(WorkloadId, q.id, rest);
        const notApplicable = (Answer?.ChoiceAnswers ?? []).filter((c) => c.Status === 'NOT_APPLICABLE').map((c) => c.ChoiceId!);
        answered.set(q.id, { selected: Answer?.SelectedChoices ?? [], notApplicable, risk: Answer!.Risk! });
        return Answer!.Risk!;
      };
      // Per pillar: one question answered "None of these" (high), one with only its
      // high-level practices (medium), one with practices marked not applicable but
      // others missing (high), and one fully followed (no risk).
      for (const pillar of framework.pillars) {
        const [first, ...rest] = pillar.questions;
        // A question without HIGH practices is medium at worst (sustainability).
        expect(await record(first, { SelectedChoices: [noneOf(first)] })).toBe(idsAt(first, 'HIGH').length > 0 ? 'HIGH' : 'MEDIUM');
        const mixed = rest.find((q) => idsAt(q, 'HIGH').length > 0 && idsAt(q, 'MEDIUM').length > 0);
        if (mixed) expect(await record(mixed, { SelectedChoices: idsAt(mixed, 'HIGH') })).toBe('MEDIUM');
        const marked = rest.find((q) => q !== mixed && idsAt(q, 'HIGH').length >= 2);
        if (marked) {
          const [na, , ...others] = idsAt(marked, 'HIGH');
          const risk = await record(marked, {
            SelectedChoices: [...others, ...idsAt(marked, 'LOW')],
            ChoiceUpdates: { [na]: { Status: 'NOT_APPLICABLE', Reason: 'BUSINESS_PRIORITIES' } },
          });
          expect(risk).toBe('HIGH');
        }
        const done = rest.find((q) => q !== mixed && q !== marked);
        if (done) expect(await record(done, { SelectedChoices: practices(done).map((c) => c.id) })).toBe('NONE');
      }
    });

    it('lists high risks before medium ones, by pillar priority, with exactly the practices not followed', async () => {
      const plan = await improvements(client, WorkloadId);
      const risks = plan.map((i) => i.Risk);
      expect(risks.indexOf('MEDIUM')).toBe(risks.lastIndexOf('HIGH') + 1);
      expect(shape(plan)).toEqual(expectedPlan(framework.pillars.map((p) => p.id)));
      for (const item of plan) {
        for (const p of item.ImprovementPlans ?? []) {
          expect(isNone(p.ChoiceId!)).toBe(false);
          expect(p.DisplayText?.length).toBeGreaterThan(0);
        }
      }
      const paged = await improvements(client, WorkloadId, { MaxResults: 3 });
      expect(paged.map((i) => i.QuestionId)).toEqual(plan.map((i) => i.QuestionId));
    });

    it('follows the workload pillar priorities', async () => {
      const before = (await improvements(client, WorkloadId)).map((i) => i.QuestionId);
      const priorities = ['security', ...framework.pillars.map((p) => p.id).filter((id) => id !== 'security')];
      await client.send(new UpdateWorkloadCommand({ WorkloadId, PillarPriorities: priorities }));
      const plan = await improvements(client, WorkloadId);
      expect(plan.map((i) => i.QuestionId)).not.toEqual(before);
      expect(plan[0].PillarId).toBe('security');
      expect(plan.find((i) => i.Risk === 'MEDIUM')?.PillarId).toBe('security');
      expect(shape(plan)).toEqual(expectedPlan(priorities));
    });

    it('filters by pillar', async () => {
      const priorities = (await client.send(new GetWorkloadCommand({ WorkloadId }))).Workload!.PillarPriorities!;
      for (const pillar of ['reliability', 'sustainability']) {
        const plan = await improvements(client, WorkloadId, { PillarId: pillar });
        expect(plan.length).toBeGreaterThan(0);
        expect(shape(plan)).toEqual(expectedPlan(priorities, pillar));
      }
      await expectFieldErrors(client.send(new ListLensReviewImprovementsCommand({ WorkloadId, LensAlias: 'wellarchitected', PillarId: 'nope' })), [
        ['PillarId', /nope/],
      ]);
    });
  });

  describe('UpdateLensReview', () => {
    it('round-trips lens notes and pillar notes', async () => {
      const WorkloadId = await newWorkload();
      const updated = await client.send(
        new UpdateLensReviewCommand({ WorkloadId, LensAlias: 'wellarchitected', LensNotes: 'Lens-wide notes', PillarNotes: { security: 'Sec notes', reliability: 'Rel notes' } }),
      );
      expect(updated.LensReview?.Notes).toBe('Lens-wide notes');
      await client.send(new UpdateLensReviewCommand({ WorkloadId, LensAlias: 'wellarchitected', PillarNotes: { security: 'Sec notes, revised' } }));
      const review = await reviewCounts(WorkloadId);
      expect(review.Notes).toBe('Lens-wide notes');
      const notes = Object.fromEntries((review.PillarReviewSummaries ?? []).map((p) => [p.PillarId, p.Notes]));
      expect(notes).toMatchObject({ security: 'Sec notes, revised', reliability: 'Rel notes' });
      expect(notes.performance).toBeUndefined();
    });

    it('refuses notes for a pillar the lens does not have', async () => {
      const WorkloadId = await newWorkload();
      await expectFieldErrors(client.send(new UpdateLensReviewCommand({ WorkloadId, LensAlias: 'wellarchitected', PillarNotes: { security: 'ok', nope: 'x' } })), [
        [/PillarNotes.*nope/, /nope/],
      ]);
      await expectFieldErrors(client.send(new UpdateLensReviewCommand({ WorkloadId, LensAlias: 'wellarchitected', LensNotes: 'x'.repeat(2085) })), [
        ['LensNotes', /at most 2084/],
      ]);
      const review = await reviewCounts(WorkloadId);
      expect(review.PillarReviewSummaries?.find((p) => p.PillarId === 'security')?.Notes).toBeUndefined();
      expect(review.Notes).toBeUndefined();
    });
  });
});
