import { CHECK_STATUSES, type CheckStatus } from '../../domain/checks/finding';
import { ValidationError } from '../../domain/errors';
import type { CompiledLens } from '../../domain/lens/compiled-lens';
import type { StoredCheckResult, StoredFlaggedResource } from '../../store/checks.repo';
import { presentFlaggedResource } from '../checks/checks.service';

/**
 * Check results and flagged resources in a workload file (workload-document.ts):
 * written from the store as they are, and read back checked member by member and
 * against the lens versions of the workload (or milestone) they are imported into.
 */

export interface CheckEntry {
  LensAlias: string;
  PillarId: string;
  QuestionId: string;
  ChoiceId: string;
  Source: string;
  CheckId: string;
  AccountId: string;
  Name: string;
  Description: string;
  Status: CheckStatus;
  FlaggedResources: number;
  /** ISO 8601 with milliseconds. */
  UpdatedAt: string;
}

export interface FlaggedResourceEntry {
  Source: string;
  AccountId: string;
  CheckId: string;
  ResourceId: string;
  Name?: string;
  Region?: string;
  Type?: string;
  Status: CheckStatus;
  Message?: string;
}

export const checkEntry = (r: StoredCheckResult): CheckEntry => ({
  LensAlias: r.lensKey,
  PillarId: r.pillarId,
  QuestionId: r.questionId,
  ChoiceId: r.choiceId,
  Source: r.source,
  CheckId: r.checkId,
  AccountId: r.accountId,
  Name: r.name,
  Description: r.description,
  Status: r.status,
  FlaggedResources: r.flaggedResources,
  UpdatedAt: new Date(r.updatedAt).toISOString(),
});

/** The resource as ListCheckResources shows it, with the check that flagged it. */
export function flaggedResourceEntry(r: StoredFlaggedResource): FlaggedResourceEntry {
  const { Id, ...shown } = presentFlaggedResource(r);
  return { Source: r.source, AccountId: r.accountId, CheckId: r.checkId, ResourceId: Id, ...shown };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const SOURCE = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/;
const ACCOUNT = /^\d{12}$/;

/** The store's column widths (migration 0009-check-results); other texts are unbounded. */
const MAX_LENGTH: Record<string, number> = { CheckId: 256, Region: 64, Type: 256 };

function text(entry: Record<string, unknown>, name: string, at: string, optional = false): string | undefined {
  const value = entry[name];
  if (optional && value === undefined) return undefined;
  if (typeof value !== 'string' || (!optional && value === '' && name !== 'Description')) throw ValidationError.field(`${at}.${name}`, 'must be a string');
  const max = MAX_LENGTH[name];
  if (max !== undefined && value.length > max) throw ValidationError.field(`${at}.${name}`, `must be at most ${max} characters`);
  return value;
}

/** The members every entry has: the scanner, its check and account, and a status. */
function common(entry: unknown, at: string) {
  if (!isObject(entry)) throw ValidationError.field(at, 'must be an object');
  const source = text(entry, 'Source', at)!;
  if (!SOURCE.test(source)) throw ValidationError.field(`${at}.Source`, 'must be 1-64 letters, digits, spaces, dots, dashes or underscores');
  const accountId = text(entry, 'AccountId', at)!;
  if (!ACCOUNT.test(accountId)) throw ValidationError.field(`${at}.AccountId`, 'must be a 12-digit account id');
  const status = entry.Status as CheckStatus;
  if (!CHECK_STATUSES.includes(status)) throw ValidationError.field(`${at}.Status`, `must be one of ${CHECK_STATUSES.join(', ')}`);
  return { entry, source, accountId, status, checkId: text(entry, 'CheckId', at)! };
}

/**
 * The file's check results, each on a practice of the lens version it goes to
 * (`lensOf` gives the version for a lens alias, or nothing when the workload or
 * milestone has no review of that lens).
 */
export function checkResultsOf(entries: unknown, at: string, lensOf: (alias: string) => CompiledLens | undefined): StoredCheckResult[] {
  if (entries === undefined) return [];
  if (!Array.isArray(entries)) throw ValidationError.field(at, 'must be a list');
  return entries.map((raw: unknown, i) => {
    const here = `${at}[${i}]`;
    const { entry, source, accountId, status, checkId } = common(raw, here);
    const lensKey = text(entry, 'LensAlias', here)!;
    const lens = lensOf(lensKey);
    if (!lens) throw ValidationError.field(`${here}.LensAlias`, `'${lensKey}' is not a lens reviewed here`);
    const question = lens.questions.get(text(entry, 'QuestionId', here)!);
    const choiceId = text(entry, 'ChoiceId', here)!;
    if (!question || !question.choiceIds.has(choiceId)) {
      throw ValidationError.field(`${here}.ChoiceId`, `'${choiceId}' is not a best practice of lens ${lens.alias} version ${lens.version}`);
    }
    const flagged = entry.FlaggedResources;
    if (!Number.isInteger(flagged) || (flagged as number) < 0) throw ValidationError.field(`${here}.FlaggedResources`, 'must be a whole number');
    const updatedAt = Date.parse(text(entry, 'UpdatedAt', here)!);
    if (Number.isNaN(updatedAt)) throw ValidationError.field(`${here}.UpdatedAt`, 'must be an ISO 8601 time');
    return {
      lensKey,
      pillarId: question.pillarId,
      questionId: question.id,
      choiceId,
      source,
      checkId,
      accountId,
      name: text(entry, 'Name', here)!,
      description: text(entry, 'Description', here)!,
      status,
      flaggedResources: flagged as number,
      updatedAt,
    };
  });
}

export function flaggedResourcesOf(entries: unknown, at: string): StoredFlaggedResource[] {
  if (entries === undefined) return [];
  if (!Array.isArray(entries)) throw ValidationError.field(at, 'must be a list');
  return entries.map((raw: unknown, i) => {
    const here = `${at}[${i}]`;
    const { entry, source, accountId, status, checkId } = common(raw, here);
    return {
      source,
      accountId,
      checkId,
      status,
      resourceId: text(entry, 'ResourceId', here)!,
      name: text(entry, 'Name', here, true),
      region: text(entry, 'Region', here, true),
      type: text(entry, 'Type', here, true),
      message: text(entry, 'Message', here, true),
    };
  });
}
