import { describe, expect, it } from 'vitest';
import { buildAuditRecord, cloudTrailTime, isReadOnly, type AuditFacts } from './build';
import { redact, redactedMembers } from './redact';

describe('redact', () => {
  it('replaces free text at any depth and keeps ids, enums, numbers and tags', () => {
    const request = {
      WorkloadName: 'Retail Website',
      Description: 'Our shop',
      ReviewOwner: 'jane@example.com',
      Environment: 'PRODUCTION',
      Lenses: ['wellarchitected'],
      Tags: { team: 'payments' },
      PillarPriorities: ['security'],
      Workload: { WorkloadId: 'abc', Notes: 'private', Lenses: [{ LensNotes: 'x', LensAlias: 'serverless' }] },
    };
    expect(redact(request)).toEqual({
      ...request,
      WorkloadName: '****',
      Description: '****',
      ReviewOwner: '****',
      Workload: { WorkloadId: 'abc', Notes: '****', Lenses: [{ LensNotes: '****', LensAlias: 'serverless' }] },
    });
    // The request itself is untouched: the service still needs the real values.
    expect(request.WorkloadName).toBe('Retail Website');
  });

  it('redacts answers whole, as the UpdateAnswer sample does', () => {
    expect(
      redact({
        SelectedChoices: ['a', 'b'],
        ChoiceUpdates: { a: { Status: 'SELECTED' } },
        Notes: 'n',
        QuestionId: 'priorities',
        IsApplicable: true,
        Reason: 'NONE',
        Answer: { QuestionId: 'priorities', SelectedChoices: ['a'] },
      }),
    ).toEqual({ SelectedChoices: '****', ChoiceUpdates: '****', Notes: '****', QuestionId: 'priorities', IsApplicable: true, Reason: 'NONE', Answer: '****' });
  });

  it('redacts name prefixes, lens files and lens versions', () => {
    expect(redact({ WorkloadNamePrefix: 'Ret', JSONString: '{"name":"x"}', LensVersion: '1.0', LensAlias: 'arn:aws:wellarchitected:us-east-1:111122223333:lens/abc' })).toEqual({
      WorkloadNamePrefix: '****',
      JSONString: '****',
      LensVersion: '****',
      LensAlias: 'arn:aws:wellarchitected:us-east-1:111122223333:lens/abc',
    });
  });

  it('writes empty members as null, as CloudTrail does', () => {
    expect(redactedMembers({})).toBeNull();
    expect(redactedMembers(undefined)).toBeNull();
    expect(redactedMembers({ WorkloadId: 'w' })).toEqual({ WorkloadId: 'w' });
  });
});

describe('buildAuditRecord', () => {
  const facts: AuditFacts = {
    eventId: 'e1',
    requestId: 'r1',
    eventTime: Date.UTC(2020, 9, 14, 4, 43, 13, 512),
    eventName: 'UpdateAnswer',
    region: 'us-west-2',
    sourceIp: '198.51.100.178',
    userAgent: 'aws-sdk-js',
    caller: { accountId: '444455556666', arn: 'arn:aws:iam::444455556666:user/alice', accessKeyId: 'AKIA1', userName: 'alice', userId: 'AIDA1' },
    request: { WorkloadId: 'w1', LensAlias: 'wellarchitected', QuestionId: 'priorities', Notes: 'n' },
  };

  it('shapes a successful change like the spec sample', () => {
    const record = buildAuditRecord(facts, { response: { WorkloadId: 'w1', LensAlias: 'wellarchitected', Answer: { QuestionId: 'priorities' } } });
    expect(record).toEqual({
      eventVersion: '1.08',
      userIdentity: { type: 'IAMUser', principalId: 'AIDA1', arn: 'arn:aws:iam::444455556666:user/alice', accountId: '444455556666', accessKeyId: 'AKIA1', userName: 'alice' },
      eventTime: '2020-10-14T04:43:13Z',
      eventSource: 'wellarchitected.amazonaws.com',
      eventName: 'UpdateAnswer',
      awsRegion: 'us-west-2',
      sourceIPAddress: '198.51.100.178',
      userAgent: 'aws-sdk-js',
      requestParameters: { WorkloadId: 'w1', LensAlias: 'wellarchitected', QuestionId: 'priorities', Notes: '****' },
      responseElements: { WorkloadId: 'w1', LensAlias: 'wellarchitected', Answer: '****' },
      requestID: 'r1',
      eventID: 'e1',
      readOnly: false,
      eventType: 'AwsApiCall',
      recipientAccountId: '444455556666',
      resources: ['arn:aws:wellarchitected:us-west-2:444455556666:workload/w1'],
    });
  });

  it('records a failure with its error and no response', () => {
    const record = buildAuditRecord(facts, { errorCode: 'AccessDeniedException', errorMessage: 'no' });
    expect(record).toMatchObject({ errorCode: 'AccessDeniedException', errorMessage: 'no', responseElements: null });
  });

  it('names another account as recipient only for a shared resource reached or a call that succeeded', () => {
    const onShared = { ...facts, resourceOwner: '111122223333' };
    expect(buildAuditRecord(onShared, { errorCode: 'AccessDeniedException', errorMessage: 'no' }).recipientAccountId).toBe('111122223333');
    const otherArn = { ...facts, eventName: 'GetProfile', request: { ProfileArn: 'arn:aws:wellarchitected:us-west-2:999988887777:profile/p1' } };
    expect(buildAuditRecord(otherArn, { errorCode: 'ResourceNotFoundException', errorMessage: 'no' }).recipientAccountId).toBe('444455556666');
    expect(buildAuditRecord(otherArn, { response: {} }).recipientAccountId).toBe('999988887777');
  });

  it('keeps no response of a read, and uses the root account as principal id', () => {
    const root = { ...facts, eventName: 'ListWorkloads', request: {}, caller: { accountId: '444455556666', arn: 'arn:aws:iam::444455556666:root', accessKeyId: 'AKIA2' } };
    const record = buildAuditRecord(root, { response: { WorkloadSummaries: [{ WorkloadName: 'x' }] } });
    expect(record).toMatchObject({ readOnly: true, requestParameters: null, responseElements: null, userIdentity: { type: 'Root', principalId: '444455556666' } });
    expect(record.resources).toBeUndefined();
  });

  it('takes the resource of a creating call from its answer', () => {
    const create = { ...facts, eventName: 'ImportLens', request: { JSONString: '{}' } };
    const arn = 'arn:aws:wellarchitected:us-west-2:444455556666:lens/l1';
    expect(buildAuditRecord(create, { response: { LensArn: arn, Status: 'COMPLETE' } }).resources).toEqual([arn]);
  });

  it('classifies reads and formats times to the second', () => {
    expect(['GetWorkload', 'ListAnswers'].map(isReadOnly)).toEqual([true, true]);
    expect(['ExportLens', 'UpdateAnswer', 'CreateWorkload'].map(isReadOnly)).toEqual([false, false, false]);
    expect(cloudTrailTime(Date.UTC(2022, 1, 17, 8, 1, 25, 999))).toBe('2022-02-17T08:01:25Z');
  });
});
