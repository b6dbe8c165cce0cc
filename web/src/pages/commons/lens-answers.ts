import { ListAnswersCommand, type AnswerSummary, type WellArchitectedClient } from '@aws-sdk/client-wellarchitected';
import { allPages } from './all-pages';
import { segment } from './format';
import { workloadCrumbs, workloadPath } from './workload-paths';

/** One pillar of a lens review with every one of its answers, in the lens's order. */
export interface PillarAnswers {
  PillarId: string;
  PillarName: string;
  answers: AnswerSummary[];
}

/**
 * Every answer of a lens review, pillar by pillar (ListAnswers per pillar, every page).
 * `pillars` comes from GetLensReview's PillarReviewSummaries, which carries the lens's pillar order.
 */
export async function loadLensAnswers(
  wa: WellArchitectedClient,
  workloadId: string,
  lensAlias: string,
  pillars: Array<{ PillarId?: string; PillarName?: string }>,
  milestoneNumber?: number,
): Promise<PillarAnswers[]> {
  return Promise.all(
    pillars.map(async (p) => ({
      PillarId: p.PillarId ?? '',
      PillarName: p.PillarName ?? p.PillarId ?? '',
      answers: await allPages(
        (NextToken) =>
          wa.send(
            new ListAnswersCommand({
              WorkloadId: workloadId,
              LensAlias: lensAlias,
              PillarId: p.PillarId,
              MilestoneNumber: milestoneNumber,
              MaxResults: 50,
              NextToken,
            }),
          ),
        (out) => out.AnswerSummaries,
      ),
    })),
  );
}

/** A question counts as answered once it has any risk but "unanswered" (not applicable included). */
export const isAnswered = (answer: { Risk?: string }) => answer.Risk !== undefined && answer.Risk !== 'UNANSWERED';

/** The question to continue a review at: the first unanswered one, else the first. */
export function questionToContinue(pillars: PillarAnswers[]): string | undefined {
  const all = pillars.flatMap((p) => p.answers);
  return (all.find((a) => !isAnswered(a)) ?? all[0])?.QuestionId;
}

/** Console paths of a lens review and of one of its questions (ids and ARNs as single segments). */
export const lensReviewPath = (workloadId: string, lensAlias: string) => `${workloadPath(workloadId)}/lenses/${segment(lensAlias)}`;
/** The trail to a lens review (Workloads › workload › lens), which its questions continue. */
export const lensReviewCrumbs = (workloadId: string, workloadName: string, lensAlias: string, lensName: string) => [
  ...workloadCrumbs(workloadId, workloadName),
  { text: lensName, href: lensReviewPath(workloadId, lensAlias) },
];
export const questionPath = (workloadId: string, lensAlias: string, questionId: string) =>
  `${lensReviewPath(workloadId, lensAlias)}/questions/${segment(questionId)}`;

/** Short pillar codes as the guide writes question numbers ("OPS 1"); other lenses' pillars by their name's first word. */
const PILLAR_CODES: Record<string, string> = {
  operationalExcellence: 'OPS',
  security: 'SEC',
  reliability: 'REL',
  performance: 'PERF',
  costOptimization: 'COST',
  sustainability: 'SUS',
};

const pillarCode = (pillarId: string, pillarName: string) =>
  PILLAR_CODES[pillarId] ?? (pillarName.split(/\s+/)[0] ?? pillarId).slice(0, 4).toUpperCase();

/** "OPS 3": a question's number as the guide writes it, from its pillar and its place there (0-based). */
export const questionNumber = (pillar: Pick<PillarAnswers, 'PillarId' | 'PillarName'>, index: number) => `${pillarCode(pillar.PillarId, pillar.PillarName)} ${index + 1}`;
