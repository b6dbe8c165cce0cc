import type { LensDocument, LensPillar, LensQuestion } from './types';

/**
 * What changed between two versions of a lens, per pillar and per question, as
 * "Publishing an update to a custom lens" and "Upgrading a lens" show it. A
 * question is UPDATED when anything in it changed (text, links, choices, risk
 * rules); a pillar is listed when it is new, deleted, renamed or has a changed question.
 */

export type DifferenceStatus = 'NEW' | 'UPDATED' | 'DELETED';

export interface QuestionDifference {
  questionId: string;
  questionTitle: string;
  status: DifferenceStatus;
}

export interface PillarDifference {
  pillarId: string;
  pillarName: string;
  status: DifferenceStatus;
  questions: QuestionDifference[];
}

/** Key order does not make two questions differ. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const all = (questions: LensQuestion[], status: DifferenceStatus): QuestionDifference[] =>
  questions.map((q) => ({ questionId: q.id, questionTitle: q.title, status }));

function pillarDifference(base: LensPillar | undefined, target: LensPillar | undefined): PillarDifference | undefined {
  if (!base && target) return { pillarId: target.id, pillarName: target.name, status: 'NEW', questions: all(target.questions, 'NEW') };
  if (base && !target) return { pillarId: base.id, pillarName: base.name, status: 'DELETED', questions: all(base.questions, 'DELETED') };
  if (!base || !target) return undefined;
  const before = new Map(base.questions.map((q) => [q.id, q]));
  const after = new Set(target.questions.map((q) => q.id));
  const questions: QuestionDifference[] = [];
  for (const q of target.questions) {
    const old = before.get(q.id);
    if (!old) questions.push({ questionId: q.id, questionTitle: q.title, status: 'NEW' });
    else if (canonical(old) !== canonical(q)) questions.push({ questionId: q.id, questionTitle: q.title, status: 'UPDATED' });
  }
  questions.push(...all(base.questions.filter((q) => !after.has(q.id)), 'DELETED'));
  if (!questions.length && base.name === target.name) return undefined;
  return { pillarId: target.id, pillarName: target.name, status: 'UPDATED', questions };
}

/** Pillars in the target's order, then pillars the target no longer has. */
export function lensVersionDifference(base: LensDocument, target: LensDocument): PillarDifference[] {
  const before = new Map(base.pillars.map((p) => [p.id, p]));
  const after = new Set(target.pillars.map((p) => p.id));
  return [
    ...target.pillars.map((p) => pillarDifference(before.get(p.id), p)),
    ...base.pillars.filter((p) => !after.has(p.id)).map((p) => pillarDifference(p, undefined)),
  ].filter((d): d is PillarDifference => d !== undefined);
}
