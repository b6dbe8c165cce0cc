import { compileRiskRules } from '../risk-rules/compile-risk-rules';
import { DEFAULT_CONDITION } from '../risk-rules/condition';
import { parseJson } from './json-source';
import {
  type IdScope,
  type JsonObject,
  type Report,
  asObject,
  checkCharacters,
  checkHelpfulResource,
  checkId,
  checkImprovementPlan,
  checkList,
  checkText,
  idScope,
} from './lens-fields';
import { DOCUMENT_PATH, type LensFinding, WARNING_RULES, indexPath, keyPath } from './lens-finding';
import { BUILTIN_LENS_ID_PATTERN, LENS_ID_PATTERN, LENS_MAX_BYTES, LENS_RULES } from './lens-rules';
import { type LensDocument, isNoneOfTheseChoice } from './types';

export type { LensFinding, LensFindingRule } from './lens-finding';

/**
 * `lens` is present exactly when there are no findings. `warnings` are what the hosted
 * service accepts but a lens author should fix (a question without a default rule, an
 * empty url); they never stop a lens.
 */
export interface LensValidation {
  lens?: LensDocument;
  findings: LensFinding[];
  warnings: LensFinding[];
}

/**
 * Validates lens file text: size, JSON syntax (with line and column), then the document.
 * Every violation is reported, so an author can fix a file in one pass. Keys the
 * specification does not define are ignored: real lenses carry `_version`, `number`,
 * `additionalResources` and the like.
 */
export function validateLensJson(text: string): LensValidation {
  const findings: LensFinding[] = [];
  const bytes = new TextEncoder().encode(text).byteLength;
  if (bytes > LENS_MAX_BYTES) {
    findings.push({ path: DOCUMENT_PATH, rule: 'maxSize', message: `must be at most ${LENS_MAX_BYTES} bytes (is ${bytes})` });
  }
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const { line, column } = parsed.position;
    findings.push({
      path: DOCUMENT_PATH,
      rule: 'jsonSyntax',
      message: `is not valid JSON at line ${line}, column ${column}: ${parsed.message}`,
    });
    return { findings, warnings: [] };
  }
  const validation = validateLensDocument(parsed.value);
  return findings.length === 0 ? validation : { findings: [...findings, ...validation.findings], warnings: validation.warnings };
}

export interface LensValidationOptions {
  /** Plumbline's built-in lenses keep the hosted tool's hyphenated ids. */
  builtIn?: boolean;
}

/** What a check needs besides the value it checks. */
interface Checks {
  report: Report;
  idPattern: RegExp;
  /** Reports a text of a field whose characters the hosted service restricts (custom lenses only). */
  restricted: (value: string | undefined, path: string, report: Report) => void;
}

export function validateLensDocument(doc: unknown, options: LensValidationOptions = {}): LensValidation {
  const findings: LensFinding[] = [];
  const warnings: LensFinding[] = [];
  const collect = (questionId: string | undefined): Report => (path, rule, message) =>
    (WARNING_RULES.has(rule) ? warnings : findings).push(questionId === undefined ? { path, rule, message } : { path, rule, message, questionId });
  const checks: Checks = {
    report: collect(undefined),
    idPattern: options.builtIn ? BUILTIN_LENS_ID_PATTERN : LENS_ID_PATTERN,
    // The built-in lenses' characters are checked by their own catalog test, not at every start.
    restricted: options.builtIn ? () => undefined : (value, path, report) => checkCharacters(report, value, path),
  };

  const lens = asObject(checks.report, doc, DOCUMENT_PATH);
  if (lens) checkLens(checks, lens, collect);
  return findings.length === 0 ? { lens: doc as LensDocument, findings, warnings } : { findings, warnings };
}

