import type { Choice } from '@aws-sdk/client-wellarchitected';
import Alert from '@cloudscape-design/components/alert';
import { checkStatusLabel } from '../commons/check-status';
import { reportsProblem, type CheckSummaryView, type PracticeChecks } from '../commons/checks';

/** The practices ticked as followed (in the draft, saved or not) whose checks report a problem. */
export function contradictedPractices(byChoice: Map<string, PracticeChecks> | undefined, selected: readonly string[]): PracticeChecks[] {
  if (!byChoice) return [];
  return selected.map((id) => byChoice.get(id)).filter((p): p is PracticeChecks => !!p && p.CheckSummaries.some((c) => reportsProblem(c.Status)));
}

function failingAccounts(c: CheckSummaryView): string {
  const n = (c.AccountSummary.ERROR ?? 0) + (c.AccountSummary.WARNING ?? 0);
  return `${n} account${n === 1 ? '' : 's'}`;
}

/** Said at the top of the question: which followed practices the checks contradict, and by which checks. */
export function ContradictionAlert({ practices, choices }: { practices: PracticeChecks[]; choices: Choice[] }) {
  if (!practices.length) return null;
  const title = (id: string) => choices.find((c) => c.ChoiceId === id)?.Title ?? id;
  return (
    <Alert type="warning" header="Checks contradict practices marked as followed">
      <ul style={{ margin: 0, paddingLeft: 20 }} aria-label="Contradicted practices">
        {practices.map((p) => (
          <li key={p.ChoiceId}>
            <strong>{title(p.ChoiceId)}</strong>:{' '}
            {p.CheckSummaries.filter((c) => reportsProblem(c.Status))
              .map((c) => `${c.Name} (${checkStatusLabel(c.Status)} in ${failingAccounts(c)})`)
              .join(', ')}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
