import { NotFoundError, ValidationError } from '../../domain/errors';
import type { CompiledLens } from '../../domain/lens/compiled-lens';
import { lensVersionDifference } from '../../domain/lens/version-diff';
import { listLensVersions } from '../../store/lenses.repo';
import { read, type ServiceContext } from '../context';
import type { Principal } from '../principal';
import { customLenses } from './custom-lens-source';
import { ownedLens } from './lens-access';

/**
 * GetLensVersionDifference: what changed from BaseLensVersion to
 * TargetLensVersion. Either may be left out and means the latest version; at
 * least one must be given. Works for AWS-provided and custom lenses alike.
 */
export async function getLensVersionDifference(
  ctx: ServiceContext,
  principal: Principal,
  input: { LensAlias: string; BaseLensVersion?: string; TargetLensVersion?: string },
) {
  if (!input.BaseLensVersion && !input.TargetLensVersion) {
    throw ValidationError.field('BaseLensVersion', 'give BaseLensVersion, TargetLensVersion or both (a version left out means the latest)');
  }
  const source = await customLenses(ctx);
  return read(ctx, async (trx) => {
    let latest: string;
    let versionOf: (version: string) => Promise<CompiledLens | undefined>;
    const alias = ctx.catalog.officialAlias(input.LensAlias);
    const builtin = alias ? ctx.catalog.official(alias) : undefined;
    if (builtin) {
      latest = builtin.current.version;
      versionOf = async (version) => builtin.versions.find((v) => v.version === version);
    } else {
      const lens = await ownedLens(ctx, trx, principal, input.LensAlias, { operation: 'GetLensVersionDifference' });
      if (!lens.latestVersion) throw ValidationError.field('LensAlias', `lens ${lens.arn} has no published version yet`);
      latest = lens.latestVersion;
      const published = new Set((await listLensVersions(trx, lens.arn)).map((v) => v.version));
      versionOf = async (version) => (published.has(version) ? source.versionIn(trx, lens.arn, version) : undefined);
    }
    const load = async (version: string) => {
      const lens = await versionOf(version);
      if (!lens) throw new NotFoundError(`Lens ${input.LensAlias} has no version ${version}`, input.LensAlias, 'LENS');
      return lens;
    };
    const base = await load(input.BaseLensVersion ?? latest);
    const target = await load(input.TargetLensVersion ?? latest);
    return {
      LensAlias: base.alias,
      LensArn: base.arn,
      BaseLensVersion: base.version,
      TargetLensVersion: target.version,
      LatestLensVersion: latest,
      VersionDifferences: {
        PillarDifferences: lensVersionDifference(base.document, target.document).map((p) => ({
          PillarId: p.pillarId,
          PillarName: p.pillarName,
          DifferenceStatus: p.status,
          QuestionDifferences: p.questions.map((q) => ({ QuestionId: q.questionId, QuestionTitle: q.questionTitle, DifferenceStatus: q.status })),
        })),
      },
    };
  });
}
