import { compileRiskRules, type CompiledRiskRules } from '../risk-rules';
import { isNoneOfTheseChoice, type LensChoice, type LensDocument, type LensResource } from './types';

/**
 * A lens version ready for reviewing: questions indexed, risk rules compiled.
 * Built once per lens version and shared by every review on it.
 */

export type LensType = 'AWS_OFFICIAL' | 'CUSTOM_SELF' | 'CUSTOM_SHARED';

export interface CompiledQuestion {
  id: string;
  pillarId: string;
  title: string;
  description?: string;
  helpfulResource?: LensResource;
  choices: LensChoice[];
  choiceIds: ReadonlySet<string>;
  noneChoiceId?: string;
  rules: CompiledRiskRules;
  /** Position of the question in the whole lens (pillar order, then question order). */
  order: number;
}

export interface CompiledPillar {
  id: string;
  name: string;
  questions: CompiledQuestion[];
}

export interface LensIdentity {
  /** The alias clients use: the short alias of AWS lenses, the ARN of custom lenses. */
  alias: string;
  arn: string;
  version: string;
  owner: string;
  type: 'AWS_OFFICIAL' | 'CUSTOM';
}

export interface CompiledLens extends LensIdentity {
  name: string;
  description: string;
  document: LensDocument;
  pillars: CompiledPillar[];
  questions: ReadonlyMap<string, CompiledQuestion>;
}

/** An empty url is no url (aws-behaviour.md item 12): answers and plans leave it out. */
function withoutEmptyUrl(resource: LensResource | undefined): LensResource | undefined {
  if (resource?.url !== '') return resource;
  const { url: _empty, ...rest } = resource;
  return rest;
}

const choiceWithoutEmptyUrls = (choice: LensChoice): LensChoice =>
  choice.helpfulResource?.url === '' || choice.improvementPlan?.url === ''
    ? { ...choice, helpfulResource: withoutEmptyUrl(choice.helpfulResource), improvementPlan: withoutEmptyUrl(choice.improvementPlan) }
    : choice;

export function compileLens(identity: LensIdentity, document: LensDocument): CompiledLens {
  const questions = new Map<string, CompiledQuestion>();
  let order = 0;
  const pillars = document.pillars.map((pillar) => ({
    id: pillar.id,
    name: pillar.name,
    questions: pillar.questions.map((q) => {
      const choiceIds = new Set(q.choices.map((c) => c.id));
      const compiled = compileRiskRules(q.riskRules, choiceIds);
      if (!compiled.ok) {
        const detail = compiled.problems.map((p) => p.message).join('; ');
        throw new Error(`Lens ${identity.alias} question ${q.id} has invalid risk rules: ${detail}`);
      }
      const question: CompiledQuestion = {
        id: q.id,
        pillarId: pillar.id,
        title: q.title,
        description: q.description,
        helpfulResource: withoutEmptyUrl(q.helpfulResource),
        choices: q.choices.map(choiceWithoutEmptyUrls),
        choiceIds,
        noneChoiceId: q.choices.find((c) => isNoneOfTheseChoice(c.id))?.id,
        rules: compiled.compiled,
        order: order++,
      };
      questions.set(q.id, question);
      return question;
    }),
  }));
  return { ...identity, name: document.name, description: document.description, document, pillars, questions };
}
