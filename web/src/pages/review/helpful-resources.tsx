import type { Answer, Choice } from '@aws-sdk/client-wellarchitected';
import Box from '@cloudscape-design/components/box';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';

/** What the right panel explains: the question, or one practice after its Info link. */
export type InfoFocus = { choiceId?: string };

function Resource({ label, text, url }: { label: string; text?: string; url?: string }) {
  if (!text && !url) return null;
  return (
    <div>
      <Box variant="h3">{label}</Box>
      {text && <Box variant="p">{text}</Box>}
      {url && (
        <Link href={url} external ariaLabel={`${label}: ${text ?? url}`}>
          Learn more
        </Link>
      )}
    </div>
  );
}

function PracticeInfo({ choice }: { choice: Choice }) {
  return (
    <SpaceBetween size="s">
      <Box variant="h3">{choice.Title}</Box>
      {choice.Description && <Box variant="p">{choice.Description}</Box>}
      <Resource label="Helpful resource" text={choice.HelpfulResource?.DisplayText} url={choice.HelpfulResource?.Url} />
      <Resource label="Improvement plan" text={choice.ImprovementPlan?.DisplayText} url={choice.ImprovementPlan?.Url} />
    </SpaceBetween>
  );
}

/** The help panel's body: helpful resources of the question and of each practice, or the Info of one practice. */
export function HelpfulResources({ answer, focus, onFocus }: { answer: Answer; focus: InfoFocus; onFocus(focus: InfoFocus): void }) {
  const choice = focus.choiceId ? answer.Choices?.find((c) => c.ChoiceId === focus.choiceId) : undefined;
  if (choice) {
    return (
      <SpaceBetween size="m">
        <PracticeInfo choice={choice} />
        <Link onFollow={() => onFocus({})}>Show the question's helpful resources</Link>
      </SpaceBetween>
    );
  }
  return (
    <SpaceBetween size="m">
      <Resource label={answer.QuestionTitle ?? 'Question'} text={answer.HelpfulResourceDisplayText} url={answer.HelpfulResourceUrl} />
      {(answer.Choices ?? [])
        .filter((c) => c.Description || c.HelpfulResource)
        .map((c) => (
          <div key={c.ChoiceId}>
            <Box variant="h3">{c.Title}</Box>
            <Box variant="p">{c.Description ?? c.HelpfulResource?.DisplayText}</Box>
            <Link onFollow={() => onFocus({ choiceId: c.ChoiceId })} ariaLabel={`More about ${c.Title}`}>
              More
            </Link>
          </div>
        ))}
    </SpaceBetween>
  );
}
