import { awsLensArn, parseArn, workloadArn } from '../arn';
import type { AuditRecord, AuditUserIdentity } from './record';
import { redactedMembers } from './redact';

/** Everything known about one API call when its record is written. */
export interface AuditFacts {
  eventId: string;
  requestId: string;
  /** Epoch milliseconds of the call's arrival. */
  eventTime: number;
  eventName: string;
  region: string;
  sourceIp: string;
  userAgent: string;
  caller: { accountId: string; arn: string; accessKeyId: string; userName?: string; userId?: string };
  /** The account that owns what the call acted on, when it is not the caller's. */
  resourceOwner?: string;
  /** The bound request members; undefined when the call never got that far. */
  request?: Record<string, unknown>;
}

export type AuditOutcome = { response: unknown } | { errorCode: string; errorMessage: string };

/** Reads (Get*, List*) change nothing; everything else, ExportLens included, counts as a write as in CloudTrail. */
/** Reads by name, as CloudTrail marks them: Get and List, and Simulate (IAM's policy simulations change nothing). */
export const isReadOnly = (eventName: string) => eventName.startsWith('Get') || eventName.startsWith('List') || eventName.startsWith('Simulate');

/** `2020-10-14T04:43:13Z`: CloudTrail's eventTime, to the second. */
export const cloudTrailTime = (millis: number) => new Date(millis).toISOString().slice(0, 19) + 'Z';

const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
const ownerOf = (arn: string | undefined) => {
  const account = arn ? parseArn(arn)?.accountId : undefined;
  return account && account !== 'aws' ? account : undefined;
};

/**
 * The resource a call is about, for filtering by resource: the workload (by its
 * owner's ARN), else the ARN the request names, else the lens, else the ARN a
 * creating call answers with. The same order the authorizer uses.
 */
export function primaryResource(facts: AuditFacts, recipient: string, response: unknown): string | undefined {
  const request = facts.request ?? {};
  const workloadId = text(request.WorkloadId);
  if (workloadId) return workloadArn(facts.region, recipient, workloadId);
  const named = text(request.WorkloadArn) ?? text(request.ProfileArn) ?? text(request.TemplateArn) ?? text(request.ResourceArn);
  if (named) return named;
  const lens = text(request.LensAlias);
  if (lens) return lens.startsWith('arn:') ? lens : awsLensArn(lens);
  if (response && typeof response === 'object') {
    const r = response as Record<string, unknown>;
    return text(r.WorkloadArn) ?? text(r.LensArn) ?? text(r.ProfileArn) ?? text(r.TemplateArn);
  }
  return undefined;
}

/**
 * The account whose trail also gets the record. Only a call that succeeded, or
 * one the service let through to a shared resource, names another account:
 * a failed call naming someone else's ARN must not write into their trail.
 */
function recipientOf(facts: AuditFacts, outcome: AuditOutcome): string {
  if (facts.resourceOwner) return facts.resourceOwner;
  if (!('response' in outcome)) return facts.caller.accountId;
  const request = facts.request ?? {};
  return (
    ownerOf(text(request.WorkloadArn) ?? text(request.ProfileArn) ?? text(request.TemplateArn) ?? text(request.ResourceArn)) ??
    ownerOf(text(request.LensAlias)) ??
    facts.caller.accountId
  );
}

function identityOf(caller: AuditFacts['caller']): AuditUserIdentity {
  if (caller.userName === undefined) {
    return { type: 'Root', principalId: caller.accountId, arn: caller.arn, accountId: caller.accountId, accessKeyId: caller.accessKeyId };
  }
  return {
    type: 'IAMUser',
    principalId: caller.userId ?? caller.accessKeyId,
    arn: caller.arn,
    accountId: caller.accountId,
    accessKeyId: caller.accessKeyId,
    userName: caller.userName,
  };
}

export function buildAuditRecord(facts: AuditFacts, outcome: AuditOutcome): AuditRecord {
  const readOnly = isReadOnly(facts.eventName);
  const recipient = recipientOf(facts, outcome);
  const response = 'response' in outcome ? outcome.response : undefined;
  const resource = primaryResource(facts, recipient, response);
  // One literal and plain assignments, no spreads: this runs with every change.
  const record: AuditRecord = {
    eventVersion: '1.08',
    userIdentity: identityOf(facts.caller),
    eventTime: cloudTrailTime(facts.eventTime),
    eventSource: 'wellarchitected.amazonaws.com',
    eventName: facts.eventName,
    awsRegion: facts.region,
    sourceIPAddress: facts.sourceIp,
    userAgent: facts.userAgent,
    requestParameters: redactedMembers(facts.request),
    // Reads answer with whole documents; like CloudTrail, their records keep none of it.
    responseElements: readOnly ? null : redactedMembers(response),
    requestID: facts.requestId,
    eventID: facts.eventId,
    readOnly,
    eventType: 'AwsApiCall',
    recipientAccountId: recipient,
  };
  if ('errorCode' in outcome) {
    record.errorCode = outcome.errorCode;
    record.errorMessage = outcome.errorMessage;
  }
  if (resource) record.resources = [resource];
  return record;
}
