import { ListCheckDetailsCommand } from '@aws-sdk/client-wellarchitected';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useEffect, useState } from 'react';
import { useWellArchitected } from '../../api/client';
import { usePlumbline } from '../../api/plumbline-client';
import { allPages } from '../commons/all-pages';
import { CheckStatusIndicator } from '../commons/check-status';
import type { CheckStatus, CheckSummaryView, PracticeChecks } from '../commons/checks';
import { ErrorAlert } from '../commons/error-alert';
import { useLoad } from '../commons/use-load';

interface FlaggedResource {
  Id: string;
  Name?: string;
  Region?: string;
  Type?: string;
  Status: CheckStatus;
  Message?: string;
}

const PAGE = 50;

/**
 * The resources one check flagged, account by account: the accounts come from
 * ListCheckDetails, the resources from ListCheckResources, a page at a time.
 */
export function FlaggedResourcesModal({ workloadId, lensArn, practice, check, onDismiss }: {
  workloadId: string;
  lensArn: string;
  practice: PracticeChecks;
  check: CheckSummaryView;
  onDismiss(): void;
}) {
  const wa = useWellArchitected();
  const plumbline = usePlumbline();
  const accounts = useLoad(async () => {
    const ref = { WorkloadId: workloadId, LensArn: lensArn, PillarId: practice.PillarId, QuestionId: practice.QuestionId, ChoiceId: practice.ChoiceId };
    const details = await allPages((NextToken) => wa.send(new ListCheckDetailsCommand({ ...ref, NextToken, MaxResults: 50 })), (o) => o.CheckDetails);
    return details.filter((d) => d.Id === check.Id && d.Provider === check.Provider && d.FlaggedResources);
  }, [wa, workloadId, lensArn, practice, check]);
  const [account, setAccount] = useState<string>();
  const shown = account ?? accounts.data?.[0]?.AccountId;
  const [resources, setResources] = useState<FlaggedResource[]>([]);
  const [next, setNext] = useState<string>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();

  const load = async (accountId: string, token?: string) => {
    setLoading(true);
    try {
      const out = (await plumbline('ListCheckResources', { WorkloadId: workloadId, CheckId: check.Id, AccountId: accountId, Provider: check.Provider, MaxResults: PAGE, NextToken: token })) as {
        FlaggedResources: FlaggedResource[];
        NextToken?: string;
      };
      setResources((before) => (token ? [...before, ...out.FlaggedResources] : out.FlaggedResources));
      setNext(out.NextToken);
      setError(undefined);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => {
    if (shown) void load(shown);
  }, [shown]); // eslint-disable-line react-hooks/exhaustive-deps

  const options = (accounts.data ?? []).map((d) => ({ value: d.AccountId ?? '', label: `${d.AccountId} (${d.FlaggedResources} flagged)` }));
  return (
    <Modal visible size="large" onDismiss={onDismiss} header={`Flagged resources: ${check.Name}`} footer={<Box float="right"><Button onClick={onDismiss}>Close</Button></Box>}>
      <SpaceBetween size="m">
        <Box color="text-body-secondary">{check.Description || `${check.Provider} check ${check.Id}`}</Box>
        <ErrorAlert error={accounts.error ?? error} />
        {options.length > 1 && (
          <Select
            selectedOption={options.find((o) => o.value === shown) ?? null}
            options={options}
            inlineLabelText="Account"
            onChange={({ detail }) => setAccount(detail.selectedOption.value)}
          />
        )}
        <Table
          variant="embedded"
          wrapLines
          loading={accounts.loading || (loading && !resources.length)}
          loadingText="Loading flagged resources"
          header={<Box variant="h3">{shown ? `Account ${shown}` : 'Resources'}</Box>}
          items={resources}
          trackBy="Id"
          columnDefinitions={[
            { id: 'resource', header: 'Resource', cell: (r) => <span style={{ wordBreak: 'break-all' }}>{r.Name && r.Name !== r.Id ? `${r.Name} (${r.Id})` : r.Id}</span>, isRowHeader: true },
            { id: 'status', header: 'Status', cell: (r) => <CheckStatusIndicator status={r.Status} /> },
            { id: 'region', header: 'Region', cell: (r) => r.Region ?? '-' },
            { id: 'message', header: 'Finding', cell: (r) => r.Message ?? '-' },
          ]}
          empty={<Box textAlign="center">No flagged resources in this account.</Box>}
        />
        {next && shown && (
          <Button loading={loading} onClick={() => void load(shown, next)}>
            Show more
          </Button>
        )}
      </SpaceBetween>
    </Modal>
  );
}
