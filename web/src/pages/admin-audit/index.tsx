import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import DateRangePicker, { type DateRangePickerProps } from '@cloudscape-design/components/date-range-picker';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import { Pagination } from '../commons/pagination';
import SegmentedControl from '@cloudscape-design/components/segmented-control';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { ErrorAlert } from '../commons/error-alert';
import { memberErrors } from '../commons/member-errors';
import { RootOnly } from '../commons/root-only';
import { AUDIT_COLUMNS, DATE_RANGE_STRINGS, RELATIVE_RANGES, isValidRange, rangeSeconds, type AuditRecord } from './config';
import { useAuditTrail, type AuditFilters } from './hooks';
import TrailSize from './trail-size';
import { Page } from '../commons/page';
import { ADMINISTRATION } from '../admin-users/paths';

type ReadOnlyChoice = 'all' | 'true' | 'false';

function AuditTrail() {
  const [eventName, setEventName] = useState('');
  const [principal, setPrincipal] = useState('');
  const [resourceArn, setResourceArn] = useState('');
  const [range, setRange] = useState<DateRangePickerProps.Value | null>(null);
  const [readOnly, setReadOnly] = useState<ReadOnlyChoice>('all');
  const [filters, setFilters] = useState<AuditFilters>({});
  const trail = useAuditTrail(filters);
  const [selected, setSelected] = useState<AuditRecord>();
  const apply = () => {
    setSelected(undefined);
    setFilters({
      EventName: eventName.trim() || undefined,
      Principal: principal.trim() || undefined,
      ResourceArn: resourceArn.trim() || undefined,
      ReadOnly: readOnly === 'all' ? undefined : readOnly,
      ...rangeSeconds(range),
    });
  };
  const clear = () => {
    setEventName('');
    setPrincipal('');
    setResourceArn('');
    setRange(null);
    setReadOnly('all');
    setSelected(undefined);
    setFilters({});
  };
  const fields = memberErrors(trail.error);
  const records = trail.data?.page === trail.page ? trail.data.Records : trail.loading ? [] : (trail.data?.Records ?? []);
  return (
    <Page
      breadcrumbs={[ADMINISTRATION, { text: 'Audit trail', href: '/admin/audit' }]}
      title="Audit trail"
      description="Every call made in your account, newest first: who made it, on what, and whether it succeeded. Free text in requests is kept as ****."
    >
      <TrailSize />
      <Container header={<Header variant="h2">Filters</Header>}>
        <form onSubmit={(e) => (e.preventDefault(), apply())}>
          <SpaceBetween size="m">
            <ColumnLayout columns={3}>
              <FormField label="Event name" description="An operation, such as CreateWorkload." errorText={fields.EventName}>
                <Input value={eventName} onChange={({ detail }) => setEventName(detail.value)} placeholder="UpdateAnswer" ariaLabel="Event name" />
              </FormField>
              <FormField label="User or principal" description="A user name, or a principal ARN (…:root for the root user)." errorText={fields.UserName ?? fields.PrincipalArn}>
                <Input value={principal} onChange={({ detail }) => setPrincipal(detail.value)} placeholder="alice" ariaLabel="User or principal" />
              </FormField>
              <FormField label="Resource ARN" description="Calls that named this workload, lens, profile or template." errorText={fields.ResourceArn}>
                <Input value={resourceArn} onChange={({ detail }) => setResourceArn(detail.value)} placeholder="arn:aws:wellarchitected:…" ariaLabel="Resource ARN" />
              </FormField>
            </ColumnLayout>
            <SpaceBetween direction="horizontal" size="l" alignItems="end">
              <FormField label="Time range" errorText={fields.StartTime ?? fields.EndTime}>
                <DateRangePicker
                  value={range}
                  onChange={({ detail }) => setRange(detail.value)}
                  relativeOptions={RELATIVE_RANGES}
                  isValidRange={isValidRange}
                  i18nStrings={DATE_RANGE_STRINGS}
                  placeholder="Any time"
                  ariaLabel="Time range"
                />
              </FormField>
              <FormField label="Calls" errorText={fields.ReadOnly}>
                <SegmentedControl
                  label="Calls"
                  selectedId={readOnly}
                  onChange={({ detail }) => setReadOnly(detail.selectedId as ReadOnlyChoice)}
                  options={[
                    { id: 'all', text: 'All' },
                    { id: 'false', text: 'Changes only' },
                    { id: 'true', text: 'Read-only only' },
                  ]}
                />
              </FormField>
              <SpaceBetween direction="horizontal" size="xs">
                <Button onClick={clear}>Clear filters</Button>
                <Button variant="primary" formAction="submit">
                  Apply filters
                </Button>
              </SpaceBetween>
            </SpaceBetween>
          </SpaceBetween>
        </form>
      </Container>
      {Object.keys(fields).length === 0 && <ErrorAlert error={trail.error} />}
      <Table
        items={records}
        trackBy="eventID"
        loading={trail.loading}
        loadingText="Loading the audit trail"
        columnDefinitions={AUDIT_COLUMNS}
        selectionType="single"
        selectedItems={selected ? [selected] : []}
        onSelectionChange={({ detail }) => setSelected(detail.selectedItems[0])}
        ariaLabels={{ itemSelectionLabel: (_, r) => `Show record of ${r.eventName} at ${r.eventTime}`, selectionGroupLabel: 'Record selection' }}
        wrapLines
        header={
          <Header
            variant="h2"
            description="Select a record to see it in full."
            actions={<Button iconName="refresh" ariaLabel="Refresh the audit trail" onClick={trail.reload} />}
          >
            Records
          </Header>
        }
        empty={<Box textAlign="center">No call matches the filters.</Box>}
        pagination={
          <Pagination
            currentPageIndex={trail.page + 1}
            pagesCount={trail.pagesKnown}
            openEnd={trail.hasMore}
            onChange={({ detail }) => trail.openPage(detail.currentPageIndex - 1)}
            ariaLabels={{ nextPageLabel: 'Next page', previousPageLabel: 'Previous page', pageLabel: (n) => `Page ${n}` }}
          />
        }
      />
      {selected && (
        <Container header={<Header variant="h2" description={`${selected.eventTime} · ${selected.eventID}`}>Record: {selected.eventName}</Header>}>
          <Box variant="code">
            <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }} aria-label="Record JSON">
              {JSON.stringify(selected, null, 2)}
            </pre>
          </Box>
        </Container>
      )}
    </Page>
  );
}

/** Administration › Audit trail: the account's calls, filtered by event, principal, resource, time and kind, a page at a time. */
export default function AdminAuditPage() {
  return (
    <RootOnly>
      <AuditTrail />
    </RootOnly>
  );
}
