import { useParams } from 'react-router-dom';
import { CreateTemplate } from './create-template';
import { TemplateDetails } from './template-details';

/** /templates/new creates a review template; /templates/:templateArn shows, answers and applies one. */
export default function TemplateEditorPage() {
  const { templateArn } = useParams();
  return templateArn ? <TemplateDetails key={templateArn} templateArn={templateArn} /> : <CreateTemplate />;
}
