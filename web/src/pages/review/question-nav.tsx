import Badge from '@cloudscape-design/components/badge';
import Box from '@cloudscape-design/components/box';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { isAnswered, questionNumber, questionPath, type PillarAnswers } from '../commons/lens-answers';
import { RiskStatus } from '../commons/risk-counts';

interface QuestionNavProps {
  workloadId: string;
  lensAlias: string;
  pillars: PillarAnswers[];
  currentQuestionId: string;
  /** Risks saved on this page since the summaries were loaded, by question id. */
  savedRisks: Record<string, string>;
  /** Follows a question's link (the page saves first). */
  onNavigate(path: string): void;
}

/**
 * The left panel: each pillar with its answered count, its questions with Done marks, and
 * the questions the workload's profile prioritizes; an answered question's risk shows
 * there once saved. Titles take the panel's whole width
 * (marks go under them) because the panel is narrow at laptop width.
 */
export function QuestionNav({ workloadId, lensAlias, pillars, currentQuestionId, savedRisks, onNavigate }: QuestionNavProps) {
  return (
    <SpaceBetween size="xs">
      {pillars.map((pillar) => {
        const answers = pillar.answers.map((a) => ({ ...a, Risk: savedRisks[a.QuestionId ?? ''] ?? a.Risk }));
        const answered = answers.filter(isAnswered).length;
        return (
          <ExpandableSection
            key={pillar.PillarId}
            headerText={`${pillar.PillarName} ${answered}/${answers.length}`}
            // Starts with the words shown, so that speech input can name it by what it says.
            headerAriaLabel={`${pillar.PillarName} ${answered}/${answers.length}: ${answered} of ${answers.length} questions answered`}
            defaultExpanded={answers.some((a) => a.QuestionId === currentQuestionId)}
          >
            <ol style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {answers.map((a, i) => {
                const path = questionPath(workloadId, lensAlias, a.QuestionId ?? '');
                const current = a.QuestionId === currentQuestionId;
                return (
                  <li key={a.QuestionId} style={{ marginBottom: 8 }} aria-current={current ? 'page' : undefined}>
                    {current ? (
                      <Box fontWeight="bold" color="text-status-info">
                        {questionNumber(pillar, i)} {a.QuestionTitle}
                      </Box>
                    ) : (
                      <Link
                        href={`/console${path}`}
                        onFollow={(event) => {
                          event.preventDefault();
                          onNavigate(path);
                        }}
                      >
                        {questionNumber(pillar, i)} {a.QuestionTitle}
                      </Link>
                    )}
                    {(isAnswered(a) || a.QuestionType === 'PRIORITIZED') && (
                      <SpaceBetween direction="horizontal" size="xs">
                        {isAnswered(a) && <StatusIndicator type="success">Done</StatusIndicator>}
                        {(a.Risk === 'HIGH' || a.Risk === 'MEDIUM') && <RiskStatus risk={a.Risk} />}
                        {a.QuestionType === 'PRIORITIZED' && <Badge color="blue">Prioritized</Badge>}
                      </SpaceBetween>
                    )}
                  </li>
                );
              })}
            </ol>
          </ExpandableSection>
        );
      })}
    </SpaceBetween>
  );
}
