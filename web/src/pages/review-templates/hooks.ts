import { ListReviewTemplatesCommand, type ReviewTemplateSummary } from '@aws-sdk/client-wellarchitected';
import { useWellArchitected } from '../../api/client';
import { allPages } from '../commons/all-pages';
import { useLoad } from '../commons/use-load';

/** Every review template the caller sees: the account's own, then those shared with it (one list, told apart by Owner). */
export function useReviewTemplates() {
  const wa = useWellArchitected();
  return useLoad<ReviewTemplateSummary[]>(
    () => allPages((NextToken) => wa.send(new ListReviewTemplatesCommand({ NextToken, MaxResults: 50 })), (out) => out.ReviewTemplates),
    [wa],
  );
}
