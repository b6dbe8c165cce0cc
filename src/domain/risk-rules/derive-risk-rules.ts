import { type LensChoice, type LensRiskRule, isNoneOfTheseChoice } from '../lens/types';
import { DEFAULT_CONDITION } from './condition';

/**
 * Risk rules for Plumbline's built-in lenses, derived from each practice's `riskLevel`
 * (the level of risk the framework documents for not following it):
 *
 *   NO_RISK      every HIGH and MEDIUM practice is followed (LOW ones never raise risk)
 *   MEDIUM_RISK  every HIGH practice is followed
 *   HIGH_RISK    default
 *
 * Special cases, each keeping at most three rules, exactly one default, last:
 * - No MEDIUM practices: the MEDIUM rule would repeat the NO_RISK condition and never
 *   apply, so it is left out.
 * - No HIGH practices: the MEDIUM rule becomes `!<none>`: any answer except "None of
 *   these" is at most medium.
 * - Neither HIGH nor MEDIUM practices: NO_RISK `!<none>`, then default HIGH_RISK.
 * - No "None of these" choice (possible only in hand-written lenses): where `!<none>`
 *   would be used the condition would always hold, since an unanswered question is never
 *   evaluated, so its risk becomes the default instead.
 *
 * "None of these" may be selected beside practices (the API stores what it is sent), so
 * every rule but the default starts with `!<none>`: "None of these" ticked is high risk
 * whatever else is ticked.
 */
export function deriveRiskRules(choices: readonly LensChoice[]): LensRiskRule[] {
  const none = choices.find((choice) => isNoneOfTheseChoice(choice.id));
  const practices = choices.filter((choice) => choice !== none);
  const idsAt = (level: 'HIGH' | 'MEDIUM'): string[] =>
    practices.filter((choice) => levelOf(choice) === level).map((choice) => choice.id);
  const high = idsAt('HIGH');
  const mediumOrHigh = [...high, ...idsAt('MEDIUM')];

  const rules: LensRiskRule[] = [];
  let fallback: LensRiskRule['risk'] = 'HIGH_RISK';
  if (mediumOrHigh.length > 0) {
    rules.push({ condition: allOf(mediumOrHigh, none), risk: 'NO_RISK' });
    if (high.length > 0 && high.length < mediumOrHigh.length) {
      rules.push({ condition: allOf(high, none), risk: 'MEDIUM_RISK' });
    } else if (high.length === 0) {
      if (none) rules.push({ condition: `!${none.id}`, risk: 'MEDIUM_RISK' });
      else fallback = 'MEDIUM_RISK';
    }
  } else if (none) {
    rules.push({ condition: `!${none.id}`, risk: 'NO_RISK' });
  } else {
    fallback = 'NO_RISK';
  }
  rules.push({ condition: DEFAULT_CONDITION, risk: fallback });
  return rules;
}

function levelOf(choice: LensChoice): string {
  if (choice.riskLevel === undefined) {
    throw new Error(`choice '${choice.id}' has no riskLevel, which built-in lenses give every practice`);
  }
  return choice.riskLevel;
}

function allOf(ids: readonly string[], none: LensChoice | undefined): string {
  return (none ? [`!${none.id}`, ...ids] : ids).join(' && ');
}
