import { NotFoundError } from '../../domain/errors';
import type { ServiceContext } from '../context';
import { pageOf } from '../pagination';
import type { Principal } from '../principal';
import type { BuiltinLens } from './builtin-lenses';

/** Reading the lens catalog: AWS-provided lenses here; custom lenses join when their service lands. */

const LOADED_AT = Date.now();

function officialSummary(lens: BuiltinLens) {
  return {
    LensArn: lens.current.arn,
    LensAlias: lens.alias,
    LensName: lens.name,
    LensType: 'AWS_OFFICIAL',
    Description: lens.description,
    LensVersion: lens.current.version,
    LensStatus: 'CURRENT',
    CreatedAt: LOADED_AT / 1000,
    UpdatedAt: LOADED_AT / 1000,
  };
}

export async function listLenses(
  ctx: ServiceContext,
  _principal: Principal,
  input: { NextToken?: string; MaxResults?: number; LensType?: string; LensStatus?: string; LensName?: string },
) {
  const wantsOfficial = !input.LensType || input.LensType === 'AWS_OFFICIAL';
  const wantsStatus = !input.LensStatus || input.LensStatus === 'ALL' || input.LensStatus === 'PUBLISHED';
  const name = input.LensName?.toLowerCase();
  const lenses = wantsOfficial && wantsStatus
    ? ctx.catalog.builtins.filter((l) => !name || l.name.toLowerCase().includes(name) || l.alias.includes(name))
    : [];
  const page = pageOf(lenses.map(officialSummary), input.NextToken, input.MaxResults);
  return { LensSummaries: page.items, NextToken: page.nextToken };
}

export async function getLens(ctx: ServiceContext, _principal: Principal, input: { LensAlias: string; LensVersion?: string }) {
  const alias = ctx.catalog.officialAlias(input.LensAlias);
  const builtin = alias ? ctx.catalog.official(alias) : undefined;
  if (!builtin) throw new NotFoundError(`Lens ${input.LensAlias} was not found`, input.LensAlias, 'LENS');
  const version = input.LensVersion ? builtin.versions.find((v) => v.version === input.LensVersion) : builtin.current;
  if (!version) {
    throw new NotFoundError(`Lens ${input.LensAlias} has no version ${input.LensVersion}`, input.LensAlias, 'LENS');
  }
  return {
    Lens: {
      LensArn: version.arn,
      LensVersion: version.version,
      Name: version.name,
      Description: version.description,
      Owner: 'aws',
    },
  };
}
