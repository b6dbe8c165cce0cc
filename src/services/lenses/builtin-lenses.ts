import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { awsLensArn } from '../../domain/arn';
import { compileLens, type CompiledLens } from '../../domain/lens/compiled-lens';
import type { LensChoice, LensDocument, LensPillar } from '../../domain/lens/types';
import { validateLensDocument } from '../../domain/lens/validate';
import { deriveRiskRules } from '../../domain/risk-rules';

/**
 * Loads the built-in lens catalog from src/lenses/<alias>/: lens.json (the lens
 * section), pillars/<n>-<pillarId>.json (one pillar each, in file order) and,
 * where a lens has several versions, versions.json (each older version as a
 * list of changes to the current content). Risk rules are derived from each
 * practice's risk level, so the level is the single source of truth.
 */

export interface BuiltinLens {
  alias: string;
  name: string;
  description: string;
  /** Oldest first; the last is the current version. */
  versions: CompiledLens[];
  current: CompiledLens;
}

/** The version name of a built-in lens that has only one version. */
export const SINGLE_VERSION = '2024-11-06';

const LENS_ROOT = fileURLToPath(new URL('../../lenses/', import.meta.url));

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

interface VersionChange {
  question: string;
  insertChoice?: string;
  after?: string;
  removeChoice?: string;
}

function applyChanges(dir: string, pillars: LensPillar[], changes: VersionChange[]): LensPillar[] {
  const copy: LensPillar[] = structuredClone(pillars);
  for (const change of changes) {
    const question = copy.flatMap((p) => p.questions).find((q) => q.id === change.question);
    if (!question) throw new Error(`${dir}: version change names unknown question ${change.question}`);
    if (change.insertChoice) {
      const choice = readJson<LensChoice>(path.join(dir, change.insertChoice));
      const at = question.choices.findIndex((c) => c.id === change.after);
      question.choices.splice(at + 1, 0, choice);
    }
    if (change.removeChoice) question.choices = question.choices.filter((c) => c.id !== change.removeChoice);
  }
  return copy;
}

function withRiskRules(pillars: LensPillar[]): LensPillar[] {
  return pillars.map((p) => ({ ...p, questions: p.questions.map((q) => ({ ...q, riskRules: deriveRiskRules(q.choices) })) }));
}

export function loadBuiltinLens(alias: string, root = LENS_ROOT): BuiltinLens {
  const dir = path.join(root, alias);
  const section = readJson<{ schemaVersion: string; name: string; description: string }>(path.join(dir, 'lens.json'));
  const pillarFiles = readdirSync(path.join(dir, 'pillars'))
    .filter((f) => f.endsWith('.json'))
    .sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
  const pillars = pillarFiles.map((f) => readJson<LensPillar>(path.join(dir, 'pillars', f)));
  const versionsFile = path.join(dir, 'versions.json');
  const versionList: Array<{ version: string; changes: VersionChange[] }> = existsSync(versionsFile)
    ? readJson<{ versions: Array<{ version: string; changes: VersionChange[] }> }>(versionsFile).versions
    : [{ version: SINGLE_VERSION, changes: [] }];
  const versions = versionList.map(({ version, changes }) => {
    const document: LensDocument = { ...section, pillars: withRiskRules(applyChanges(dir, pillars, changes)) };
    const findings = validateLensDocument(document, { builtIn: true }).findings;
    if (findings.length) {
      const first = findings.slice(0, 5).map((f) => `${f.path}: ${f.message}`).join('; ');
      throw new Error(`Built-in lens ${alias} ${version} is invalid (${findings.length} finding(s)): ${first}`);
    }
    return compileLens({ alias, arn: awsLensArn(alias), version, owner: 'aws', type: 'AWS_OFFICIAL' }, document);
  });
  const current = versions[versions.length - 1];
  return { alias, name: section.name, description: section.description, versions, current };
}

/** Every built-in lens, the framework lens first. */
export function loadBuiltinLenses(root = LENS_ROOT): BuiltinLens[] {
  const aliases = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(root, d.name, 'lens.json')) && existsSync(path.join(root, d.name, 'pillars')))
    .map((d) => d.name)
    .sort((a, b) => (a === 'wellarchitected' ? -1 : b === 'wellarchitected' ? 1 : a.localeCompare(b)));
  return aliases.map((alias) => loadBuiltinLens(alias, root));
}
