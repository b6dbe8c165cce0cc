import { ListAnswersCommand, type AnswerSummary, type WellArchitectedClient } from '@aws-sdk/client-wellarchitected';

/** Every answer of the framework lens review, following NextToken to the end. */
export async function allAnswers(client: WellArchitectedClient, WorkloadId: string, MilestoneNumber?: number, MaxResults = 10) {
  const answers: AnswerSummary[] = [];
  let NextToken: string | undefined;
  do {
    const page = await client.send(new ListAnswersCommand({ WorkloadId, LensAlias: 'wellarchitected', MilestoneNumber, NextToken, MaxResults }));
    answers.push(...(page.AnswerSummaries ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  return answers;
}
