import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useLensShareCalls } from '../commons/share-calls';
import { ResourceShares } from '../commons/resource-shares';
import type { CustomLensRow } from '../custom-lenses/hooks';

/** "Sharing a custom lens": the owner's shares of a published lens, with their invitation status. */
export function LensShares({ lens }: { lens: CustomLensRow }) {
  const calls = useLensShareCalls(lens.arn);
  if (!lens.version) {
    return (
      <Alert type="info" header="Publish the lens to share it">
        Only published custom lenses can be shared. Publish a version first; then share it here with accounts, IAM users, organizations or
        organizational units of this Region.
      </Alert>
    );
  }
  return (
    <SpaceBetween size="s">
      <ResourceShares noun="custom lens" {...calls} />
      <Box variant="small">
        An invitation not accepted within seven days expires. A lens can be shared with up to 300 accounts and users; organizations and
        organizational units get it at once, without an invitation. Those you share it with keep it even if you delete the lens, until you
        delete their share.
      </Box>
    </SpaceBetween>
  );
}
