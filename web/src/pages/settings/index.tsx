import { GetGlobalSettingsCommand, UpdateGlobalSettingsCommand } from '@aws-sdk/client-wellarchitected';
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import Toggle from '@cloudscape-design/components/toggle';
import { useWellArchitected } from '../../api/client';
import { ErrorAlert } from '../commons/error-alert';
import { useAction } from '../commons/use-action';
import { useLoad } from '../commons/use-load';

type Setting = 'DiscoveryIntegrationStatus' | 'OrganizationSharingStatus';
const NAMES: Record<Setting, string> = { DiscoveryIntegrationStatus: 'Discovery integration', OrganizationSharingStatus: 'Organization sharing' };

/** The account's global settings (GetGlobalSettings, UpdateGlobalSettings): the switches the console offers. */
export default function SettingsPage() {
  const wa = useWellArchitected();
  const settings = useLoad(() => wa.send(new GetGlobalSettingsCommand({})), [wa]);
  const update = useAction(
    async (setting: Setting, on: boolean) => {
      await wa.send(new UpdateGlobalSettingsCommand({ [setting]: on ? 'ENABLED' : 'DISABLED' }));
      settings.reload();
      return `${NAMES[setting]} turned ${on ? 'on' : 'off'}.`;
    },
    (said: string) => said,
  );
  const toggle = (setting: Setting, label: string) => (
    <Toggle
      checked={settings.data?.[setting] === 'ENABLED'}
      disabled={update.running || !settings.data}
      onChange={({ detail }) => void update.run(setting, detail.checked)}
    >
      {label}
    </Toggle>
  );
  return (
    <SpaceBetween size="l">
      <Header variant="h1" description="Settings of this account, for all its users.">
        Settings
      </Header>
      <ErrorAlert error={settings.error ?? update.error} onDismiss={update.error ? update.clearError : undefined} />
      {!settings.data && settings.loading ? (
        <Spinner size="large" />
      ) : (
        <>
          <Container header={<Header variant="h2">Discovery integration</Header>}>
            <SpaceBetween size="s">
              {toggle('DiscoveryIntegrationStatus', 'Show checks from scanners')}
              <Box color="text-body-secondary">
                Checks are imported from scanners such as Prowler (plumbline checks import). While this is on, each best practice shows its checks on
                the question page, the improvement plan and milestones flag practices marked as followed that the checks contradict, and lens review
                reports include the checks. While it is off they are kept but not shown.
              </Box>
            </SpaceBetween>
          </Container>
          <Container header={<Header variant="h2">Organization sharing</Header>}>
            <SpaceBetween size="s">
              {toggle('OrganizationSharingStatus', 'Allow sharing custom lenses with organizations and OUs')}
            </SpaceBetween>
          </Container>
        </>
      )}
    </SpaceBetween>
  );
}
