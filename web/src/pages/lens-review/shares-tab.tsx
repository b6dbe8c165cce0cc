import type { Lens } from '@aws-sdk/client-wellarchitected';
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useNavigate } from 'react-router-dom';
import { segment } from '../commons/format';
import { useLensShareCalls } from '../commons/share-calls';
import { ResourceShares } from '../commons/resource-shares';
import { useSession } from '../commons/session-context';

/** The Shares tab of a custom lens: its owner sees and manages who it is shared with; others see who owns it. */
export function SharesTab({ lensArn, lens }: { lensArn: string; lens: Lens | undefined }) {
  const navigate = useNavigate();
  const { session } = useSession();
  const calls = useLensShareCalls(lensArn);
  const details = (
    <Link href={`/lenses/${segment(lensArn)}`} onFollow={(e) => { e.preventDefault(); navigate(`/lenses/${segment(lensArn)}`); }}>
      Custom lens details
    </Link>
  );
  if (lens?.Owner === session.accountId) {
    return (
      <SpaceBetween size="s">
        <ResourceShares noun="lens" {...calls} />
        {details}
      </SpaceBetween>
    );
  }
  return (
    <Container header={<Header variant="h2">Shares</Header>}>
      <SpaceBetween size="s">
        <Box>
          {lens
            ? `This custom lens is owned by account ${lens.Owner} and shared with you. Only its owner sees and changes who it is shared with.`
            : 'This custom lens is no longer available to you: its owner deleted it or stopped sharing it.'}
        </Box>
        {lens && details}
      </SpaceBetween>
    </Container>
  );
}
