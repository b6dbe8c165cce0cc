import type { Operation } from '../operation';
import { plumblineOperations } from './plumbline';
// Review templates
import CreateReviewTemplate from './CreateReviewTemplate';
import GetReviewTemplate from './GetReviewTemplate';
import UpdateReviewTemplate from './UpdateReviewTemplate';
import DeleteReviewTemplate from './DeleteReviewTemplate';
import ListReviewTemplates from './ListReviewTemplates';
import GetReviewTemplateAnswer from './GetReviewTemplateAnswer';
import UpdateReviewTemplateAnswer from './UpdateReviewTemplateAnswer';
import ListReviewTemplateAnswers from './ListReviewTemplateAnswers';
import GetReviewTemplateLensReview from './GetReviewTemplateLensReview';
import UpdateReviewTemplateLensReview from './UpdateReviewTemplateLensReview';
import UpgradeReviewTemplateLensReview from './UpgradeReviewTemplateLensReview';
// Profiles
import GetProfileTemplate from './GetProfileTemplate';
import CreateProfile from './CreateProfile';
import GetProfile from './GetProfile';
import UpdateProfile from './UpdateProfile';
import DeleteProfile from './DeleteProfile';
import ListProfiles from './ListProfiles';
import AssociateProfiles from './AssociateProfiles';
import DisassociateProfiles from './DisassociateProfiles';
import UpgradeProfileVersion from './UpgradeProfileVersion';
import ListProfileNotifications from './ListProfileNotifications';
import AssociateLenses from './AssociateLenses';
import CreateLensVersion from './CreateLensVersion';
import CreateMilestone from './CreateMilestone';
import CreateLensShare from './CreateLensShare';
import CreateWorkloadShare from './CreateWorkloadShare';
import DeleteLensShare from './DeleteLensShare';
import DeleteWorkloadShare from './DeleteWorkloadShare';
import CreateWorkload from './CreateWorkload';
import DeleteLens from './DeleteLens';
import DeleteWorkload from './DeleteWorkload';
import DisassociateLenses from './DisassociateLenses';
import ExportLens from './ExportLens';
import GetAnswer from './GetAnswer';
import GetConsolidatedReport from './GetConsolidatedReport';
import GetLens from './GetLens';
import GetLensReview from './GetLensReview';
import GetLensReviewReport from './GetLensReviewReport';
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
import ListLensShares from './ListLensShares';
import CreateProfileShare from './CreateProfileShare';
import DeleteProfileShare from './DeleteProfileShare';
import ListProfileShares from './ListProfileShares';
import CreateTemplateShare from './CreateTemplateShare';
import DeleteTemplateShare from './DeleteTemplateShare';
import ListTemplateShares from './ListTemplateShares';
import ListShareInvitations from './ListShareInvitations';
import ListWorkloadShares from './ListWorkloadShares';
import UpdateShareInvitation from './UpdateShareInvitation';
import UpdateWorkloadShare from './UpdateWorkloadShare';
import TagResource from './TagResource';
import UntagResource from './UntagResource';
import UpdateAnswer from './UpdateAnswer';
import UpdateLensReview from './UpdateLensReview';
import UpdateWorkload from './UpdateWorkload';
import UpgradeLensReview from './UpgradeLensReview';
import ListCheckDetails from './ListCheckDetails';
import ListCheckSummaries from './ListCheckSummaries';
// Settings
import GetGlobalSettings from './GetGlobalSettings';
import UpdateGlobalSettings from './UpdateGlobalSettings';

/** Every operation built so far, of both models; the rest of the AWS model's operations answer as not yet available. */
export const implemented: ReadonlyMap<string, Operation> = new Map(
  [
    CreateReviewTemplate,
    GetReviewTemplate,
    ListCheckDetails,
    ListCheckSummaries,
    UpdateReviewTemplate,
    DeleteReviewTemplate,
    ListReviewTemplates,
    GetReviewTemplateAnswer,
    UpdateReviewTemplateAnswer,
    ListReviewTemplateAnswers,
    GetReviewTemplateLensReview,
    UpdateReviewTemplateLensReview,
    UpgradeReviewTemplateLensReview,
    GetProfileTemplate,
    CreateProfile,
    GetProfile,
    UpdateProfile,
    DeleteProfile,
    ListProfiles,
    AssociateProfiles,
    DisassociateProfiles,
    UpgradeProfileVersion,
    ListProfileNotifications,
    AssociateLenses,
    CreateLensVersion,
    CreateMilestone,
    CreateLensShare,
    CreateWorkloadShare,
    DeleteLensShare,
    DeleteWorkloadShare,
    CreateWorkload,
    DeleteLens,
    DeleteWorkload,
    DisassociateLenses,
    ExportLens,
    GetAnswer,
    GetConsolidatedReport,
    GetLens,
    GetLensReview,
    GetLensReviewReport,
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
    ListLensShares,
    CreateProfileShare,
    DeleteProfileShare,
    ListProfileShares,
    CreateTemplateShare,
    DeleteTemplateShare,
    ListTemplateShares,
    ListShareInvitations,
    ListWorkloadShares,
    UpdateShareInvitation,
    UpdateWorkloadShare,
    TagResource,
    UntagResource,
    UpdateAnswer,
    UpdateLensReview,
    UpdateWorkload,
    UpgradeLensReview,
    GetGlobalSettings,
    UpdateGlobalSettings,
    ...plumblineOperations,
  ].map((op) => [op.name, op]),
);
