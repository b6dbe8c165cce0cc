import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import { formatTime } from '../commons/format';
import { LensStatus } from '../custom-lenses/config';
import type { LensDetails } from './hooks';

export function LensOverview({ details }: { details: LensDetails }) {
  const { lens, row } = details;
  return (
    <Container header={<Header variant="h2">Lens details</Header>}>
      <KeyValuePairs
        columns={3}
        items={[
          { label: 'Name', value: lens.Name ?? row.name },
          { label: 'Owner', value: details.ownedByMe ? `${lens.Owner ?? row.owner} (you)` : (lens.Owner ?? row.owner) },
          { label: 'Status', value: <LensStatus lens={row} /> },
          { label: 'Description', value: lens.Description ?? row.description ?? '-' },
          {
            label: 'Versions',
            value: row.version
              ? `Latest published: ${row.version}${row.hasDraft ? '; a draft waits to be published' : ''}`
              : 'None published yet: the lens is a draft',
          },
          { label: 'Last updated', value: formatTime(row.updatedAt) },
          { label: 'ARN', value: <span style={{ wordBreak: 'break-all' }}>{row.arn}</span> },
          ...(lens.Tags && Object.keys(lens.Tags).length
            ? [{ label: 'Tags', value: Object.entries(lens.Tags).map(([k, v]) => `${k}=${v}`).join(', ') }]
            : []),
        ]}
      />
    </Container>
  );
}
