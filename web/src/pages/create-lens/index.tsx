import { ImportLensCommand } from '@aws-sdk/client-wellarchitected';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useNavigate } from 'react-router-dom';
import { useWellArchitected } from '../../api/client';
import { usePlumbline } from '../../api/plumbline-client';
import { ContentPage } from '../commons/page';
import { downloadText } from '../commons/download-text';
import { ErrorAlert } from '../commons/error-alert';
import { FormActions } from '../commons/form-actions';
import { LensFileField, LensUploadErrors, useLensFile, submitLensFile } from '../commons/lens-file';
import { useAction } from '../commons/use-action';
import { LENSES_CRUMB, lensPath } from '../custom-lenses/hooks';

/** "Creating a custom lens": download the template, fill it in, upload it; the lens starts as a DRAFT. */
export default function CreateLens() {
  const wa = useWellArchitected();
  const plumbline = usePlumbline();
  const navigate = useNavigate();
  const lensFile = useLensFile();
  const template = useAction(async () => {
    const { LensJSON } = (await plumbline('GetLensTemplate')) as { LensJSON: string };
    downloadText(LensJSON, 'custom-lens-template.json');
  }, 'The lens template was downloaded as custom-lens-template.json.');
  const upload = useAction(async (JSONString: string) => {
    const { LensArn } = await wa.send(new ImportLensCommand({ JSONString }));
    navigate(lensPath(LensArn!));
  }, 'The custom lens was created in DRAFT status. Publish it to apply it to workloads or share it.');
  const submit = () => submitLensFile(lensFile, upload);

  return (
    <ContentPage
      breadcrumbs={[LENSES_CRUMB, { text: 'Create custom lens', href: '/lenses/new' }]}
      title="Create custom lens"
      description="A custom lens is a JSON file with your pillars, questions, best practices and improvement plans."
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Form
          actions={
            <FormActions submitText="Submit" running={upload.running} onCancel={() => navigate('/lenses')} />
          }
        >
          <SpaceBetween size="l">
            <Container header={<Header variant="h2">Step 1: Start from the template</Header>}>
              <SpaceBetween size="s">
                <Box>
                  Download the JSON template file and open it in your favorite text editor. Replace its pillars, questions, best practices
                  (choices), risk rules and improvement plan links with your own; the lens format specification of the user guide describes
                  every field. <code>npx plumbline lens validate FILE</code> checks a file before you upload it.
                </Box>
                <Button formAction="none" iconName="download" loading={template.running} onClick={() => void template.run()}>
                  Download file
                </Button>
                <ErrorAlert error={template.error} />
              </SpaceBetween>
            </Container>
            <Container header={<Header variant="h2">Step 2: Upload your lens</Header>}>
              <SpaceBetween size="m">
                <LensFileField lensFile={lensFile} onChoose={upload.clearError} />
                <LensUploadErrors error={upload.error} text={lensFile.text} />
                <Alert type="info">
                  After the file is validated, the lens is created in <b>DRAFT</b> status: publish it before applying it to workloads or sharing
                  it. An account can have up to 15 custom lenses. Do not put personal information about end users or other people in a custom
                  lens.
                </Alert>
              </SpaceBetween>
            </Container>
          </SpaceBetween>
        </Form>
      </form>
    </ContentPage>
  );
}
