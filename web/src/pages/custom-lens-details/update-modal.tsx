import { ImportLensCommand } from '@aws-sdk/client-wellarchitected';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useWellArchitected } from '../../api/client';
import { ErrorAlert } from '../commons/error-alert';
import { LensFileField, LensUploadErrors, useLensFile, submitLensFile } from '../commons/lens-file';
import { ModalFooter } from '../commons/modal-footer';
import { useAction } from '../commons/use-action';
import type { CustomLensRow } from '../custom-lenses/hooks';
import { useExportLens } from './hooks';

/**
 * "Publishing an update to a custom lens", steps 4 and 5: download the current lens if
 * needed, then upload the edited file as the lens's new draft (ImportLens with the lens's
 * ARN). The published versions stay as they are until the draft is published.
 */
export function UpdateModal({ lens, visible, onDismiss, onUpdated }: { lens: CustomLensRow; visible: boolean; onDismiss(): void; onUpdated(): void }) {
  const wa = useWellArchitected();
  const lensFile = useLensFile();
  const exportLens = useExportLens();
  const download = useAction(() => exportLens(lens.arn, lens.name, lens.version));
  const upload = useAction(async (JSONString: string) => {
    await wa.send(new ImportLensCommand({ LensAlias: lens.arn, JSONString }));
    lensFile.choose([]);
    onUpdated();
  }, `The draft of ${lens.name} was updated. Publish it to make it the lens's next version.`);
  const submit = () => submitLensFile(lensFile, upload);
  return (
    <Modal
      visible={visible}
      size="large"
      header={`Edit ${lens.name}`}
      onDismiss={onDismiss}
      footer={
        <ModalFooter
          submitText="Submit"
          running={upload.running}
          onSubmit={() => submit()}
          onCancel={onDismiss}
          cancelDisabled={upload.running}
        />
      }
    >
      <SpaceBetween size="m">
        <Box>
          Upload the edited JSON file of the lens. It becomes the lens&apos;s draft, in <b>DRAFT</b> status, until you publish it
          {lens.version ? `; version ${lens.version} stays in use meanwhile` : ''}. If you do not have the file at hand, download a copy of the
          current lens{lens.version ? ` (version ${lens.version})` : ' (its draft)'} and edit it.
        </Box>
        <Button iconName="download" loading={download.running} onClick={() => void download.run()}>
          Download file
        </Button>
        <ErrorAlert error={download.error} />
        <LensFileField lensFile={lensFile} onChoose={upload.clearError} />
        <LensUploadErrors error={upload.error} text={lensFile.text} />
      </SpaceBetween>
    </Modal>
  );
}
