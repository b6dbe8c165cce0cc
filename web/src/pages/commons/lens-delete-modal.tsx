import { DeleteLensCommand } from '@aws-sdk/client-wellarchitected';
import Box from '@cloudscape-design/components/box';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useEffect, useState } from 'react';
import { useWellArchitected } from '../../api/client';
import { DeleteModal } from './delete-modal';
import { useAction } from './use-action';

export interface DeletableLens {
  arn: string;
  name: string;
  /** The latest published version's name, if any. */
  version?: string;
  hasDraft: boolean;
}

type What = 'DRAFT' | 'PUBLISHED';

/**
 * Deletes a custom lens ("Deleting a custom lens"), or only its unpublished draft when it
 * has both. `onDeleted` says whether the lens itself is gone.
 */
export function LensDeleteModal({ lens, onDismiss, onDeleted }: { lens?: DeletableLens; onDismiss(): void; onDeleted(lensGone: boolean): void }) {
  const wa = useWellArchitected();
  const both = !!lens?.version && lens.hasDraft;
  const [what, setWhat] = useState<What>('PUBLISHED');
  useEffect(() => setWhat(lens?.version ? 'PUBLISHED' : 'DRAFT'), [lens]);
  const remove = useAction(
    async (target: DeletableLens, status: What) => {
      await wa.send(new DeleteLensCommand({ LensAlias: target.arn, LensStatus: status }));
      return status === 'DRAFT' && !!target.version ? 'draft' : 'lens';
    },
    (gone: string) => (gone === 'draft' ? `The draft of ${lens?.name} was deleted; version ${lens?.version} stays published.` : `Custom lens ${lens?.name} was deleted.`),
  );
  const confirm = async () => {
    if (!lens) return;
    if (await remove.run(lens, what)) onDeleted(what === 'PUBLISHED' || !lens.version);
  };
  return (
    <DeleteModal
      visible={!!lens}
      header="Delete custom lens"
      running={remove.running}
      error={remove.error}
      onConfirm={() => void confirm()}
      onDismiss={() => {
        remove.clearError();
        onDismiss();
      }}
    >
      <SpaceBetween size="s">
        {both ? (
          <RadioGroup
            ariaLabel="What to delete"
            value={what}
            onChange={({ detail }) => setWhat(detail.value as What)}
            items={[
              { value: 'DRAFT', label: 'Delete the unpublished draft only', description: `Version ${lens?.version} stays published.` },
              { value: 'PUBLISHED', label: 'Delete the custom lens', description: 'Its published versions and its draft.' },
            ]}
          />
        ) : (
          <Box>
            Delete <b>{lens?.name}</b>
            {lens?.version ? '' : ' (a draft never published)'}?
          </Box>
        )}
        {(what === 'PUBLISHED' || !lens?.version) && lens?.version && (
          <Box variant="small">
            Workloads that use the lens are told it was deleted and can keep using it; it can no longer be applied to other workloads. Accounts you
            shared it with keep access until you delete their shares.
          </Box>
        )}
      </SpaceBetween>
    </DeleteModal>
  );
}
