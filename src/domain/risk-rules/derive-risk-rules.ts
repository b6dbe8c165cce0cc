import { type LensChoice, type LensRiskRule, isNoneOfTheseChoice } from '../lens/types';
import { DEFAULT_CONDITION } from './condition';

/**
 * Risk rules for Plumbline's built-in lenses, derived from each practice's `riskLevel`
 * (the level of risk the framework documents for not following it). A question is never
 * riskier than its riskiest practice: the worst outcome is HIGH where a practice is
 * documented HIGH, MEDIUM otherwise (a question of LOW practices only is MEDIUM at worst,
 * as the tool has no low-risk outcome and "None of these" must still show as a gap).
 *
 * With at least one HIGH practice:
 *   NO_RISK      not "None of these", and every HIGH and MEDIUM practice followed
 *   MEDIUM_RISK  not "None of these", and every HIGH practice followed
 *   HIGH_RISK    default
 * Without a HIGH practice:
 *   NO_RISK      not "None of these", and every MEDIUM practice followed (with no MEDIUM
 *                practice either: any answer but "None of these")
 *   MEDIUM_RISK  default
 *
 * Every rule that can lower the risk excludes "None of these" itself, so the choice keeps
 * the question at its worst whatever else is selected with it: the API accepts it together
 * with practices and leaves the decision to the rules. LOW practices never raise risk.
 * A rule set names each risk at most once, and the MEDIUM rule is left out where it would
 * repeat the NO_RISK condition (no MEDIUM practices).
 * No "None of these" choice (possible only in hand-written lenses): the `!<none>` terms
 * are dropped, and a question of LOW practices only is then never at risk.
 */
export function deriveRiskRules(choices: readonly LensChoice[]): LensRiskRule[] {
  const none = choices.find((choice) => isNoneOfTheseChoice(choice.id));
  const practices = choices.filter((choice) => choice !== none);
  const idsAt = (level: 'HIGH' | 'MEDIUM'): string[] =>
    practices.filter((choice) => levelOf(choice) === level).map((choice) => choice.id);
  const high = idsAt('HIGH');
  const mediumOrHigh = [...high, ...idsAt('MEDIUM')];
  const notNone = none ? [`!${none.id}`] : [];

  const worst: LensRiskRule['risk'] = high.length > 0 ? 'HIGH_RISK' : 'MEDIUM_RISK';
  const noRiskTerms = [...notNone, ...mediumOrHigh];
  if (noRiskTerms.length === 0) return [{ condition: DEFAULT_CONDITION, risk: 'NO_RISK' }];

  const rules: LensRiskRule[] = [{ condition: allOf(noRiskTerms), risk: 'NO_RISK' }];
  if (high.length > 0 && high.length < mediumOrHigh.length) {
    rules.push({ condition: allOf([...notNone, ...high]), risk: 'MEDIUM_RISK' });
  }
  rules.push({ condition: DEFAULT_CONDITION, risk: worst });
  return rules;
}

function levelOf(choice: LensChoice): string {
  if (choice.riskLevel === undefined) {
    throw new Error(`choice '${choice.id}' has no riskLevel, which built-in lenses give every practice`);
  }
  return choice.riskLevel;
}

function allOf(ids: readonly string[]): string {
  return ids.join(' && ');
}
