import { ListAnswersCommand, type WellArchitectedClient } from '@aws-sdk/client-wellarchitected';

/** Every page of a list, following NextToken to the end. */
export async function collectPages<T>(fetchPage: (NextToken?: string) => Promise<{ items?: T[]; NextToken?: string }>): Promise<T[][]> {
  const pages: T[][] = [];
  let NextToken: string | undefined;
  do {
    const page = await fetchPage(NextToken);
    pages.push(page.items ?? []);
    NextToken = page.NextToken;
  } while (NextToken);
  return pages;
}

/** Every answer of the framework lens review. */
export async function allAnswers(client: WellArchitectedClient, WorkloadId: string, MilestoneNumber?: number, MaxResults = 10) {
  const pages = await collectPages(async (NextToken) => {
    const page = await client.send(new ListAnswersCommand({ WorkloadId, LensAlias: 'wellarchitected', MilestoneNumber, NextToken, MaxResults }));
    return { items: page.AnswerSummaries, NextToken: page.NextToken };
  });
  return pages.flat();
}
