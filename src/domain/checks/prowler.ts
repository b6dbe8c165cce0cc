import type { FieldProblem } from '../errors';
import { timeOf, type CheckStatus, type Finding, type FindingResource } from './finding';

/**
 * Prowler's json-ocsf output (one OCSF Detection Finding per check and resource)
 * turned into Plumbline findings. A finding is placed on best practices through
 * Prowler's own compliance mapping: `unmapped.compliance` names requirement ids
 * per framework (`"AWS-Well-Architected-Framework-Security-Pillar": ["SEC03-BP03"]`),
 * and the mapping file of that framework gives each requirement's practice id.
 * Requirement numbers are never read as practice positions: they follow an older
 * edition of the framework.
 */

/** The mapping file's shape (the parts read here). */
export interface ProwlerMappingFile {
  Framework: string;
  Requirements: Array<{ Id: string; Attributes: Array<{ WellArchitectedPracticeId?: string }> }>;
}

/** framework name -> requirement id -> practice ids. */
export type ProwlerMapping = Map<string, Map<string, string[]>>;

export function prowlerMapping(files: ProwlerMappingFile[]): ProwlerMapping {
  const mapping: ProwlerMapping = new Map();
  for (const file of files) {
    const requirements = new Map<string, string[]>();
    for (const r of file.Requirements) {
      const practices = r.Attributes.map((a) => a.WellArchitectedPracticeId).filter((p): p is string => Boolean(p));
      requirements.set(r.Id, [...new Set(practices)]);
    }
    mapping.set(file.Framework, requirements);
  }
  return mapping;
}

/**
 * PASS is OKAY; FAIL is ERROR at critical or high severity and WARNING below;
 * MANUAL (the check needs a person) is NOT_AVAILABLE.
 */
export function prowlerStatus(statusCode: unknown, severity: unknown): CheckStatus | undefined {
  if (statusCode === 'PASS') return 'OKAY';
  if (statusCode === 'MANUAL') return 'NOT_AVAILABLE';
  if (statusCode !== 'FAIL') return undefined;
  const level = typeof severity === 'string' ? severity.toLowerCase() : '';
  return level === 'critical' || level === 'high' ? 'ERROR' : 'WARNING';
}

export interface ProwlerFinding {
  /** Undefined when the finding is malformed (see problems). */
  finding?: Finding;
  problems: FieldProblem[];
  /** The Well-Architected requirement ids the finding named that the mapping does not know. */
  unknownRequirements: string[];
}

const ACCOUNT_ID = /^\d{12}$/;

const get = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((at, key) => (typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[key] : undefined), value);

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

function resourcesOf(value: unknown): FindingResource[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((r) => {
    const id = str(get(r, 'uid')) ?? str(get(r, 'data', 'metadata', 'arn')) ?? str(get(r, 'name'));
    return id ? [{ Id: id, Name: str(get(r, 'name')), Region: str(get(r, 'region')), Type: str(get(r, 'type')) }] : [];
  });
}

/** Reads one element of the file's top-level array. */
export function fromProwler(raw: unknown, mapping: ProwlerMapping): ProwlerFinding {
  const problems: FieldProblem[] = [];
  const checkId = str(get(raw, 'metadata', 'event_code'));
  if (!checkId) problems.push({ Name: 'metadata.event_code', Message: 'is required (the Prowler check id)' });
  const status = prowlerStatus(get(raw, 'status_code'), get(raw, 'severity'));
  if (!status) problems.push({ Name: 'status_code', Message: 'must be PASS, FAIL or MANUAL' });
  const accountId = get(raw, 'cloud', 'account', 'uid');
  if (typeof accountId !== 'string' || !ACCOUNT_ID.test(accountId)) {
    problems.push({ Name: 'cloud.account.uid', Message: 'must be a 12-digit AWS account id' });
  }
  const time = timeOf(get(raw, 'time')) ?? timeOf(get(raw, 'finding_info', 'created_time'));
  if (time === undefined) problems.push({ Name: 'time', Message: 'must be epoch seconds' });

  const practiceIds = new Set<string>();
  const unknownRequirements: string[] = [];
  const compliance = get(raw, 'unmapped', 'compliance');
  if (typeof compliance === 'object' && compliance !== null) {
    for (const [framework, ids] of Object.entries(compliance)) {
      const requirements = mapping.get(framework);
      if (!requirements || !Array.isArray(ids)) continue;
      for (const id of ids) {
        const practices = typeof id === 'string' ? requirements.get(id) : undefined;
        if (practices) practices.forEach((p) => practiceIds.add(p));
        else unknownRequirements.push(String(id));
      }
    }
  }
  if (problems.length) return { problems, unknownRequirements };
  return {
    problems,
    unknownRequirements,
    finding: {
      CheckId: checkId!,
      Name: str(get(raw, 'finding_info', 'title')) ?? checkId!,
      Description: str(get(raw, 'finding_info', 'desc')) ?? '',
      Status: status!,
      AccountId: accountId as string,
      Resources: resourcesOf(get(raw, 'resources')),
      PracticeIds: [...practiceIds],
      Time: time!,
      Message: str(get(raw, 'status_detail')) ?? str(get(raw, 'message')),
    },
  };
}

/** The scanner's name as the file gives it (`metadata.product.name`), for Provider. */
export const prowlerSource = (raw: unknown): string | undefined => str(get(raw, 'metadata', 'product', 'name'));
