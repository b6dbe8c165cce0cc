import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import { checkStatusLabel } from '../commons/check-status';
import { reportsProblem, type PracticeChecks } from '../commons/checks';
import type { PillarAnswers } from '../commons/lens-answers';

/**
 * The practices marked as followed whose checks report a problem, question by
 * question. Such a question may well be at no risk (the tick says the practice is
 * followed), which is why they are listed apart from the risks.
 */
export function ContradictedPractices({ practices, pillars, onReview }: { practices: PracticeChecks[]; pillars: PillarAnswers[]; onReview(questionId: string): void }) {
  const contradicted = practices.filter((p) => p.Contradicted);
  if (!contradicted.length) return null;
  const answers = new Map(pillars.flatMap((p) => p.answers.map((a) => [a.QuestionId ?? '', a] as const)));
  const questions = [...new Set(contradicted.map((p) => p.QuestionId))];
  const description = 'Best practices marked as followed that checks from scanners say are not: review them.';
  const header = <Header variant="h2" counter={`(${contradicted.length})`} description={description}>Practices contradicted by checks</Header>;
  return (
    <Container header={header}>
      <ul style={{ margin: 0, paddingLeft: 20 }} aria-label="Practices contradicted by checks">
        {questions.map((questionId) => {
          const answer = answers.get(questionId);
          return (
            <li key={questionId} data-contradicted-question={questionId}>
              <Link onFollow={() => onReview(questionId)}>{answer?.QuestionTitle ?? questionId}</Link>
              <ul style={{ paddingLeft: 20 }}>
                {contradicted
                  .filter((p) => p.QuestionId === questionId)
                  .map((p) => (
                    <li key={p.ChoiceId}>
                      <Box variant="strong">{answer?.Choices?.find((c) => c.ChoiceId === p.ChoiceId)?.Title ?? p.ChoiceId}</Box>:{' '}
                      {p.CheckSummaries.filter((c) => reportsProblem(c.Status))
                        .map((c) => `${c.Name} (${checkStatusLabel(c.Status)})`)
                        .join(', ')}
                    </li>
                  ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </Container>
  );
}
