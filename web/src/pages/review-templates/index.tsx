import { PageNotBuilt } from '../commons/page-not-built';

export default function Page() {
  return <PageNotBuilt name="review-templates" />;
}
