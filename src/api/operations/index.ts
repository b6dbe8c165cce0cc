import type { Operation } from '../operation';
import AssociateLenses from './AssociateLenses';
import CreateMilestone from './CreateMilestone';
import CreateWorkload from './CreateWorkload';
import DeleteWorkload from './DeleteWorkload';
import DisassociateLenses from './DisassociateLenses';
import GetAnswer from './GetAnswer';
import GetLens from './GetLens';
import GetLensReview from './GetLensReview';
import GetMilestone from './GetMilestone';
import GetWorkload from './GetWorkload';
import ListAnswers from './ListAnswers';
import ListLensReviewImprovements from './ListLensReviewImprovements';
import ListLensReviews from './ListLensReviews';
import ListLenses from './ListLenses';
import ListMilestones from './ListMilestones';
import ListTagsForResource from './ListTagsForResource';
import ListWorkloads from './ListWorkloads';
import TagResource from './TagResource';
import UntagResource from './UntagResource';
import UpdateAnswer from './UpdateAnswer';
import UpdateLensReview from './UpdateLensReview';
import UpdateWorkload from './UpdateWorkload';

/** Every operation built so far; the rest of the model's operations answer as not yet available. */
export const implemented: ReadonlyMap<string, Operation> = new Map(
  [
    AssociateLenses,
    CreateMilestone,
    CreateWorkload,
    DeleteWorkload,
    DisassociateLenses,
    GetAnswer,
    GetLens,
    GetLensReview,
    GetMilestone,
    GetWorkload,
    ListAnswers,
    ListLensReviewImprovements,
    ListLensReviews,
    ListLenses,
    ListMilestones,
    ListTagsForResource,
    ListWorkloads,
    TagResource,
    UntagResource,
    UpdateAnswer,
    UpdateLensReview,
    UpdateWorkload,
  ].map((op) => [op.name, op]),
);
