import { describe, expect, it } from 'vitest';
import { fromProwler, prowlerMapping, prowlerStatus } from './prowler';

const mapping = prowlerMapping([
  {
    Framework: 'AWS-Well-Architected-Framework-Security-Pillar',
    Requirements: [
      { Id: 'SEC03-BP03', Attributes: [{ WellArchitectedPracticeId: 'sec_permissions_emergency_process' }] },
      { Id: 'SEC10-BP01', Attributes: [{ WellArchitectedPracticeId: 'sec_incident_response_identify_personnel' }] },
    ],
  },
]);

const finding = (over: Record<string, unknown> = {}) => ({
  metadata: { event_code: 'account_security_contact_information_is_registered', product: { name: 'Prowler' } },
  status_code: 'FAIL',
  severity: 'High',
  status_detail: 'No security contact',
  finding_info: { title: 'Security contact registered', desc: 'Checks the contact', created_time: 1739539623 },
  unmapped: { compliance: { 'CIS-3.0': ['1.2'], 'AWS-Well-Architected-Framework-Security-Pillar': ['SEC03-BP03', 'SEC10-BP01', 'SEC99-BP99'] } },
  resources: [{ uid: 'arn:aws:iam::123456789012:root', name: 'root', region: 'us-east-1', type: 'Other' }],
  cloud: { account: { uid: '123456789012' } },
  time: 1739539623,
  ...over,
});

describe('Prowler findings', () => {
  it('translates status and severity: PASS okay, FAIL error at high and critical, warning below, MANUAL not available', () => {
    expect(prowlerStatus('PASS', 'Critical')).toBe('OKAY');
    expect(prowlerStatus('FAIL', 'Critical')).toBe('ERROR');
    expect(prowlerStatus('FAIL', 'high')).toBe('ERROR');
    expect(prowlerStatus('FAIL', 'Medium')).toBe('WARNING');
    expect(prowlerStatus('FAIL', 'Informational')).toBe('WARNING');
    expect(prowlerStatus('MANUAL', 'Low')).toBe('NOT_AVAILABLE');
    expect(prowlerStatus('MUTED', 'Low')).toBeUndefined();
  });

  it('places a finding on practices through the mapping and keeps the requirement ids it does not know', () => {
    const read = fromProwler(finding(), mapping);
    expect(read.problems).toEqual([]);
    expect(read.unknownRequirements).toEqual(['SEC99-BP99']);
    expect(read.finding).toMatchObject({
      CheckId: 'account_security_contact_information_is_registered',
      Name: 'Security contact registered',
      Status: 'ERROR',
      AccountId: '123456789012',
      Time: 1739539623000,
      Message: 'No security contact',
      Resources: [{ Id: 'arn:aws:iam::123456789012:root', Region: 'us-east-1' }],
    });
    expect(read.finding!.PracticeIds.sort()).toEqual(['sec_incident_response_identify_personnel', 'sec_permissions_emergency_process']);
  });

  it('gives a finding without a Well-Architected requirement no practice', () => {
    const read = fromProwler(finding({ unmapped: { compliance: { 'CIS-3.0': ['1.2'] } } }), mapping);
    expect(read.finding?.PracticeIds).toEqual([]);
  });

  it('names every malformed member of a finding', () => {
    const read = fromProwler(finding({ status_code: 'DONE', cloud: { account: { uid: '<account_uid>' } }, metadata: {}, time: 'never', finding_info: {} }), mapping);
    expect(read.finding).toBeUndefined();
    expect(read.problems.map((p) => p.Name)).toEqual(['metadata.event_code', 'status_code', 'cloud.account.uid', 'time']);
  });
});
