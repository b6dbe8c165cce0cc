import { ValidationError } from '../../domain/errors';
import { lensVersionDifference } from '../../domain/lens/version-diff';
import { read, type ServiceContext } from '../context';
import type { Principal } from '../principal';
import { customLenses } from './custom-lens-source';
import { ownedLens } from './lens-access';
import { checkedLensJson } from './lens-json';

/**
 * What publishing a lens's draft would change, for "Review changes before
 * publishing": the draft against the latest published version, in the shape of
 * GetLensVersionDifference (which compares published versions only, so it cannot
 * show a draft). A lens never published compares against nothing: everything is NEW.
 */
export async function getDraftDifference(ctx: ServiceContext, principal: Principal, input: { LensAlias: string }) {
  const source = await customLenses(ctx);
  return read(ctx, async (trx) => {
    const lens = await ownedLens(ctx, trx, principal, input.LensAlias, { operation: 'GetLensVersionDifference' });
    if (lens.draftJson === null) {
      throw ValidationError.field('LensAlias', `lens ${lens.arn} has no draft to review; import one first`);
    }
    const draft = checkedLensJson(lens.draftJson);
    const base = lens.latestVersion ? await source.versionIn(trx, lens.arn, lens.latestVersion) : undefined;
    const baseDocument = base?.document ?? { ...draft, pillars: [] };
    return {
      LensArn: lens.arn,
      LensName: draft.name,
      LensDescription: draft.description,
      BaseLensVersion: base?.version,
      BaseLensName: base?.document.name,
      BaseLensDescription: base?.document.description,
      VersionDifferences: {
        PillarDifferences: lensVersionDifference(baseDocument, draft).map((p) => ({
          PillarId: p.pillarId,
          PillarName: p.pillarName,
          DifferenceStatus: p.status,
          QuestionDifferences: p.questions.map((q) => ({ QuestionId: q.questionId, QuestionTitle: q.questionTitle, DifferenceStatus: q.status })),
        })),
      },
    };
  });
}