function checkLens(checks: Checks, lens: JsonObject, inQuestion: (questionId: string | undefined) => Report): void {
  const { report, idPattern } = checks;
  const rules = LENS_RULES.lens;
  checkText(report, lens, 'schemaVersion', DOCUMENT_PATH, rules.schemaVersion);
  checks.restricted(checkText(report, lens, 'name', DOCUMENT_PATH, rules.name), 'name', report);
  checks.restricted(checkText(report, lens, 'description', DOCUMENT_PATH, rules.description), 'description', report);
  const pillars = checkList(report, lens, 'pillars', DOCUMENT_PATH, rules.pillars);
  const pillarIds = idScope('within the lens');
  const questionIds = idScope('within the lens');
  pillars?.forEach((value, index) => {
    const path = indexPath('pillars', index);
    const pillar = asObject(report, value, path);
    if (!pillar) return;
    checkId(report, pillar, path, pillarIds, idPattern);
    checks.restricted(checkText(report, pillar, 'name', path, LENS_RULES.pillar.name), keyPath(path, 'name'), report);
    const questions = checkList(report, pillar, 'questions', path, LENS_RULES.pillar.questions);
    questions?.forEach((question, questionIndex) => {
      // Every finding inside a question names it, so an author finds it without counting.
      const id = typeof (question as JsonObject | null)?.id === 'string' ? ((question as JsonObject).id as string) : undefined;
      checkQuestion({ ...checks, report: inQuestion(id) }, question, indexPath(keyPath(path, 'questions'), questionIndex), questionIds);
    });
  });
}

function checkQuestion(checks: Checks, value: unknown, path: string, questionIds: IdScope): void {
  const { report, idPattern } = checks;
  const question = asObject(report, value, path);
  if (!question) return;
  const rules = LENS_RULES.question;
  checkId(report, question, path, questionIds, idPattern);
  checks.restricted(checkText(report, question, 'title', path, rules.title), keyPath(path, 'title'), report);
  checks.restricted(checkText(report, question, 'description', path, rules.description), keyPath(path, 'description'), report);
  checkHelpfulResource(report, question, path);

  const choices = checkList(report, question, 'choices', path, rules.choices);
  const choiceIds = idScope('within a question');
  choices?.forEach((choice, index) => checkChoice(checks, choice, indexPath(keyPath(path, 'choices'), index), choiceIds));

  const riskRules = checkList(report, question, 'riskRules', path, rules.riskRules);
  if (!riskRules) return;
  if (!riskRules.some(isDefaultRule)) {
    report(
      keyPath(path, 'riskRules'),
      'noDefaultRule',
      "has no rule with condition 'default': the question is unanswered while nothing is selected, and an answer no rule matches is at high risk",
    );
  }
  const compiled = compileRiskRules(riskRules, new Set(choiceIds.seen.keys()));
  if (compiled.ok) return;
  const rulesPath = keyPath(path, 'riskRules');
  for (const problem of compiled.problems) {
    // Without a readable choice list every named choice would look unknown; the list's own finding says enough.
    if (problem.code === 'unknownChoice' && !choices) continue;
    const rulePath = problem.ruleIndex === null ? rulesPath : indexPath(rulesPath, problem.ruleIndex);
    report(problem.field === null ? rulePath : keyPath(rulePath, problem.field), problem.code, problem.message);
  }
}

const isDefaultRule = (rule: unknown): boolean =>
  typeof (rule as JsonObject | null)?.condition === 'string' && ((rule as JsonObject).condition as string).trim() === DEFAULT_CONDITION;

function checkChoice(checks: Checks, value: unknown, path: string, choiceIds: IdScope): void {
  const { report, idPattern } = checks;
  const choice = asObject(report, value, path);
  if (!choice) return;
  const id = checkId(report, choice, path, choiceIds, idPattern);
  checks.restricted(checkText(report, choice, 'title', path, LENS_RULES.choice.title), keyPath(path, 'title'), report);
  checkText(report, choice, 'description', path, LENS_RULES.choice.description);
  checkHelpfulResource(report, choice, path);
  checkImprovementPlan(report, choice, path, !(id !== undefined && isNoneOfTheseChoice(id)));
}
