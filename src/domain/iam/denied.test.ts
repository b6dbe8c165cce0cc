import { describe, expect, it } from 'vitest';
import { AccessDeniedError } from '../errors';
import { INLINE_POLICY_MAX_CHARS, MANAGED_POLICIES, authorize, deniedMessage, managedPolicyByArn, policyCharCount } from './index';

const USER = 'arn:aws:iam::123456789012:user/mateojackson';

describe('deniedMessage', () => {
  it("matches the spec's troubleshooting example", () => {
    expect(deniedMessage(USER, 'wellarchitected:DeleteWorkload', '11112222333344445555666677778888')).toBe(
      'User: arn:aws:iam::123456789012:user/mateojackson is not authorized to perform: wellarchitected:DeleteWorkload on resource: 11112222333344445555666677778888',
    );
  });

  it('adds the service prefix to a bare operation and normalises its case', () => {
    expect(deniedMessage(USER, 'DeleteWorkload', 'r')).toContain('perform: wellarchitected:DeleteWorkload on resource: r');
    expect(deniedMessage(USER, 'WellArchitected:DeleteWorkload', 'r')).toContain('perform: wellarchitected:DeleteWorkload on');
  });
});

describe('authorize', () => {
  const workload = 'arn:aws:wellarchitected:us-east-1:123456789012:workload/abc';
  const readOnly = [MANAGED_POLICIES.WellArchitectedConsoleReadOnlyAccess.policy];

  it('returns the result when allowed', () => {
    expect(authorize(USER, { action: 'GetWorkload', resource: workload, context: {} }, readOnly).decision).toBe('Allow');
  });

  it('throws a 403 AccessDeniedException with the spec message otherwise', () => {
    let error: unknown;
    try {
      authorize(USER, { action: 'DeleteWorkload', resource: workload, context: {} }, readOnly, 'abc');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AccessDeniedError);
    const denied = error as AccessDeniedError;
    expect(denied.status).toBe(403);
    expect(denied.code).toBe('AccessDeniedException');
    expect(denied.message).toBe(`User: ${USER} is not authorized to perform: wellarchitected:DeleteWorkload on resource: abc`);
  });
});

describe('managed policies', () => {
  it('exist with AWS ARNs and the documents from the spec', () => {
    const full = MANAGED_POLICIES.WellArchitectedConsoleFullAccess;
    const readOnly = MANAGED_POLICIES.WellArchitectedConsoleReadOnlyAccess;
    expect(full.arn).toBe('arn:aws:iam::aws:policy/WellArchitectedConsoleFullAccess');
    expect(readOnly.arn).toBe('arn:aws:iam::aws:policy/WellArchitectedConsoleReadOnlyAccess');
    // The spec's documents, plus Plumbline's own operations that the same users used before they had actions of their own.
    const reads = ['plumbline:GetPracticeRisks', 'plumbline:GetLensDraftDifference', 'plumbline:GetWorkloadExport', 'plumbline:GetLensReviewExport', 'plumbline:ListLensReviewChecks', 'plumbline:ListCheckResources', 'plumbline:GetWorkloadRiskCounts'];
    expect(full.document).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['wellarchitected:*', ...reads, 'plumbline:ImportWorkload', 'plumbline:ApplyReviewTemplate', 'plumbline:ImportCheckResults'], Resource: '*' }],
    });
    expect(readOnly.document).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['wellarchitected:Get*', 'wellarchitected:List*', ...reads], Resource: '*' }],
    });
    expect(managedPolicyByArn(full.arn)).toBe(full);
    expect(managedPolicyByArn('arn:aws:iam::aws:policy/Nope')).toBeUndefined();
  });
});

describe('policy size', () => {
  it('is 6,144 characters, white space not counted', () => {
    expect(INLINE_POLICY_MAX_CHARS).toBe(6144);
    expect(policyCharCount('{ "Version" :\n\t"2012-10-17" }')).toBe('{"Version":"2012-10-17"}'.length);
  });
});
