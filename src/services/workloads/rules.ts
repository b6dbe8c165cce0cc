import type { CompiledLens } from '../../domain/lens/compiled-lens';
import { ValidationError, type FieldProblem } from '../../domain/errors';
import { checkNameCharacters } from '../../domain/names';

/** Rules of "Defining a workload" beyond what the API model constrains. */

export const MAX_LENSES_PER_WORKLOAD = 20;
export const MAX_WORKLOADS_PER_ACCOUNT = 1000;

export interface WorkloadProperties {
  WorkloadName?: string;
  AccountIds?: string[];
  AwsRegions?: string[];
  NonAwsRegions?: string[];
  PillarPriorities?: string[];
  Tags?: Record<string, string>;
}

function unique(field: string, values: string[] | undefined, problems: FieldProblem[], normalize = (v: string) => v) {
  if (!values) return;
  const seen = new Set<string>();
  values.forEach((v, i) => {
    const key = normalize(v);
    if (seen.has(key)) problems.push({ Name: `${field}[${i}]`, Message: `'${v}' is listed more than once; values must be unique` });
    seen.add(key);
  });
}

export function tagProblems(tags: Record<string, string> | undefined, field = 'Tags'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const key of Object.keys(tags ?? {})) {
    if (/^aws:/i.test(key)) problems.push({ Name: `${field} key '${key}'`, Message: "keys starting with 'aws:' are reserved" });
  }
  return problems;
}

/** The rules that need nothing but the request; the API layer reports them with the model's. */
export function workloadPropertyProblems(p: WorkloadProperties): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (p.WorkloadName !== undefined) problems.push(...checkNameCharacters('WorkloadName', p.WorkloadName));
  unique('AccountIds', p.AccountIds, problems);
  unique('AwsRegions', p.AwsRegions, problems);
  unique('NonAwsRegions', p.NonAwsRegions, problems, (v) => v.trim().toLowerCase());
  unique('PillarPriorities', p.PillarPriorities, problems);
  problems.push(...tagProblems(p.Tags));
  return problems;
}

export function checkWorkloadProperties(p: WorkloadProperties, lenses: CompiledLens[]): void {
  const problems = workloadPropertyProblems(p);
  if (p.PillarPriorities) {
    const known = new Set(lenses.flatMap((l) => l.pillars.map((pillar) => pillar.id)));
    p.PillarPriorities.forEach((id, i) => {
      if (!known.has(id)) problems.push({ Name: `PillarPriorities[${i}]`, Message: `'${id}' is not a pillar of the workload's lenses` });
    });
  }
  if (problems.length) throw ValidationError.fields(problems);
}

/** Pillar priorities as stored: the given order, else the framework lens's pillar order. */
export const defaultPillarPriorities = (lenses: CompiledLens[]) => lenses[0]?.pillars.map((p) => p.id) ?? [];
