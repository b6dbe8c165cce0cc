import type { Workload } from '@aws-sdk/client-wellarchitected';
import { lengthProblem } from './plain-words';

/**
 * A workload's properties as the define and edit forms hold them, their checks (the
 * API's constraints and the user guide's rules, so a mistake is caught before a round
 * trip) and their conversion to request members. Errors are keyed by request member
 * name, the same keys the API's ValidationException uses (see member-errors.ts).
 */
export interface WorkloadTag {
  key: string;
  value: string;
  existing: boolean;
  markedForRemoval: boolean;
}

export interface WorkloadFormState {
  WorkloadName: string;
  Description: string;
  ReviewOwner: string;
  Environment: string;
  AwsRegions: string[];
  /** Comma separated, as the guide asks for them. */
  NonAwsRegions: string;
  AccountIds: string;
  ArchitecturalDesign: string;
  IndustryType: string;
  Industry: string;
  Applications: string;
  Tags: WorkloadTag[];
}

export type FormErrors = Record<string, string>;

export const emptyWorkloadForm = (): WorkloadFormState => ({
  WorkloadName: '',
  Description: '',
  ReviewOwner: '',
  Environment: '',
  AwsRegions: [],
  NonAwsRegions: '',
  AccountIds: '',
  ArchitecturalDesign: '',
  IndustryType: '',
  Industry: '',
  Applications: '',
  Tags: [],
});

export function formFromWorkload(w: Workload, tags: Record<string, string>): WorkloadFormState {
  return {
    WorkloadName: w.WorkloadName ?? '',
    Description: w.Description ?? '',
    ReviewOwner: w.ReviewOwner ?? '',
    Environment: w.Environment ?? '',
    AwsRegions: w.AwsRegions ?? [],
    NonAwsRegions: (w.NonAwsRegions ?? []).join(', '),
    AccountIds: (w.AccountIds ?? []).join(', '),
    ArchitecturalDesign: w.ArchitecturalDesign ?? '',
    IndustryType: w.IndustryType ?? '',
    Industry: w.Industry ?? '',
    Applications: w.Applications?.[0] ?? '',
    Tags: Object.entries(tags).map(([key, value]) => ({ key, value, existing: true, markedForRemoval: false })),
  };
}

export const splitList = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const length = (s: string) => [...s].length;
/** Names need three characters besides spaces (the API's rule for workload and milestone names). */
export const NOT_ONLY_SPACES = 'Use at least 3 characters that are not spaces in the name.';
const ARCHITECTURE_URL = /^(|(https?|ftp):\/\/[^\s/$.?#].[^\s]*)$/;
const APPLICATION_ARN = /^arn:aws[-a-z]*:servicecatalog:[a-z]{2}(-gov)?-[a-z]+-\d:\d{12}:\/applications\/[a-z0-9]+$/;
const TAG_KEY = /^[\p{L}\p{N}\p{Z}_.:/=+@-]+$/u;

function between(errors: FormErrors, member: string, value: string, min: number, max: number, what: string) {
  const problem = lengthProblem(value, min, max, what);
  if (problem) errors[member] = problem;
}

function duplicates(values: string[], normalize = (v: string) => v): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = normalize(v);
    const dup = seen.has(key);
    seen.add(key);
    return dup;
  });
}

