import { compileRiskRules } from '../risk-rules/compile-risk-rules';
import { parseJson } from './json-source';
import {
  type JsonObject,
  type Report,
  asObject,
  checkHelpfulResource,
  checkId,
  checkImprovementPlan,
  checkList,
  checkText,
} from './lens-fields';
import { DOCUMENT_PATH, type LensFinding, indexPath, keyPath } from './lens-finding';
import { BUILTIN_LENS_ID_PATTERN, LENS_ID_PATTERN, LENS_MAX_BYTES, LENS_RULES } from './lens-rules';
import { type LensDocument, isNoneOfTheseChoice } from './types';

export type { LensFinding, LensFindingRule } from './lens-finding';

/** `lens` is present exactly when there are no findings. */
export interface LensValidation {
  lens?: LensDocument;
  findings: LensFinding[];
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
    return { findings };
  }
  const validation = validateLensDocument(parsed.value);
  return findings.length === 0 ? validation : { findings: [...findings, ...validation.findings] };
}

export interface LensValidationOptions {
  /** Plumbline's built-in lenses keep the hosted tool's hyphenated ids. */
  builtIn?: boolean;
}

export function validateLensDocument(doc: unknown, options: LensValidationOptions = {}): LensValidation {
  const idPattern = options.builtIn ? BUILTIN_LENS_ID_PATTERN : LENS_ID_PATTERN;
  const findings: LensFinding[] = [];
  const report: Report = (path, rule, message) => findings.push({ path, rule, message });

  const lens = asObject(report, doc, DOCUMENT_PATH);
  if (lens) checkLens(report, lens, idPattern);
  return findings.length === 0 ? { lens: doc as LensDocument, findings } : { findings };
}

function checkLens(report: Report, lens: JsonObject, idPattern: RegExp): void {
  const rules = LENS_RULES.lens;
  checkText(report, lens, 'schemaVersion', DOCUMENT_PATH, rules.schemaVersion);
  checkText(report, lens, 'name', DOCUMENT_PATH, rules.name);
  checkText(report, lens, 'description', DOCUMENT_PATH, rules.description);
  const pillars = checkList(report, lens, 'pillars', DOCUMENT_PATH, rules.pillars);
  const pillarIds = new Map<string, string>();
  const questionIds = new Map<string, string>();
  pillars?.forEach((value, index) => {
    const path = indexPath('pillars', index);
    const pillar = asObject(report, value, path);
    if (!pillar) return;
    checkId(report, pillar, path, pillarIds, 'within the lens', idPattern);
    checkText(report, pillar, 'name', path, LENS_RULES.pillar.name);
    const questions = checkList(report, pillar, 'questions', path, LENS_RULES.pillar.questions);
    questions?.forEach((question, questionIndex) =>
      checkQuestion(report, question, indexPath(keyPath(path, 'questions'), questionIndex), questionIds, idPattern),
    );
  });
}

function checkQuestion(report: Report, value: unknown, path: string, questionIds: Map<string, string>, idPattern: RegExp): void {
  const question = asObject(report, value, path);
  if (!question) return;
  const rules = LENS_RULES.question;
  checkId(report, question, path, questionIds, 'within the lens', idPattern);
  checkText(report, question, 'title', path, rules.title);
  checkText(report, question, 'description', path, rules.description);
  checkHelpfulResource(report, question, path);

  const choices = checkList(report, question, 'choices', path, rules.choices);
  const choiceIds = new Map<string, string>();
  choices?.forEach((choice, index) => checkChoice(report, choice, indexPath(keyPath(path, 'choices'), index), choiceIds, idPattern));

  const riskRules = checkList(report, question, 'riskRules', path, rules.riskRules);
  if (!riskRules) return;
  const compiled = compileRiskRules(riskRules, new Set(choiceIds.keys()));
  if (compiled.ok) return;
  const rulesPath = keyPath(path, 'riskRules');
  for (const problem of compiled.problems) {
    // Without a readable choice list every named choice would look unknown; the list's own finding says enough.
    if (problem.code === 'unknownChoice' && !choices) continue;
    const rulePath = problem.ruleIndex === null ? rulesPath : indexPath(rulesPath, problem.ruleIndex);
    report(problem.field === null ? rulePath : keyPath(rulePath, problem.field), problem.code, problem.message);
  }
}

function checkChoice(report: Report, value: unknown, path: string, choiceIds: Map<string, string>, idPattern: RegExp): void {
  const choice = asObject(report, value, path);
  if (!choice) return;
  const id = checkId(report, choice, path, choiceIds, 'within a question', idPattern);
  checkText(report, choice, 'title', path, LENS_RULES.choice.title);
  checkText(report, choice, 'description', path, LENS_RULES.choice.description);
  checkHelpfulResource(report, choice, path);
  checkImprovementPlan(report, choice, path, !(id !== undefined && isNoneOfTheseChoice(id)));
}
