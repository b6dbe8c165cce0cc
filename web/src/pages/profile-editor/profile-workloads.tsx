import {
  AssociateProfilesCommand,
  DisassociateProfilesCommand,
  UpgradeProfileVersionCommand,
  type WorkloadSummary,
} from '@aws-sdk/client-wellarchitected';
import Button from '@cloudscape-design/components/button';
import type { MultiselectProps } from '@cloudscape-design/components/multiselect';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useState } from 'react';
import { useWellArchitected } from '../../api/client';
import { useAllWorkloads } from '../commons/all-workloads';
import { ErrorAlert } from '../commons/error-alert';
import { formatTime } from '../commons/format';
import { WORKLOAD_NAME_COLUMN } from '../workloads/config';
import { useSession } from '../commons/session-context';
import { useAction } from '../commons/use-action';
import { PickWorkloadsModal } from '../commons/workloads-multiselect';
import { EmptyState, useResourceTable } from '../commons/resource-table';
import { SourceTable } from '../commons/source-table';

const versionOf = (w: WorkloadSummary, arn: string) => w.Profiles?.find((p) => p.ProfileArn === arn)?.ProfileVersion;

/**
 * The workloads a profile is added to, with the version each is on; add it to more
 * of the account's workloads (a workload has at most one profile), remove it, or
 * move a workload to the latest version.
 */
export function ProfileWorkloads({ profileArn, profileName, latestVersion }: { profileArn: string; profileName: string; latestVersion: string }) {
  const wa = useWellArchitected();
  const { session } = useSession();
  const workloads = useAllWorkloads();
  const using = (workloads.data ?? []).filter((w) => versionOf(w, profileArn) !== undefined);
  const [adding, setAdding] = useState(false);
  const [picked, setPicked] = useState<readonly MultiselectProps.Option[]>([]);
  const list = useResourceTable('workload', workloads, { trackBy: 'WorkloadId', rowName: (w) => w.WorkloadName, items: using, pageSize: 10 });
  const selected = list.selected;

  const associate = useAction(async () => {
    // One call per workload: the API adds a profile to one workload at a time.
    // A failure part way leaves the earlier workloads done: show them, keep the rest picked.
    let done = 0;
    try {
      for (const option of picked) {
        await wa.send(new AssociateProfilesCommand({ WorkloadId: option.value!, ProfileArns: [profileArn] }));
        done += 1;
      }
    } finally {
      if (done > 0) {
        setPicked((list) => list.slice(done));
        workloads.reload();
      }
    }
    setAdding(false);
    return done;
  }, (count: number) => `Profile ${profileName} was added to ${count} workload${count === 1 ? '' : 's'}.`);
  const disassociate = useAction(async (w: WorkloadSummary) => {
    await wa.send(new DisassociateProfilesCommand({ WorkloadId: w.WorkloadId!, ProfileArns: [profileArn] }));
    workloads.reload();
  }, `Profile ${profileName} was removed from the workload.`);
  const upgrade = useAction(async (w: WorkloadSummary) => {
    await wa.send(new UpgradeProfileVersionCommand({ WorkloadId: w.WorkloadId!, ProfileArn: profileArn }));
    workloads.reload();
  }, `The workload now uses version ${latestVersion} of ${profileName}.`);

  const own = (workloads.data ?? []).filter((w) => w.Owner === session.accountId);
  const options: MultiselectProps.Option[] = own
    .filter((w) => versionOf(w, profileArn) === undefined)
    .map((w) => {
      const other = w.Profiles?.[0];
      return {
        value: w.WorkloadId!,
        label: w.WorkloadName,
        description: other ? 'Has another profile: remove it from the workload first' : undefined,
        disabled: !!other,
      };
    });
  const actionError = disassociate.error ?? upgrade.error;
  return (
    <SpaceBetween size="m">
      <SourceTable
        {...list.table}
        source={workloads}
        counted={using}
        title="Workloads"
        description="Workloads that use this profile and the profile version each one is on."
        alerts={<ErrorAlert error={actionError} onDismiss={() => (disassociate.clearError(), upgrade.clearError())} />}
        actions={
          <>
            <Button disabled={!selected || versionOf(selected, profileArn) === latestVersion} loading={upgrade.running} onClick={() => selected && void upgrade.run(selected)}>
              Upgrade to latest version
            </Button>
            <Button disabled={!selected} loading={disassociate.running} onClick={() => selected && void disassociate.run(selected)}>
              Remove from workload
            </Button>
            <Button onClick={() => setAdding(true)}>Add to workloads</Button>
          </>
        }
        columnDefinitions={[
          { ...WORKLOAD_NAME_COLUMN, header: 'Workload name' },
          {
            id: 'version',
            header: 'Profile version',
            cell: (w) => {
              const v = versionOf(w, profileArn);
              return v === latestVersion ? (
                <StatusIndicator type="success">Version {v} (latest)</StatusIndicator>
              ) : (
                <StatusIndicator type="warning">
                  Version {v} (version {latestVersion} available)
                </StatusIndicator>
              );
            },
          },
          { id: 'owner', header: 'Owner', cell: (w) => w.Owner },
          { id: 'updated', header: 'Last updated', cell: (w) => formatTime(w.UpdatedAt) },
        ]}
        empty={<EmptyState>No workload uses this profile.</EmptyState>}
      />
      <PickWorkloadsModal
        visible={adding}
        header={`Add ${profileName} to workloads`}
        submitText="Add profile"
        action={associate}
        description="Your workloads without a profile. A workload can have one profile."
        options={options}
        selected={picked}
        onChange={setPicked}
        loading={workloads.loading}
        onDismiss={() => setAdding(false)}
      />
    </SpaceBetween>
  );
}