/** Every problem of the properties, by request member; empty when the API would accept them. */
export function checkWorkloadForm(f: WorkloadFormState): FormErrors {
  const errors: FormErrors = {};
  between(errors, 'WorkloadName', f.WorkloadName, 3, 100, 'a name');
  if (!errors.WorkloadName && f.WorkloadName.replace(/\s+/g, '').length < 3) {
    errors.WorkloadName = NOT_ONLY_SPACES;
  }
  between(errors, 'Description', f.Description, 3, 250, 'a description');
  between(errors, 'ReviewOwner', f.ReviewOwner.trim(), 3, 255, 'the review owner');
  if (!f.Environment) errors.Environment = 'Choose the environment the workload runs in.';
  const nonAws = splitList(f.NonAwsRegions);
  if (nonAws.length > 5) errors.NonAwsRegions = `At most 5 non-AWS regions (${nonAws.length} given).`;
  else if (nonAws.some((r) => length(r) < 3 || length(r) > 25)) errors.NonAwsRegions = 'Each non-AWS region name must be between 3 and 25 characters.';
  else if (duplicates(nonAws, (v) => v.toLowerCase()).length) errors.NonAwsRegions = `Regions must be unique: ${duplicates(nonAws, (v) => v.toLowerCase()).join(', ')} is repeated.`;
  if (f.AwsRegions.length > 50) errors.AwsRegions = 'At most 50 AWS Regions.';
  const accounts = splitList(f.AccountIds);
  const badAccounts = accounts.filter((a) => !/^[0-9]{12}$/.test(a));
  if (badAccounts.length) errors.AccountIds = `Account IDs are 12 digits: ${badAccounts.join(', ')} is not.`;
  else if (accounts.length > 100) errors.AccountIds = `At most 100 account IDs (${accounts.length} given).`;
  else if (duplicates(accounts).length) errors.AccountIds = `Account IDs must be unique: ${duplicates(accounts).join(', ')} is repeated.`;
  const design = f.ArchitecturalDesign.trim();
  if (length(design) > 2048 || !ARCHITECTURE_URL.test(design)) {
    errors.ArchitecturalDesign = 'Enter a URL starting with http://, https:// or ftp://, at most 2048 characters.';
  }
  if (length(f.IndustryType) > 100) errors.IndustryType = 'At most 100 characters.';
  if (length(f.Industry) > 100) errors.Industry = 'At most 100 characters.';
  const app = f.Applications.trim();
  if (app && !APPLICATION_ARN.test(app)) {
    errors.Applications = 'Enter an application ARN such as arn:aws:servicecatalog:us-east-1:111122223333:/applications/abc123.';
  }
  const tags = f.Tags.filter((t) => !t.markedForRemoval);
  if (tags.length > 50) errors.Tags = `At most 50 tags (${tags.length} given).`;
  for (const t of tags) {
    if (!t.key || length(t.key) > 128 || !TAG_KEY.test(t.key)) {
      errors.Tags = `Tag key '${t.key}' must be 1 to 128 letters, digits, spaces or _ . : / = + @ -.`;
    } else if (/^aws:/i.test(t.key)) errors.Tags = `Tag key '${t.key}': keys starting with 'aws:' are reserved.`;
    else if (length(t.value) > 256) errors.Tags = `The value of tag '${t.key}' must be at most 256 characters.`;
  }
  const keys = duplicates(tags.map((t) => t.key));
  if (!errors.Tags && keys.length) errors.Tags = `Tag keys must be unique: ${keys.join(', ')} is repeated.`;
  return errors;
}

export const tagMap = (tags: WorkloadTag[]) =>
  Object.fromEntries(tags.filter((t) => !t.markedForRemoval).map((t) => [t.key, t.value])) as Record<string, string>;

/** The members CreateWorkload and UpdateWorkload share, from the form (tags aside). */
export function workloadMembers(f: WorkloadFormState) {
  return {
    WorkloadName: f.WorkloadName,
    Description: f.Description,
    ReviewOwner: f.ReviewOwner.trim(),
    Environment: f.Environment as 'PRODUCTION' | 'PREPRODUCTION',
    AwsRegions: f.AwsRegions,
    NonAwsRegions: splitList(f.NonAwsRegions),
    AccountIds: splitList(f.AccountIds),
    ArchitecturalDesign: f.ArchitecturalDesign.trim(),
    IndustryType: f.IndustryType,
    Industry: f.Industry,
    Applications: f.Applications.trim() ? [f.Applications.trim()] : [],
  };
}

export const environmentLabel = (value: string | undefined) =>
  value === 'PRODUCTION' ? 'Production' : value === 'PREPRODUCTION' ? 'Pre-production' : (value ?? '-');
