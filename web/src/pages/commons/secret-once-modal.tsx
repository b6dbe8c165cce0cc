import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';

export interface SecretField {
  label: string;
  value: string;
}

/**
 * A secret the server shows only once (an access key's secret, a webhook's signing
 * secret): each value with a copy button, and a warning that it cannot be seen again.
 */
export function SecretOnceModal({ header, fields, onDismiss }: { header: string; fields: SecretField[] | undefined; onDismiss(): void }) {
  return (
    <Modal
      visible={!!fields}
      header={header}
      onDismiss={onDismiss}
      size="large"
      footer={
        <Box float="right">
          <Button variant="primary" onClick={onDismiss}>
            Done
          </Button>
        </Box>
      }
    >
      <SpaceBetween size="m">
        <Alert type="warning">This is the only time the secret can be viewed or copied. Save it now; you cannot recover it later.</Alert>
        <KeyValuePairs
          columns={1}
          items={(fields ?? []).map((f) => ({
            label: f.label,
            value: (
              <div data-secret={f.label}>
              <CopyToClipboard
                variant="inline"
                textToCopy={f.value}
                copyButtonAriaLabel={`Copy ${f.label}`}
                copySuccessText={`${f.label} copied`}
                copyErrorText={`${f.label} could not be copied`}
              />
              </div>
            ),
          }))}
        />
      </SpaceBetween>
    </Modal>
  );
}
