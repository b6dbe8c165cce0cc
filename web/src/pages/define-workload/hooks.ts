import {
  ListLensesCommand,
  ListProfilesCommand,
  ListReviewTemplatesCommand,
  type LensSummary,
  type ProfileSummary,
  type ReviewTemplateSummary,
} from '@aws-sdk/client-wellarchitected';
import { useWellArchitected } from '../../api/client';
import { allPages } from '../commons/all-pages';
import { useLoad } from '../commons/use-load';

export interface DefineWorkloadChoices {
  lenses: LensSummary[];
  profiles: ProfileSummary[];
  templates: ReviewTemplateSummary[];
}

/** The published lenses (AWS, own and shared custom lenses), profiles and review templates a new workload may use. */
export function useDefineWorkloadChoices() {
  const wa = useWellArchitected();
  return useLoad<DefineWorkloadChoices>(async () => {
    const [lenses, profiles, templates] = await Promise.all([
      allPages((NextToken) => wa.send(new ListLensesCommand({ NextToken, LensStatus: 'PUBLISHED' })), (o) => o.LensSummaries),
      allPages((NextToken) => wa.send(new ListProfilesCommand({ NextToken })), (o) => o.ProfileSummaries),
      allPages((NextToken) => wa.send(new ListReviewTemplatesCommand({ NextToken })), (o) => o.ReviewTemplates),
    ]);
    return { lenses, profiles, templates };
  }, [wa]);
}
