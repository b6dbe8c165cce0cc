import { flags, worseStatus, type CheckStatus, type Finding } from './finding';

/**
 * Folds a scanner's findings into check results: one per account, check and best
 * practice of the workload's lenses the check gives evidence for, with the worst
 * status the account's findings of that check had, the resources they flagged,
 * and an account of every finding that could not be placed on a practice.
 */

/** Where a practice (choice) id stands in one of the workload's lenses. */
export interface PracticePlace {
  lensKey: string;
  pillarId: string;
  questionId: string;
  choiceId: string;
}

export interface CheckResult extends PracticePlace {
  accountId: string;
  checkId: string;
  name: string;
  description: string;
  status: CheckStatus;
  /** Distinct resources of this account flagged by the check (WARNING or ERROR). */
  flaggedResources: number;
  /** Epoch milliseconds of the latest finding. */
  updatedAt: number;
}

export interface FlaggedResource {
  accountId: string;
  checkId: string;
  resourceId: string;
  name?: string;
  region?: string;
  type?: string;
  status: CheckStatus;
  message?: string;
}

export interface ImportTally {
  findings: number;
  placed: number;
  /** Findings naming no best practice at all (e.g. no Well-Architected requirement). */
  withoutPractice: number;
  /** Findings whose practices are none of the workload's lens versions. */
  practiceNotInLens: number;
  /** Those practice ids, for the report. */
  unknownPracticeIds: Set<string>;
  accounts: Set<string>;
}

interface CheckAccount {
  accountId: string;
  checkId: string;
  name: string;
  description: string;
  status: CheckStatus;
  updatedAt: number;
  places: Map<string, PracticePlace>;
  flagged: Map<string, FlaggedResource>;
}

export class CheckAggregator {
  private readonly byCheck = new Map<string, CheckAccount>();
  readonly tally: ImportTally = {
    findings: 0,
    placed: 0,
    withoutPractice: 0,
    practiceNotInLens: 0,
    unknownPracticeIds: new Set(),
    accounts: new Set(),
  };

  /** `places` gives each practice id's places in the workload's lenses (none: not there). */
  constructor(private readonly places: (practiceId: string) => readonly PracticePlace[]) {}

  add(finding: Finding): void {
    const t = this.tally;
    t.findings += 1;
    t.accounts.add(finding.AccountId);
    const places = finding.PracticeIds.flatMap((p) => {
      const found = this.places(p);
      if (!found.length) t.unknownPracticeIds.add(p);
      return found;
    });
    if (!places.length) {
      if (finding.PracticeIds.length) t.practiceNotInLens += 1;
      else t.withoutPractice += 1;
      return;
    }
    t.placed += 1;
    const key = `${finding.AccountId}\u0000${finding.CheckId}`;
    let entry = this.byCheck.get(key);
    if (!entry) {
      entry = {
        accountId: finding.AccountId,
        checkId: finding.CheckId,
        name: finding.Name,
        description: finding.Description,
        status: finding.Status,
        updatedAt: finding.Time,
        places: new Map(),
        flagged: new Map(),
      };
      this.byCheck.set(key, entry);
    }
    entry.status = worseStatus(entry.status, finding.Status);
    entry.updatedAt = Math.max(entry.updatedAt, finding.Time);
    for (const place of places) entry.places.set(`${place.lensKey}\u0000${place.questionId}\u0000${place.choiceId}`, place);
    if (!flags(finding.Status)) return;
    for (const r of finding.Resources) {
      const before = entry.flagged.get(r.Id);
      entry.flagged.set(r.Id, {
        accountId: finding.AccountId,
        checkId: finding.CheckId,
        resourceId: r.Id,
        name: r.Name,
        region: r.Region,
        type: r.Type,
        status: before ? worseStatus(before.status, finding.Status) : finding.Status,
        message: finding.Message ?? before?.message,
      });
    }
  }

  results(): CheckResult[] {
    return [...this.byCheck.values()].flatMap((e) =>
      [...e.places.values()].map((place) => ({
        ...place,
        accountId: e.accountId,
        checkId: e.checkId,
        name: e.name,
        description: e.description,
        status: e.status,
        flaggedResources: e.flagged.size,
        updatedAt: e.updatedAt,
      })),
    );
  }

  flaggedResources(): FlaggedResource[] {
    return [...this.byCheck.values()].flatMap((e) => [...e.flagged.values()]);
  }
}

/**
 * A check's summary over the workload's accounts: the worst status and, per
 * status, how many accounts are in it.
 */
export function summarize(statuses: readonly CheckStatus[]): { status: CheckStatus; accountSummary: Partial<Record<CheckStatus, number>> } {
  const accountSummary: Partial<Record<CheckStatus, number>> = {};
  let status: CheckStatus = 'NOT_AVAILABLE';
  for (const s of statuses) {
    accountSummary[s] = (accountSummary[s] ?? 0) + 1;
    status = worseStatus(status, s);
  }
  return { status, accountSummary };
}
