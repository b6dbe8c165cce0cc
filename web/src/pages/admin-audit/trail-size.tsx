import Box from '@cloudscape-design/components/box';
import { useTrailStats } from './hooks';

const megabytes = (bytes: number) => (bytes / 1_048_576).toFixed(1);

/** One line under the page header: how large the trail is and how fast it grows, so a flood shows. */
export default function TrailSize() {
  const { data } = useTrailStats();
  if (!data) return null;
  return (
    <Box variant="small">
      {data.Records.toLocaleString()} records (about {megabytes(data.ApproximateBytes)} MB); {data.RecordsLastHour.toLocaleString()} in the last hour,{' '}
      {data.RecordsLastDay.toLocaleString()} in the last day. Repeats of one failure within {data.RepeatWindowSeconds} seconds are kept as one record with a count.
    </Box>
  );
}
