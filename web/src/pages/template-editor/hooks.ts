import {
  GetReviewTemplateCommand,
  GetReviewTemplateLensReviewCommand,
  ListLensesCommand,
  ListReviewTemplateAnswersCommand,
  type LensSummary,
  type ReviewTemplate,
  type ReviewTemplateAnswerSummary,
  type ReviewTemplateLensReview,
} from '@aws-sdk/client-wellarchitected';
import { useWellArchitected } from '../../api/client';
import { allPages } from '../commons/all-pages';
import { useLoad } from '../commons/use-load';

export function useTemplate(arn: string) {
  const wa = useWellArchitected();
  return useLoad<ReviewTemplate | undefined>(async () => (await wa.send(new GetReviewTemplateCommand({ TemplateArn: arn }))).ReviewTemplate, [wa, arn]);
}

/**
 * The lenses a template may use: AWS lenses, the account's published custom lenses
 * and custom lenses shared with it. Custom lenses are named by ARN in requests.
 */
export function useLensChoices() {
  const wa = useWellArchitected();
  return useLoad<LensSummary[]>(async () => {
    const lenses = await allPages(
      (NextToken) => wa.send(new ListLensesCommand({ LensStatus: 'PUBLISHED', NextToken, MaxResults: 50 })),
      (out) => out.LensSummaries,
    );
    return lenses.filter((l) => l.LensStatus !== 'DELETED' && l.LensStatus !== 'DEPRECATED');
  }, [wa]);
}

/** The alias a request names a lens by: the alias of an AWS lens, the ARN of a custom one. */
export interface TemplateLens {
  review: ReviewTemplateLensReview;
  /** Every answer of the lens, pillar by pillar, in the lens's order. */
  pillars: Array<{ PillarId: string; PillarName: string; answers: ReviewTemplateAnswerSummary[] }>;
}

/** One lens of a template: its review (status, counts, notes) and every answer (ListReviewTemplateAnswers per pillar, all pages). */
export function useTemplateLens(arn: string, lensAlias: string | undefined) {
  const wa = useWellArchitected();
  return useLoad<TemplateLens | undefined>(async () => {
    if (!lensAlias) return undefined;
    const review = (await wa.send(new GetReviewTemplateLensReviewCommand({ TemplateArn: arn, LensAlias: lensAlias }))).LensReview!;
    const pillars = await Promise.all(
      (review.PillarReviewSummaries ?? []).map(async (p) => ({
        PillarId: p.PillarId!,
        PillarName: p.PillarName ?? p.PillarId!,
        answers: await allPages(
          (NextToken) => wa.send(new ListReviewTemplateAnswersCommand({ TemplateArn: arn, LensAlias: lensAlias, PillarId: p.PillarId, NextToken, MaxResults: 50 })),
          (out) => out.AnswerSummaries,
        ),
      })),
    );
    return { review, pillars };
  }, [wa, arn, lensAlias]);
}
