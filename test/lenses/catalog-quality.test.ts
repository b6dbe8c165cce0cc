/**
 * Quality of the built-in lens catalog (src/lenses): identifiers match the hosted
 * tool's (../shared/reference/framework-ids.tsv), risk levels match the framework
 * documentation (../shared/reference/framework-risk-levels.tsv), the text is complete,
 * distinct and within limits, and every derived risk rule can actually apply.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledLens } from '../../src/domain/lens/compiled-lens';
import type { LensChoice, LensDocument, LensQuestion } from '../../src/domain/lens/types';
import { evaluateCondition, evaluateRisk, parseCondition, satisfiedChoices } from '../../src/domain/risk-rules';
import { type BuiltinLens, loadBuiltinLens, loadBuiltinLenses } from '../../src/services/lenses/builtin-lenses';
import { seededRandom } from '../support/random';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// The shared folder sits next to the main checkout (/work/main) and two levels above a worktree (/work/wt/<branch>).
const referenceDir =
  [path.resolve(repoRoot, '..', 'shared', 'reference'), path.resolve(repoRoot, '..', '..', 'shared', 'reference')].find((dir) =>
    existsSync(dir),
  ) ?? path.resolve(repoRoot, '..', 'shared', 'reference');

/** Lets a mutated copy of the catalog be checked (to see these checks fail); normally unset. */
const lensRoot = process.env.PLUMBLINE_CATALOG_ROOT;

const ALIASES = ['wellarchitected', 'serverless', 'softwareasaservice', 'foundationaltechnicalreview'] as const;
const WA_VERSIONS = ['2024-06-27', '2024-11-06'];

/** Questions and practices (choices not ending `_no`) per lens, as framework-ids.tsv lists them. */
const COUNTS: Record<string, { questions: number; practices: number }> = {
  wellarchitected: { questions: 57, practices: 307 },
  serverless: { questions: 9, practices: 38 },
  softwareasaservice: { questions: 14, practices: 42 },
  foundationaltechnicalreview: { questions: 12, practices: 59 },
};

// ---------------------------------------------------------------- reference files

