import { describeJsonType } from './describe-json-type';
import { type LensFindingRule, keyPath } from './lens-finding';
import { LENS_ID, LENS_ID_PATTERN, LENS_RULES, LENS_URL_SCHEMES, type ListLimit, type TextLimit } from './lens-rules';

/** Checks of single fields, shared by every level of the lens; each reports and never throws. */
export type Report = (path: string, rule: LensFindingRule, message: string) => void;

/**
 * The characters the hosted service accepts in names, titles and descriptions
 * (aws-behaviour.md item 8): letters, digits, space, line breaks and - _ . , : / ( ) @ ! & # + ' ? ’.
 */
const RESTRICTED_TEXT = /^[\p{L}\p{M}\p{N} \r\n\-_.,:/()@!&#+'?\u2019]*$/u;
const RESTRICTED_OUTSIDE = /[^\p{L}\p{M}\p{N} \r\n\-_.,:/()@!&#+'?\u2019]/gu;

/** Reports a text of a restricted field that holds a character the hosted service refuses there. */
export function checkCharacters(report: Report, value: string | undefined, path: string): void {
  if (value === undefined || RESTRICTED_TEXT.test(value)) return;
  const found = [...new Set(value.match(RESTRICTED_OUTSIDE) ?? [])].map((c) => JSON.stringify(c)).join(' ');
  report(path, 'characters', `must contain only letters, digits, spaces, line breaks and - _ . , : / ( ) @ ! & # + ' ? (has ${found})`);
}

export type JsonObject = Record<string, unknown>;

export function asObject(report: Report, value: unknown, path: string): JsonObject | undefined {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as JsonObject;
  report(path, 'type', `must be an object (is ${describeJsonType(value)})`);
  return undefined;
}

export function checkText(report: Report, owner: JsonObject, key: string, path: string, limit: TextLimit): string | undefined {
  const value = owner[key];
  const at = keyPath(path, key);
  if (value === undefined) {
    if (limit.required) report(at, 'required', 'is required');
    return undefined;
  }
  if (typeof value !== 'string') {
    report(at, 'type', `must be a string (is ${describeJsonType(value)})`);
    return undefined;
  }
  // Code points, so that a character outside the BMP counts once, as a reader counts it.
  const length = Array.from(value).length;
  if (length < limit.minLength) {
    const expected = limit.minLength === 1 ? 'must not be empty' : `must be at least ${limit.minLength} characters (is ${length})`;
    report(at, 'minLength', expected);
  } else if (length > limit.maxLength) {
    report(at, 'maxLength', `must be at most ${limit.maxLength} characters (is ${length})`);
  }
  return value;
}

export function checkList(report: Report, owner: JsonObject, key: string, path: string, limit: ListLimit): unknown[] | undefined {
  const value = owner[key];
  const at = keyPath(path, key);
  if (value === undefined) {
    report(at, 'required', 'is required');
    return undefined;
  }
  if (!Array.isArray(value)) {
    report(at, 'type', `must be an array (is ${describeJsonType(value)})`);
    return undefined;
  }
  if (value.length < limit.minItems) {
    report(at, 'minItems', `must have at least ${count(limit.minItems, limit.noun)} (has ${value.length})`);
  } else if (limit.maxItems !== undefined && value.length > limit.maxItems) {
    report(at, 'maxItems', `must have at most ${count(limit.maxItems, limit.noun)} (has ${value.length})`);
  }
  return value;
}

/** The ids met so far where they must be unique (each with the path of its owner), and how to say where: "within the lens". */
export interface IdScope {
  readonly within: string;
  readonly seen: Map<string, string>;
}

export const idScope = (within: string): IdScope => ({ within, seen: new Map() });

/** Checks `owner.id` and records it in `ids`, so that a repeat names where the id was first used. */
export function checkId(report: Report, owner: JsonObject, path: string, ids: IdScope, pattern: RegExp = LENS_ID_PATTERN): string | undefined {
  const id = checkText(report, owner, 'id', path, LENS_ID);
  if (id === undefined) return undefined;
  const at = keyPath(path, 'id');
  if (!pattern.test(id)) {
    const allowed = pattern === LENS_ID_PATTERN ? 'letters, digits and underscores' : 'letters, digits, underscores and hyphens';
    report(at, 'idFormat', `must contain only ${allowed} (is ${quote(id)})`);
  }
  const earlier = ids.seen.get(id);
  if (earlier === undefined) ids.seen.set(id, path);
  else report(at, 'duplicateId', `repeats the id ${quote(id)} of ${earlier}; ids must be unique ${ids.within}`);
  return id;
}

export function checkHelpfulResource(report: Report, owner: JsonObject, path: string): void {
  if (owner.helpfulResource === undefined) return;
  const at = keyPath(path, 'helpfulResource');
  const resource = asObject(report, owner.helpfulResource, at);
  if (!resource) return;
  checkText(report, resource, 'displayText', at, LENS_RULES.helpfulResource.displayText);
  checkUrl(report, resource, at);
  if (resource.url !== undefined && resource.url !== '' && (resource.displayText === undefined || resource.displayText === '')) {
    report(keyPath(at, 'displayText'), 'displayTextRequired', 'is required when a url is given');
  }
}

export function checkImprovementPlan(report: Report, choice: JsonObject, path: string, required: boolean): void {
  const at = keyPath(path, 'improvementPlan');
  if (choice.improvementPlan === undefined) {
    if (required) {
      report(at, 'improvementPlanRequired', 'is required for every choice except a "None of these" choice (id ending in _no)');
    }
    return;
  }
  const plan = asObject(report, choice.improvementPlan, at);
  if (!plan) return;
  checkText(report, plan, 'displayText', at, LENS_RULES.improvementPlan.displayText);
  checkUrl(report, plan, at);
}

function checkUrl(report: Report, resource: JsonObject, path: string): void {
  const url = resource.url;
  if (url === undefined) return;
  const at = keyPath(path, 'url');
  if (typeof url !== 'string') {
    report(at, 'type', `must be a string (is ${describeJsonType(url)})`);
  } else if (url === '') {
    // Published lenses carry "url": "" (aws-behaviour.md item 12): read as no url.
    report(at, 'emptyUrl', 'is empty and is read as no url; leave the key out instead');
  } else if (!LENS_URL_SCHEMES.some((scheme) => url.startsWith(scheme))) {
    report(at, 'urlScheme', `must start with ${LENS_URL_SCHEMES.join(' or ')} (is ${quote(url)})`);
  }
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A value quoted for a message, cut short so one long value cannot flood the output. */
function quote(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
}
