/**
 * One API call as the audit trail keeps it, shaped like a CloudTrail record of
 * the hosted tool (see the user guide's "Logging ... with AWS CloudTrail"). The
 * events of the "EventBridge" chapter carry this record as their `detail`.
 */
export interface AuditUserIdentity {
  /** `Root` for an account's root user, `IAMUser` for a user. */
  type: 'Root' | 'IAMUser';
  principalId: string;
  arn: string;
  accountId: string;
  accessKeyId: string;
  userName?: string;
}

export interface AuditRecord {
  eventVersion: '1.08';
  userIdentity: AuditUserIdentity;
  /** ISO 8601, seconds precision, UTC: `2020-10-14T04:43:13Z`. */
  eventTime: string;
  eventSource: 'wellarchitected.amazonaws.com';
  eventName: string;
  awsRegion: string;
  sourceIPAddress: string;
  userAgent: string;
  /** The request members, free text redacted as `****`; null when there were none. */
  requestParameters: Record<string, unknown> | null;
  /** The response members, free text redacted; null for failed calls and read-only calls. */
  responseElements: Record<string, unknown> | null;
  errorCode?: string;
  errorMessage?: string;
  requestID: string;
  eventID: string;
  readOnly: boolean;
  eventType: 'AwsApiCall';
  /** The account whose resources the call acted on (the caller's, or the owner of a shared resource). */
  recipientAccountId: string;
  /**
   * Set on the record that stands for repeats of one failure (same access key, source
   * address and error code) within the trail's repeat window: how many more calls
   * failed so, when, and which operations they called. The record is the last repeat's.
   */
  additionalEventData?: { repeatCount: number; firstEventTime: string; lastEventTime: string; eventNames: string[] };
  /** Plumbline's own: the ARNs of the resources the call named, for filtering by resource. */
  resources?: string[];
}
