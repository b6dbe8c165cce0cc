import type { Operation } from '../operation';
import AssociateLenses from './AssociateLenses';
import CreateLensVersion from './CreateLensVersion';
import CreateMilestone from './CreateMilestone';
import CreateWorkload from './CreateWorkload';
import DeleteLens from './DeleteLens';
import DeleteWorkload from './DeleteWorkload';
import DisassociateLenses from './DisassociateLenses';
import ExportLens from './ExportLens';
import GetAnswer from './GetAnswer';
import GetLens from './GetLens';
import GetLensReview from './GetLensReview';
import GetLensVersionDifference from './GetLensVersionDifference';
import GetMilestone from './GetMilestone';
import GetWorkload from './GetWorkload';
import ImportLens from './ImportLens';
import ListAnswers from './ListAnswers';
import ListLensReviewImprovements from './ListLensReviewImprovements';
import ListLensReviews from './ListLensReviews';
import ListLenses from './ListLenses';
import ListMilestones from './ListMilestones';
import ListNotifications from './ListNotifications';
import ListTagsForResource from './ListTagsForResource';
import ListWorkloads from './ListWorkloads';
import TagResource from './TagResource';
import UntagResource from './UntagResource';
import UpdateAnswer from './UpdateAnswer';
import UpdateLensReview from './UpdateLensReview';
import UpdateWorkload from './UpdateWorkload';
import UpgradeLensReview from './UpgradeLensReview';

/** Every operation built so far; the rest of the model's operations answer as not yet available. */
export const implemented: ReadonlyMap<string, Operation> = new Map(
  [
    AssociateLenses,
    CreateLensVersion,
    CreateMilestone,
    CreateWorkload,
    DeleteLens,
    DeleteWorkload,
    DisassociateLenses,
    ExportLens,
    GetAnswer,
    GetLens,
    GetLensReview,
    GetLensVersionDifference,
    GetMilestone,
    GetWorkload,
    ImportLens,
    ListAnswers,
    ListLensReviewImprovements,
    ListLensReviews,
    ListLenses,
    ListMilestones,
    ListNotifications,
    ListTagsForResource,
    ListWorkloads,
    TagResource,
    UntagResource,
    UpdateAnswer,
    UpdateLensReview,
    UpdateWorkload,
    UpgradeLensReview,
  ].map((op) => [op.name, op]),
);
