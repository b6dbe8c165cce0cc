import type { Readable } from 'node:stream';
import { CheckAggregator, type PracticePlace } from '../../domain/checks/aggregate';
import type { ProwlerMapping } from '../../domain/checks/prowler';
import { ValidationError } from '../../domain/errors';
import { replaceCheckResults } from '../../store/checks.repo';
import { workloadFor } from '../access';
import { mutate, read, type ServiceContext } from '../context';
import type { Principal } from '../principal';
import { reviewView } from '../reviews/view';
import { discoveryStatus } from '../settings.service';
import { loadProwlerMapping } from './prowler-mapping';
import { readFindings, type CheckFormat } from './read-findings';

/**
 * Imports a scanner's findings into a workload as check results on the best
 * practices of its lenses. The file is read as a stream and folded as it comes;
 * then one transaction replaces, for each account the file covers, what the same
 * scanner said before. A file with malformed findings changes nothing.
 */

export interface ImportChecksInput {
  WorkloadId: string;
  Format: CheckFormat;
  /** The scanner's name; Prowler files name themselves, JSON lines need it. */
  Source?: string;
}

/** The mapping is immutable data shipped with Plumbline: read once, on first use. */
let mapping: ProwlerMapping | undefined;
const prowler = () => (mapping ??= loadProwlerMapping());

/** Every place of each practice id in the workload's applied lens versions. */
async function practicePlaces(ctx: ServiceContext, principal: Principal, workloadId: string) {
  return read(ctx, async (trx) => {
    const view = await reviewView(ctx, trx, principal, workloadId, undefined, 'contribute');
    const places = new Map<string, PracticePlace[]>();
    for (const review of view.reviews.filter((r) => r.active)) {
      const lens = await ctx.catalog.version(review.lensKey, review.lensVersion);
      for (const question of lens.questions.values()) {
        for (const choice of question.choices) {
          if (choice.id === question.noneChoiceId) continue;
          const place = { lensKey: review.lensKey, pillarId: question.pillarId, questionId: question.id, choiceId: choice.id };
          const known = places.get(choice.id);
          if (known) known.push(place);
          else places.set(choice.id, [place]);
        }
      }
    }
    return places;
  });
}

/** What an import says when the importing account's console and reports do not show checks. */
const hiddenNotice = (accountId: string) =>
  `the checks are kept, but account ${accountId} has discovery integration DISABLED, so its console and reports do not show them; ` +
  'turn it on in the console (Settings) or with: aws wellarchitected update-global-settings --discovery-integration-status ENABLED';

/** `openBody` opens the file's stream once the import is ready to read it (nothing flows before). */
export async function importChecks(ctx: ServiceContext, principal: Principal, input: ImportChecksInput, openBody: () => Readable) {
  if (input.Format === 'JSONL' && !input.Source) {
    throw ValidationError.field('Source', 'is required for JSON lines files: the name of the scanner that produced them');
  }
  const places = await practicePlaces(ctx, principal, input.WorkloadId);
  const aggregator = new CheckAggregator((practiceId) => places.get(practiceId) ?? []);
  const summary = await readFindings(input.Format, openBody(), prowler(), ctx.now(), aggregator);
  const source = input.Source ?? summary.source ?? 'Prowler';
  const { tally } = aggregator;
  const accounts = [...tally.accounts].sort();
  const results = aggregator.results();
  const discovery = await mutate(ctx, { principal, operation: 'ImportCheckResults' }, async (trx) => {
    const workload = await workloadFor(ctx, trx, principal, input.WorkloadId, 'contribute', { lock: true });
    await replaceCheckResults(trx, workload.id, source, accounts, results, aggregator.flaggedResources());
    return discoveryStatus(trx, principal.accountId);
  });
  return {
    WorkloadId: input.WorkloadId,
    Source: source,
    Accounts: accounts,
    FindingsRead: tally.findings,
    FindingsPlaced: tally.placed,
    FindingsNotPlaced: {
      WithoutPractice: tally.withoutPractice,
      PracticeNotInLens: tally.practiceNotInLens,
      PracticeIds: [...tally.unknownPracticeIds].sort(),
      UnknownRequirementIds: [...summary.unknownRequirements].sort(),
    },
    CheckResults: results.length,
    DiscoveryIntegrationStatus: discovery,
    ...(discovery === 'DISABLED' ? { Notice: hiddenNotice(principal.accountId) } : {}),
  };
}
