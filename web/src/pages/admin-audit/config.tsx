import type { DateRangePickerProps } from '@cloudscape-design/components/date-range-picker';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { TableProps } from '@cloudscape-design/components/table';

/** One call as the audit trail keeps it (a CloudTrail-shaped record). */
export interface AuditRecord {
  eventTime: string;
  eventName: string;
  eventID: string;
  readOnly: boolean;
  userIdentity: { type: 'Root' | 'IAMUser'; arn: string; accountId: string; accessKeyId: string; userName?: string };
  sourceIPAddress: string;
  userAgent: string;
  errorCode?: string;
  errorMessage?: string;
  resources?: string[];
  requestParameters: Record<string, unknown> | null;
  responseElements: Record<string, unknown> | null;
}

const timeOf = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit', second: '2-digit' });

/** ARNs and ids have no spaces: they may break anywhere, so that the table keeps to its container's width. */
const breakable = (text: string) => <span style={{ overflowWrap: 'anywhere' }}>{text}</span>;

/**
 * A resource by its kind and its id, a generated id shortened (`workload/8b795f93…`); the
 * whole ARN on hover and in the record itself. Whole ARNs broke into a dozen lines a row at
 * laptop width.
 */
function resourceLabels(arns: string[]) {
  return arns.map((arn) => {
    const [kind, id] = arn.slice(arn.lastIndexOf(':') + 1).split('/');
    const label = id === undefined ? kind : `${kind}/${/^[0-9a-f]{16,}$/.test(id) ? `${id.slice(0, 8)}…` : id}`;
    return (
      <div key={arn} title={arn}>
        {breakable(label)}
      </div>
    );
  });
}

/**
 * The source address, user agent and whether the call only read are in the record itself
 * (select a row; the Calls filter selects reads or changes), to keep the table readable at
 * laptop width.
 */
export const AUDIT_COLUMNS: TableProps.ColumnDefinition<AuditRecord>[] = [
  { id: 'time', header: 'Event time', cell: (r) => timeOf(r.eventTime), minWidth: 130 },
  { id: 'name', header: 'Event name', cell: (r) => r.eventName, isRowHeader: true },
  { id: 'user', header: 'User name', cell: (r) => breakable(r.userIdentity.userName ?? (r.userIdentity.type === 'Root' ? 'root' : r.userIdentity.arn)) },
  { id: 'resources', header: 'Resources', cell: (r) => (r.resources?.length ? resourceLabels(r.resources) : '-'), maxWidth: 360 },
  {
    id: 'outcome',
    header: 'Outcome',
    // Kept on one line: "Succeeded" and the error names must not break inside a word.
    cell: (r) => (
      <span style={{ whiteSpace: 'nowrap' }}>
        {r.errorCode ? <StatusIndicator type="error">{r.errorCode.replace(/Exception$/, '')}</StatusIndicator> : <StatusIndicator type="success">Succeeded</StatusIndicator>}
      </span>
    ),
  },
];

export const RELATIVE_RANGES: DateRangePickerProps.RelativeOption[] = [
  { key: 'last-1-hour', amount: 1, unit: 'hour', type: 'relative' },
  { key: 'last-1-day', amount: 1, unit: 'day', type: 'relative' },
  { key: 'last-7-days', amount: 7, unit: 'day', type: 'relative' },
  { key: 'last-30-days', amount: 30, unit: 'day', type: 'relative' },
];

const UNIT_SECONDS: Record<DateRangePickerProps.TimeUnit, number> = {
  second: 1,
  minute: 60,
  hour: 3600,
  day: 86400,
  week: 7 * 86400,
  month: 30 * 86400,
  year: 365 * 86400,
};

const unitName = (unit: DateRangePickerProps.TimeUnit, n: number) => (n === 1 ? unit : `${unit}s`);

export const DATE_RANGE_STRINGS: DateRangePickerProps.I18nStrings = {
  ariaLabel: 'Time range',
  todayAriaLabel: 'Today',
  nextMonthAriaLabel: 'Next month',
  previousMonthAriaLabel: 'Previous month',
  customRelativeRangeDurationLabel: 'Duration',
  customRelativeRangeDurationPlaceholder: 'Enter duration',
  customRelativeRangeOptionLabel: 'Custom range',
  customRelativeRangeOptionDescription: 'Set a custom range in the past',
  customRelativeRangeUnitLabel: 'Unit of time',
  formatRelativeRange: (e) => `Last ${e.amount} ${unitName(e.unit, e.amount)}`,
  formatUnit: (unit, n) => unitName(unit, n),
  dateTimeConstraintText: 'For date, use YYYY/MM/DD. For time, use the 24-hour format.',
  relativeModeTitle: 'Relative range',
  absoluteModeTitle: 'Absolute range',
  relativeRangeSelectionHeading: 'Choose a range',
  startDateLabel: 'Start date',
  endDateLabel: 'End date',
  startTimeLabel: 'Start time',
  endTimeLabel: 'End time',
  clearButtonLabel: 'Clear and dismiss',
  cancelButtonLabel: 'Cancel',
  applyButtonLabel: 'Apply',
  modeSelectionLabel: 'Range type',
};

/** A picked range as the API's StartTime and EndTime, in epoch seconds. */
export function rangeSeconds(value: DateRangePickerProps.Value | null, now = Date.now()): { StartTime?: number; EndTime?: number } {
  if (!value) return {};
  if (value.type === 'relative') return { StartTime: Math.floor(now / 1000) - value.amount * UNIT_SECONDS[value.unit] };
  return { StartTime: Math.floor(Date.parse(value.startDate) / 1000), EndTime: Math.floor(Date.parse(value.endDate) / 1000) };
}

export function isValidRange(value: DateRangePickerProps.Value | null): DateRangePickerProps.ValidationResult {
  if (value?.type === 'absolute') {
    const [start, end] = [Date.parse(value.startDate), Date.parse(value.endDate)];
    if (Number.isNaN(start) || Number.isNaN(end)) return { valid: false, errorMessage: 'Enter a start and an end date.' };
    if (start > end) return { valid: false, errorMessage: 'The end must not be before the start.' };
  }
  return { valid: true };
}
