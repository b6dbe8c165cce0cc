/**
 * The canonical form of a request, so that a retry carrying the same
 * ClientRequestToken is recognised as the same request however its client built
 * it: object keys are sorted at every depth (boto3 and JavaScript keep whatever
 * order the caller inserted), and the members whose meaning in the API model is
 * a set are compared as sets (order and repeats ignored).
 *
 * The set-valued members are listed per operation as member paths ("[]" steps
 * into a list's items). Lists whose order means something - PillarPriorities is
 * a ranking - are listed in ORDERED_MEMBERS instead; a test checks that every
 * list an idempotent operation takes is in one of the two tables.
 */
export const SET_MEMBERS: Readonly<Record<string, readonly string[]>> = {
  CreateWorkload: [
    'AccountIds',
    'AwsRegions',
    'NonAwsRegions',
    'Lenses',
    'DiscoveryConfig.WorkloadResourceDefinition',
    'Applications',
    'ProfileArns',
    'ReviewTemplateArns',
  ],
  CreateReviewTemplate: ['Lenses'],
  CreateProfile: ['ProfileQuestions', 'ProfileQuestions[].SelectedChoiceIds'],
};

/** Lists of idempotent operations whose order is part of the request. */
export const ORDERED_MEMBERS: Readonly<Record<string, readonly string[]>> = {
  CreateWorkload: ['PillarPriorities'],
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function canonical(value: unknown, path: string, sets: ReadonlySet<string>): Json {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) {
    const items = value.map((item) => canonical(item, `${path}[]`, sets));
    if (!sets.has(path)) return items;
    // Items are compared by their canonical text; repeats of one item collapse.
    const byText = new Map(items.map((item) => [JSON.stringify(item), item]));
    return [...byText.keys()].sort().map((text) => byText.get(text)!);
  }
  if (typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(value).sort()) {
      const member = (value as Record<string, unknown>)[key];
      // An absent member and one sent as undefined are the same request.
      if (member === undefined) continue;
      out[key] = canonical(member, path ? `${path}.${key}` : key, sets);
    }
    return out;
  }
  return value as Json;
}

/** Any JSON value's canonical text: keys sorted at every depth, list order kept. */
export const canonicalJson = (value: unknown): string => JSON.stringify(canonical(value, '', new Set()));

/** The request's canonical JSON text: equal for two requests that mean the same. */
export function canonicalRequestText(operation: string, request: unknown): string {
  return JSON.stringify(canonical(request, '', new Set(SET_MEMBERS[operation] ?? [])));
}
