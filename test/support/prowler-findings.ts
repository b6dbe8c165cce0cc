import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { once } from 'node:events';

/**
 * Prowler json-ocsf files made from Prowler's own mapping (every requirement and
 * its checks), for tests and benchmarks: the shape of Prowler's example output,
 * with real-looking account ids, every status and several severities.
 */

/** The shared corpus beside the checkout (../shared), or beside the folder of worktrees (../../shared). */
const SCANNERS = ['../../../shared/corpus/scanners/', '../../../../shared/corpus/scanners/']
  .map((p) => new URL(p, import.meta.url))
  .find((url) => existsSync(url)) ?? new URL('../../../shared/corpus/scanners/', import.meta.url);
/** The mapping Plumbline ships (src/checks/prowler/, the same files as the corpus's). */
const MAPPING_DIR = new URL('../../src/checks/prowler/', import.meta.url);
const MAPPINGS = ['security', 'reliability'].map((pillar) => ({
  framework: `AWS-Well-Architected-Framework-${pillar[0].toUpperCase()}${pillar.slice(1)}-Pillar`,
  file: new URL(`prowler-compliance-aws-well-architected-${pillar}-pillar.json`, MAPPING_DIR),
}));

export const EXAMPLE_FILE = new URL('prowler-example-output-aws.ocsf.json', SCANNERS);

interface Requirement {
  Id: string;
  Checks: string[];
}

/** Each Prowler check with the Well-Architected requirement ids (per framework) that list it. */
export function checksByRequirement(): Map<string, Record<string, string[]>> {
  const checks = new Map<string, Record<string, string[]>>();
  for (const { framework, file } of MAPPINGS) {
    const requirements = (JSON.parse(readFileSync(file, 'utf8')) as { Requirements: Requirement[] }).Requirements;
    for (const r of requirements) {
      for (const check of r.Checks) {
        const entry = checks.get(check) ?? {};
        (entry[framework] ??= []).push(r.Id);
        checks.set(check, entry);
      }
    }
  }
  return checks;
}

export const STATUS_CYCLE = [
  { status_code: 'PASS', severity: 'Medium' },
  { status_code: 'FAIL', severity: 'Critical' },
  { status_code: 'PASS', severity: 'Low' },
  { status_code: 'FAIL', severity: 'Low' },
  { status_code: 'MANUAL', severity: 'Medium' },
  { status_code: 'FAIL', severity: 'High' },
  { status_code: 'FAIL', severity: 'Informational' },
] as const;

export interface GeneratedFinding {
  checkId: string;
  accountId: string;
  statusCode: string;
  severity: string;
  resourceId: string;
  compliance: Record<string, string[]>;
}

/** One finding in Prowler's json-ocsf shape. */
export function ocsfFinding(f: GeneratedFinding, time: number) {
  return {
    message: `${f.checkId} on ${f.resourceId}`,
    metadata: { event_code: f.checkId, product: { name: 'Prowler', uid: 'prowler', vendor_name: 'Prowler', version: '5.0.0' }, version: '1.4.0' },
    severity: f.severity,
    status: 'New',
    status_code: f.statusCode,
    status_detail: `${f.checkId} ${f.statusCode} for ${f.resourceId}`,
    unmapped: { compliance: { 'CIS-3.0': ['1.1'], ...f.compliance } },
    finding_info: { created_time: time, desc: `Checks ${f.checkId}`, title: `Check ${f.checkId}`, uid: `prowler-${f.checkId}-${f.resourceId}` },
    resources: [{ cloud_partition: 'aws', region: 'eu-west-1', name: f.resourceId.split('/').pop(), type: 'Other', uid: f.resourceId }],
    cloud: { account: { type: 'AWS Account', uid: f.accountId }, provider: 'aws', region: 'eu-west-1' },
    time,
  };
}

/**
 * Writes `count` findings to `path`: every check of the mapping in turn, over
 * `accounts`, each status of STATUS_CYCLE, resources repeating so that a resource
 * has several findings. Returns what was written, for independent counting.
 */
export async function writeProwlerFile(path: string, count: number, accounts: string[], time = 1764547200): Promise<GeneratedFinding[]> {
  const checks = [...checksByRequirement().entries()];
  // A check no requirement lists, as in real output (counted as not placed).
  checks.push(['accessanalyzer_enabled', {}]);
  const out = createWriteStream(path);
  const written: GeneratedFinding[] = [];
  out.write('[');
  for (let i = 0; i < count; i++) {
    const [checkId, compliance] = checks[i % checks.length];
    const round = Math.floor(i / checks.length);
    const { status_code, severity } = STATUS_CYCLE[(i + round) % STATUS_CYCLE.length];
    const accountId = accounts[round % accounts.length];
    const f = { checkId, accountId, statusCode: status_code, severity, resourceId: `arn:aws:s3:::bucket-${round % 97}`, compliance };
    written.push(f);
    if (!out.write((i ? ',\n' : '\n') + JSON.stringify(ocsfFinding(f, time + (i % 1000))))) await once(out, 'drain');
  }
  out.end('\n]\n');
  await once(out, 'finish');
  return written;
}
