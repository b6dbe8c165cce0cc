/** ARNs of profiles and review templates, shaped like the hosted tool's (the model's patterns). */

export const profileArn = (region: string, accountId: string, id: string) => `arn:aws:wellarchitected:${region}:${accountId}:profile/${id}`;

export const reviewTemplateArn = (region: string, accountId: string, id: string) =>
  `arn:aws:wellarchitected:${region}:${accountId}:review-template/${id}`;
