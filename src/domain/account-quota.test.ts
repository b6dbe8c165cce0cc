import { describe, expect, it } from 'vitest';
import { accountQuotaError, QuotaError } from './errors';

describe('accountQuotaError', () => {
  it('names the limit, the quota code and the resource type as the API sends them', () => {
    const error = accountQuotaError(20, 'review templates', 'REVIEW_TEMPLATE');
    expect(error).toBeInstanceOf(QuotaError);
    expect(error.message).toBe('An account can have at most 20 review templates');
    expect(error.quotaCode).toBe('review-templates-per-account');
    expect(error.resourceType).toBe('REVIEW_TEMPLATE');
    expect(error.members()).toMatchObject({ ResourceType: 'REVIEW_TEMPLATE' });
  });
});