function readTsv(file: string): Array<Record<string, string>> {
  const lines = readFileSync(path.join(referenceDir, file), 'utf8').split('\n').filter((l) => l.trim() !== '');
  const header = lines[0]!.split('\t');
  return lines.slice(1).map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

interface Skeleton {
  pillars: Array<{ id: string; questions: Array<{ id: string; choices: string[] }> }>;
}

function referenceSkeleton(rows: Array<Record<string, string>>, lens: string): Skeleton {
  const skeleton: Skeleton = { pillars: [] };
  for (const row of rows.filter((r) => r.lens === lens)) {
    let pillar = skeleton.pillars[skeleton.pillars.length - 1];
    if (!pillar || pillar.id !== row.pillar_id) {
      pillar = { id: row.pillar_id!, questions: [] };
      skeleton.pillars.push(pillar);
    }
    let question = pillar.questions[pillar.questions.length - 1];
    if (!question || question.id !== row.question_id) {
      question = { id: row.question_id!, choices: [] };
      pillar.questions.push(question);
    }
    question.choices.push(row.choice_id!);
  }
  return skeleton;
}

/** The 2024-06-27 framework: REL 10 still had `rel_fault_isolation_select_location`, SUS 6 lacked `sus_sus_dev_a1`. */
function previousWaSkeleton(current: Skeleton): Skeleton {
  const copy: Skeleton = structuredClone(current);
  for (const pillar of copy.pillars) {
    for (const question of pillar.questions) {
      if (question.id === 'fault-isolation') {
        const at = question.choices.indexOf('rel_fault_isolation_multiaz_region_system');
        expect(at).toBeGreaterThanOrEqual(0);
        question.choices.splice(at + 1, 0, 'rel_fault_isolation_select_location');
      }
      question.choices = question.choices.filter((c) => c !== 'sus_sus_dev_a1');
    }
  }
  return copy;
}

function skeletonOf(document: LensDocument): Skeleton {
  return {
    pillars: document.pillars.map((p) => ({
      id: p.id,
      questions: p.questions.map((q) => ({ id: q.id, choices: q.choices.map((c) => c.id) })),
    })),
  };
}

/** One line per choice, `pillar question choice`, so a mismatch shows as a readable diff. */
const lines = (skeleton: Skeleton): string =>
  skeleton.pillars
    .flatMap((p) => p.questions.flatMap((q) => (q.choices.length ? q.choices : ['(no choices)']).map((c) => `${p.id} ${q.id} ${c}`)))
    .join('\n');

// ---------------------------------------------------------------- helpers

const isNone = (id: string): boolean => id.endsWith('_no');
const questionsOf = (document: LensDocument): LensQuestion[] => document.pillars.flatMap((p) => p.questions);
const practicesOf = (question: LensQuestion): LensChoice[] => question.choices.filter((c) => !isNone(c.id));

/** Every question and choice of every version of a lens, each once (by id). */
function allQuestionsAndChoices(lens: BuiltinLens): { questions: LensQuestion[]; choices: LensChoice[] } {
  const questions = new Map<string, LensQuestion>();
  const choices = new Map<string, LensChoice>();
  for (const version of lens.versions) {
    for (const question of questionsOf(version.document)) {
      if (!questions.has(question.id)) questions.set(question.id, question);
      for (const choice of question.choices) if (!choices.has(choice.id)) choices.set(choice.id, choice);
    }
  }
  return { questions: [...questions.values()], choices: [...choices.values()] };
}

const PLACEHOLDER_CASED = /\b(TODO|TBD|FIXME)\b/;
const PLACEHOLDER_ANY_CASE = /lorem|xxx|placeholder/i;
const isPlaceholder = (text: string): boolean => PLACEHOLDER_CASED.test(text) || PLACEHOLDER_ANY_CASE.test(text);
const MAX_TITLE = 128;
const MAX_TEXT = 2048;
const RISK_OF = { HIGH_RISK: 'HIGH', MEDIUM_RISK: 'MEDIUM', NO_RISK: 'NONE' } as const;

// ---------------------------------------------------------------- tests

describe('built-in lens catalog quality', () => {
  let lenses: Map<string, BuiltinLens>;
  let idRows: Array<Record<string, string>>;

  beforeAll(() => {
    lenses = new Map((lensRoot ? loadBuiltinLenses(lensRoot) : loadBuiltinLenses()).map((l) => [l.alias, l]));
    idRows = readTsv('framework-ids.tsv');
  });

  const lens = (alias: string): BuiltinLens => {
    const found = lenses.get(alias);
    if (!found) throw new Error(`built-in lens ${alias} is missing`);
    return found;
  };

  it('loads the four AWS lenses, the framework lens with both versions (current last)', () => {
    expect([...lenses.keys()].sort()).toEqual([...ALIASES].sort());
    for (const alias of ALIASES) {
      const loaded = lensRoot ? loadBuiltinLens(alias, lensRoot) : loadBuiltinLens(alias);
      expect(loaded.alias).toBe(alias);
      expect(loaded.current).toBe(loaded.versions[loaded.versions.length - 1]);
    }
    const wa = lens('wellarchitected');
    expect(wa.versions.map((v) => v.version)).toEqual(WA_VERSIONS);
    expect(wa.current.version).toBe('2024-11-06');
  });

  it('uses exactly the pillar, question and choice ids of framework-ids.tsv, in order', () => {
    for (const alias of ALIASES) {
      const expected = referenceSkeleton(idRows, alias);
      expect(expected.pillars.length, alias).toBeGreaterThan(0);
      expect(lines(skeletonOf(lens(alias).current.document)), `${alias} ${lens(alias).current.version}`).toBe(lines(expected));
    }
    const wa = lens('wellarchitected');
    const previous = wa.versions.find((v) => v.version === '2024-06-27');
    expect(previous).toBeDefined();
    expect(lines(skeletonOf(previous!.document)), 'wellarchitected 2024-06-27').toBe(
      lines(previousWaSkeleton(referenceSkeleton(idRows, 'wellarchitected'))),
    );
  });

  it('wellarchitected: 6 pillars, 57 questions, 307 practices plus one "None of these" each, risk levels as documented', () => {
    const doc = lens('wellarchitected').current.document;
    const questions = questionsOf(doc);
    expect(doc.pillars.map((p) => p.id)).toEqual([
      'operationalExcellence',
      'security',
      'reliability',
      'performance',
      'costOptimization',
      'sustainability',
    ]);
    expect(questions).toHaveLength(57);
    expect(questions.flatMap(practicesOf)).toHaveLength(307);
    for (const q of questions) {
      expect(q.choices.filter((c) => isNone(c.id)).map((c) => c.id), q.id).toHaveLength(1);
    }

    const levels = readTsv('framework-risk-levels.tsv');
    const expectedLevel = new Map(levels.map((r) => [r.choice_id!, r.risk_level!]));
    const mismatches: string[] = [];
    for (const version of lens('wellarchitected').versions) {
      for (const q of questionsOf(version.document)) {
        for (const c of practicesOf(q)) {
          const want = expectedLevel.get(c.id);
          if (want !== c.riskLevel) mismatches.push(`${version.version} ${q.id}/${c.id}: ${c.riskLevel} (documented ${want})`);
        }
      }
    }
    expect(mismatches.join('\n')).toBe('');
    // Every documented practice of the current version is in the lens.
    const currentPractices = new Set(questions.flatMap(practicesOf).map((c) => c.id));
    const documentedCurrent = levels.filter((r) => r.choice_id !== 'rel_fault_isolation_select_location').map((r) => r.choice_id);
    expect(documentedCurrent.filter((id) => !currentPractices.has(id!))).toEqual([]);
  });

  it('has complete, distinct, bounded text for every question and practice', () => {
    const problems: string[] = [];
    const nonEmpty = (where: string, text: unknown): text is string => {
      if (typeof text !== 'string' || text.trim() === '') {
        problems.push(`${where}: missing or empty`);
        return false;
      }
      return true;
    };
    const checkText = (where: string, text: unknown, max: number): void => {
      if (!nonEmpty(where, text)) return;
      if (isPlaceholder(text)) problems.push(`${where}: placeholder text ${JSON.stringify(text.slice(0, 80))}`);
      if (text.length > max) problems.push(`${where}: ${text.length} characters (max ${max})`);
    };
    const checkUrl = (where: string, url: unknown): void => {
      if (typeof url !== 'string' || !/^https:\/\/[^\s/]+\.[^\s]+$/.test(url)) problems.push(`${where}: not an https URL (${String(url)})`);
    };

    for (const alias of ALIASES) {
      const { questions, choices } = allQuestionsAndChoices(lens(alias));
      for (const q of questions) {
        const at = `${alias} question ${q.id}`;
        checkText(`${at} title`, q.title, MAX_TITLE);
        checkText(`${at} description`, q.description, MAX_TEXT);
        checkText(`${at} helpfulResource.displayText`, q.helpfulResource?.displayText, MAX_TEXT);
        if (q.helpfulResource?.url !== undefined) checkUrl(`${at} helpfulResource.url`, q.helpfulResource.url);
      }
      for (const c of choices) {
        const at = `${alias} choice ${c.id}`;
        checkText(`${at} title`, c.title, MAX_TITLE);
        for (const [field, text] of [
          ['description', c.description],
          ['helpfulResource.displayText', c.helpfulResource?.displayText],
          ['improvementPlan.displayText', c.improvementPlan?.displayText],
        ] as const) {
          if (isNone(c.id)) {
            if (text !== undefined) checkText(`${at} ${field}`, text, MAX_TEXT);
          } else {
            checkText(`${at} ${field}`, text, MAX_TEXT);
          }
        }
        if (isNone(c.id)) {
          if (c.helpfulResource?.url !== undefined) checkUrl(`${at} helpfulResource.url`, c.helpfulResource.url);
          if (c.improvementPlan?.url !== undefined) checkUrl(`${at} improvementPlan.url`, c.improvementPlan.url);
          continue;
        }
        if (!['HIGH', 'MEDIUM', 'LOW'].includes(c.riskLevel as string)) problems.push(`${at}: riskLevel ${String(c.riskLevel)}`);
        checkUrl(`${at} helpfulResource.url`, c.helpfulResource?.url);
        checkUrl(`${at} improvementPlan.url`, c.improvementPlan?.url);
      }

      const duplicates = (what: string, items: Array<[string, string | undefined]>): void => {
        const seen = new Map<string, string>();
        for (const [id, text] of items) {
          if (typeof text !== 'string' || text.trim() === '') continue;
          const key = text.trim().replace(/\s+/g, ' ');
          const first = seen.get(key);
          if (first !== undefined) problems.push(`${alias}: ${what} of ${id} repeats that of ${first}`);
          else seen.set(key, id);
        }
      };
      duplicates('choice description', choices.map((c) => [c.id, c.description]));
      duplicates('choice improvement plan', choices.map((c) => [c.id, c.improvementPlan?.displayText]));
      duplicates('question description', questions.map((q) => [q.id, q.description]));
    }
    expect(problems.join('\n')).toBe('');
  });

  it('can reach every risk rule of every question; "None of these" is the worst risk, every practice is NONE', () => {
    const problems: string[] = [];
    const checkVersion = (alias: string, version: CompiledLens): void => {
      for (const q of questionsOf(version.document)) {
        const at = `${alias} ${version.version} ${q.id}`;
        const compiled = version.questions.get(q.id);
        if (!compiled) {
          problems.push(`${at}: not compiled`);
          continue;
        }
        const practices = practicesOf(q).map((c) => c.id);
        const none = q.choices.find((c) => isNone(c.id))?.id;
        const conditions = q.riskRules.map((r) => parseCondition(r.condition));
        const reached = new Set<number>();
        const evaluate = (selected: string[]): string => {
          const satisfied = satisfiedChoices(selected, []);
          const first = conditions.findIndex((c) => evaluateCondition(c, satisfied));
          const risk = evaluateRisk(compiled.rules, satisfied);
          if (first < 0) problems.push(`${at}: no rule applies to [${selected.join(', ')}]`);
          else {
            reached.add(first);
            if (RISK_OF[q.riskRules[first]!.risk] !== risk) {
              problems.push(`${at}: first rule ${first} is ${q.riskRules[first]!.risk} but evaluateRisk gives ${risk}`);
            }
          }
          return risk;
        };

        if (practices.length <= 12) {
          for (let mask = 0; mask < 1 << practices.length; mask++) {
            evaluate(practices.filter((_, i) => mask & (1 << i)));
          }
        } else {
          const random = seededRandom(0x5eed ^ q.id.length);
          for (let i = 0; i < 4096; i++) evaluate(random.subset(practices));
          for (const missing of practices) evaluate(practices.filter((id) => id !== missing));
        }
        const all = evaluate(practices);
        if (all !== 'NONE') problems.push(`${at}: every practice selected gives ${all}`);
        // The worst risk of a question is the highest documented level of its practices
        // (a question of MEDIUM and LOW practices only is MEDIUM at worst), and "None of
        // these" gives that worst risk whatever is selected with it.
        const worst = practicesOf(q).some((c) => c.riskLevel === 'HIGH') ? 'HIGH' : 'MEDIUM';
        if (!none) problems.push(`${at}: no "None of these" choice`);
        else {
          const noneRisk = evaluate([none]);
          if (noneRisk !== worst) problems.push(`${at}: "None of these" gives ${noneRisk}, not ${worst}`);
          const noneWithAll = evaluate([...practices, none]);
          if (noneWithAll !== worst) problems.push(`${at}: "None of these" with every practice gives ${noneWithAll}, not ${worst}`);
        }
        q.riskRules.forEach((rule, i) => {
          if (!reached.has(i)) problems.push(`${at}: rule ${i} (${rule.risk} ${rule.condition}) never applies first`);
        });
      }
    };
    for (const alias of ALIASES) for (const version of lens(alias).versions) checkVersion(alias, version);
    expect(problems.join('\n')).toBe('');
  });

  it('has the expected number of questions and practices per lens', () => {
    const fromTsv: Record<string, { questions: number; practices: number }> = {};
    const fromLens: Record<string, { questions: number; practices: number }> = {};
    for (const alias of ALIASES) {
      const rows = idRows.filter((r) => r.lens === alias);
      fromTsv[alias] = {
        questions: new Set(rows.map((r) => r.question_id)).size,
        practices: rows.filter((r) => !isNone(r.choice_id!)).length,
      };
      const questions = questionsOf(lens(alias).current.document);
      fromLens[alias] = { questions: questions.length, practices: questions.flatMap(practicesOf).length };
    }
    expect(fromTsv).toEqual(COUNTS);
    expect(fromLens).toEqual(COUNTS);
  });
});
