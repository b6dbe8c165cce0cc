import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { CheckStatusIndicator } from '../commons/check-status';
import { accountCounts, reportsProblem, type CheckSummaryView, type PracticeChecks } from '../commons/checks';
import { FlaggedResourcesModal } from './flagged-resources';

/** Under a best practice: each check's status, its accounts, and its flagged resources on demand. */
export function PracticeChecksList({ workloadId, lensArn, practice, contradicted }: { workloadId: string; lensArn: string; practice: PracticeChecks; contradicted: boolean }) {
  const [open, setOpen] = useState<CheckSummaryView>();
  return (
    <div style={{ marginLeft: 24, padding: '4px 0 8px 12px', borderLeft: `3px solid ${contradicted ? '#d13212' : '#e9ebed'}` }} data-practice-checks={practice.ChoiceId}>
      <SpaceBetween size="xxs">
        <Box variant="small" color="text-body-secondary">
          Checks from scanners
        </Box>
        {practice.CheckSummaries.map((c) => (
          <div key={`${c.Provider}/${c.Id}`} style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 12, rowGap: 2 }} data-check={c.Id}>
            <CheckStatusIndicator status={c.Status} />
            <span title={c.Description || undefined}>
              {c.Name} <Box variant="span" color="text-body-secondary">({c.Provider})</Box>
            </span>
            <Box variant="small" color="text-body-secondary">
              Accounts: {accountCounts(c.AccountSummary)}
            </Box>
            {reportsProblem(c.Status) && c.FlaggedResources > 0 && (
              <Button variant="inline-link" onClick={() => setOpen(c)} ariaLabel={`Flagged resources of ${c.Name}`}>
                {c.FlaggedResources} flagged resource{c.FlaggedResources === 1 ? '' : 's'}
              </Button>
            )}
          </div>
        ))}
      </SpaceBetween>
      {open && <FlaggedResourcesModal workloadId={workloadId} lensArn={lensArn} practice={practice} check={open} onDismiss={() => setOpen(undefined)} />}
    </div>
  );
}
