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

  // ------------------------------------------------------------ links, characters, wording

  /** "OPS 9" → { prefix: 'OPS', number: 9 }, from framework-ids.tsv's question_number. */
  const questionNumber = (alias: string, questionId: string): { prefix: string; number: number } => {
    const row = idRows.find((r) => r.lens === alias && r.question_id === questionId);
    if (!row) throw new Error(`${alias} ${questionId} is not in framework-ids.tsv`);
    const [prefix, number] = row.question_number!.split(' ');
    return { prefix: prefix!, number: Number(number) };
  };
  const DOCS = 'https://docs.aws.amazon.com/';
  const FRAMEWORK = `${DOCS}wellarchitected/latest/framework/`;
  /**
   * The framework documentation names a question's page <pillar prefix, lower case>-<two-digit number>.html (sec-01.html)
   * and a practice's page after its choice id (ops_priorities_ext_cust_needs.html). Its table of contents (the
   * appendix, toc-contents.json) has two exceptions, which the hosted tool's ids cannot predict: listed here.
   */
  const QUESTION_PAGE_EXCEPTIONS: Record<string, string> = { sus_region: 'w2aac19c17b7b5' };
  const PRACTICE_PAGE_EXCEPTIONS: Record<string, string> = { sec_network_protection_auto_protect: 'sec_network_auto_protect' };
  const frameworkQuestionPage = (questionId: string, prefix: string, number: number): string =>
    `${FRAMEWORK}${QUESTION_PAGE_EXCEPTIONS[questionId] ?? `${prefix.toLowerCase()}-${String(number).padStart(2, '0')}`}.html`;
  /** The Serverless and SaaS lenses document each question, with its practices and their improvement plans, on one page of wa.aws.amazon.com. */
  const LENS_SITE: Record<string, string> = { serverless: 'serv', softwareasaservice: 'saas' };
  const lensQuestionPage = (alias: string, prefix: string, number: number): string =>
    `https://wa.aws.amazon.com/${LENS_SITE[alias]}.question.${prefix}_${number}.en.html`;
  /** A page of an AWS service guide or whitepaper: docs.aws.amazon.com/<guide>/latest/<path>.html. */
  const SERVICE_PAGE = /^https:\/\/docs\.aws\.amazon\.com\/[A-Za-z0-9-]+\/latest\/[A-Za-z0-9/_-]+\.html$/;

  it('links every question and practice to the page about it, following the documentation pattern of its lens', () => {
    const problems: string[] = [];
    const frameworkIds = new Set(idRows.filter((r) => r.lens === 'wellarchitected').map((r) => r.choice_id));
    const frameworkPages = new Set([...frameworkIds].map((id) => PRACTICE_PAGE_EXCEPTIONS[id!] ?? id));
    const expect1 = (where: string, url: string | undefined, want: string): void => {
      if (url !== want) problems.push(`${where}: ${String(url)} (expected ${want})`);
    };
    for (const alias of ALIASES) {
      const builtin = lens(alias);
      const seenPractice = new Map<string, string>();
      for (const version of builtin.versions) {
        for (const pillar of version.document.pillars) {
          for (const q of pillar.questions) {
            const { prefix, number } = questionNumber(alias, q.id);
            const at = `${alias} ${version.version} ${q.id}`;
            const practiceUrls = (c: LensChoice): Array<[string, string | undefined]> => [
              [`${at}/${c.id} helpfulResource.url`, c.helpfulResource?.url],
              [`${at}/${c.id} improvementPlan.url`, c.improvementPlan?.url],
            ];
            if (alias === 'wellarchitected') {
              // framework/<pfx>-<nn>.html for the question, framework/<choice id>.html for a practice of the
              // current edition, and the 2024-06-27 edition's own page for the practice only it has.
              expect1(`${at} helpfulResource.url`, q.helpfulResource?.url, frameworkQuestionPage(q.id, prefix, number));
              for (const c of practicesOf(q)) {
                const edition = frameworkIds.has(c.id) ? 'latest' : '2024-06-27';
                const page = PRACTICE_PAGE_EXCEPTIONS[c.id] ?? c.id;
                for (const [where, url] of practiceUrls(c)) expect1(where, url, `${DOCS}wellarchitected/${edition}/framework/${page}.html`);
              }
            } else if (alias in LENS_SITE) {
              const page = lensQuestionPage(alias, prefix, number);
              expect1(`${at} helpfulResource.url`, q.helpfulResource?.url, page);
              for (const c of practicesOf(q)) for (const [where, url] of practiceUrls(c)) expect1(where, url, page);
            } else {
              // FTR: the question links to the framework question it draws on (same pillar); each practice to a page
              // of its own: a framework practice page or a page of the AWS service guide for the control it checks.
              const qUrl = q.helpfulResource?.url ?? '';
              const qMatch = /^https:\/\/docs\.aws\.amazon\.com\/wellarchitected\/latest\/framework\/([a-z]+)-\d\d\.html$/.exec(qUrl);
              if (!qMatch || qMatch[1] !== prefix.toLowerCase()) problems.push(`${at} helpfulResource.url: ${qUrl} is not a ${prefix} question page of the framework`);
              for (const c of practicesOf(q)) {
                for (const [where, url] of practiceUrls(c)) {
                  const framework = url?.startsWith(FRAMEWORK) ? url.slice(FRAMEWORK.length).replace(/\.html$/, '') : undefined;
                  if (framework !== undefined ? !frameworkPages.has(framework) : !SERVICE_PAGE.test(url ?? '')) {
                    problems.push(`${where}: ${String(url)} is neither a framework practice page nor a service guide page`);
                  }
                  if (/\/(welcome|index|what-is-[a-z]+-pillar)\.html$|-pillar\/|\/latest\/[a-z-]+-lens\//.test(url ?? '')) problems.push(`${where}: ${String(url)} is a landing page`);
                }
                const url = c.helpfulResource?.url ?? '';
                const other = seenPractice.get(url);
                if (other !== undefined && other !== c.id) problems.push(`${at}/${c.id}: shares its page ${url} with ${other}`);
                seenPractice.set(url, c.id);
              }
            }
          }
        }
      }
    }
    expect(problems.join('\n')).toBe('');
  });

  /** ../shared/reference/aws-behaviour.md item 8: the fields the hosted import restricts, and the characters it accepts there. */
  const RESTRICTED_TEXT = /^[\p{L}\p{N} \n\-_.,:/()@!&#+'?\u2019]*$/u;

  it('keeps the restricted fields (lens name and description, pillar names, question and choice titles, question descriptions) to the characters the hosted import accepts', () => {
    const problems: string[] = [];
    const check = (where: string, text: string | undefined): void => {
      if (text === undefined) return;
      if (!RESTRICTED_TEXT.test(text)) {
        const bad = [...new Set([...text].filter((ch) => !RESTRICTED_TEXT.test(ch)))].join(' ');
        problems.push(`${where}: refused character(s) ${bad}`);
      }
    };
    for (const alias of ALIASES) {
      const builtin = lens(alias);
      check(`${alias} lens name`, builtin.name);
      check(`${alias} lens description`, builtin.description);
      for (const version of builtin.versions) {
        for (const pillar of version.document.pillars) {
          check(`${alias} pillar ${pillar.id} name`, pillar.name);
          for (const q of pillar.questions) {
            check(`${alias} question ${q.id} title`, q.title);
            check(`${alias} question ${q.id} description`, q.description);
            for (const c of q.choices) check(`${alias} choice ${c.id} title`, c.title);
          }
        }
      }
    }
    expect(problems.join('\n')).toBe('');
  });

  /** British spellings found in earlier drafts; the catalog is written in US English. */
  const BRITISH = /\b(utilis\w*|optimis\w*|organis\w*|prioritis\w*|recognis\w*|centralis\w*|authoris\w*|standardis\w*|behaviours?|favour\w*|centres?|licences?|catalogues?|analys(e|ed|ing)|modell\w*|ageing|programmes?|defence|artefacts?|practis\w*)\b/i;

  it('writes every text in US English, names risk levels one way and words "None of these" one way', () => {
    const problems: string[] = [];
    for (const alias of ALIASES) {
      const builtin = lens(alias);
      const { questions, choices } = allQuestionsAndChoices(builtin);
      const texts: Array<[string, string | undefined]> = [
        [`${alias} lens description`, builtin.description],
        ...questions.flatMap((q): Array<[string, string | undefined]> => [
          [`${alias} ${q.id} title`, q.title],
          [`${alias} ${q.id} description`, q.description],
          [`${alias} ${q.id} helpful text`, q.helpfulResource?.displayText],
        ]),
        ...choices.flatMap((c): Array<[string, string | undefined]> => [
          [`${alias} ${c.id} title`, c.title],
          [`${alias} ${c.id} description`, c.description],
          [`${alias} ${c.id} helpful text`, c.helpfulResource?.displayText],
          [`${alias} ${c.id} improvement plan`, c.improvementPlan?.displayText],
        ]),
      ];
      for (const [where, text] of texts) {
        if (text === undefined) continue;
        const british = BRITISH.exec(text);
        if (british) problems.push(`${where}: British spelling "${british[0]}"`);
        // Risk levels are named in lower case in prose ("a high-risk practice", "medium risk").
        const level = /\b(HIGH|MEDIUM|LOW)[- ]risk/.exec(text);
        if (level) problems.push(`${where}: risk level written "${level[0]}"`);
      }
      for (const c of choices.filter((x) => isNone(x.id))) {
        if (c.title !== 'None of these') problems.push(`${alias} ${c.id}: title "${c.title}"`);
        if (!c.description?.startsWith('Selecting this says ')) problems.push(`${alias} ${c.id}: description does not start "Selecting this says "`);
        if (!/^Start (with|by) /.test(c.helpfulResource?.displayText ?? '')) problems.push(`${alias} ${c.id}: helpful text does not start "Start with" or "Start by"`);
      }
    }
    expect(problems.join('\n')).toBe('');
  });

  /**
   * SaaS lens questions whose practices are rungs of one maturity ladder: the mature answer (the top rungs, without
   * the rung they replace) scores no risk, and the replaced rung is LOW, so no rule needs it.
   */
  const SAAS_LADDERS: Array<{ question: string; mature: string[]; superseded: string[] }> = [
    { question: 'ops_q3', mature: ['ops_ops_q3_a2', 'ops_ops_q3_a3'], superseded: ['ops_ops_q3_a1'] },
    { question: 'perf_q2', mature: ['perf_perf_q2_a2', 'perf_perf_q2_a3'], superseded: ['perf_perf_q2_a1'] },
    { question: 'cost_q1', mature: ['cost_cost_q1_a2', 'cost_cost_q1_a3'], superseded: ['cost_cost_q1_a1'] },
    { question: 'cost_q2', mature: ['cost_cost_q2_a2'], superseded: ['cost_cost_q2_a1'] },
  ];

  it('scores the mature answer of each SaaS maturity ladder as no risk, and the rung it replaces as LOW', () => {
    const saas = lens('softwareasaservice').current;
    const problems: string[] = [];
    for (const ladder of SAAS_LADDERS) {
      const compiled = saas.questions.get(ladder.question);
      const q = questionsOf(saas.document).find((x) => x.id === ladder.question);
      if (!compiled || !q) {
        problems.push(`${ladder.question}: not in the lens`);
        continue;
      }
      const risk = evaluateRisk(compiled.rules, satisfiedChoices(ladder.mature, []));
      if (risk !== 'NONE') problems.push(`${ladder.question}: mature answer [${ladder.mature.join(', ')}] gives ${risk}`);
      for (const id of ladder.superseded) {
        const level = q.choices.find((c) => c.id === id)?.riskLevel;
        if (level !== 'LOW') problems.push(`${ladder.question}: superseded rung ${id} is ${String(level)}`);
      }
      const withFirstRungOnly = evaluateRisk(compiled.rules, satisfiedChoices(ladder.superseded, []));
      if (withFirstRungOnly === 'NONE') problems.push(`${ladder.question}: the first rung alone gives no risk`);
    }
    expect(problems.join('\n')).toBe('');
  });
});
