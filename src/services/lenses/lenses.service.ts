import { NotFoundError } from '../../domain/errors';
import { findCustomLens, findCustomLenses, listAccountLenses, listLensVersions, type CustomLensRecord, type CustomLensVersionRecord } from '../../store/lenses.repo';
import { listTags } from '../../store/tags.repo';
import { read, type ServiceContext } from '../context';
import { decodeToken, encodeToken, seconds } from '../pagination';
import type { Principal } from '../principal';
import type { BuiltinLens } from './builtin-lenses';
import { ownedLens } from './lens-access';
import { lensGrant, sharedLensGrants } from '../shares/recipient-access';
import type { Trx } from '../../store/database';

/**
 * Reading the lens catalog: the AWS-provided lenses, then the account's custom
 * lenses (oldest first). A custom lens is listed once as PUBLISHED (its latest
 * version) and once as DRAFT while it has an unpublished draft; LensStatus
 * picks which. Lenses shared with the principal follow as CUSTOM_SHARED.
 */

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

function customSummary(lens: CustomLensRecord, published: CustomLensVersionRecord | undefined, type = 'CUSTOM_SELF') {
  return {
    LensArn: lens.arn,
    LensAlias: lens.arn,
    LensName: published?.name ?? lens.name,
    LensType: type,
    Description: published?.description ?? lens.description,
    LensVersion: published?.version,
    LensStatus: published ? 'PUBLISHED' : 'DRAFT',
    Owner: lens.accountId,
    CreatedAt: seconds(lens.createdAt),
    UpdatedAt: seconds(published ? published.createdAt : (lens.draftUpdatedAt ?? lens.updatedAt)),
  };
}

type Summary = ReturnType<typeof officialSummary> | ReturnType<typeof customSummary>;

const isAfterKey = (v: unknown): v is { k: string } => typeof v === 'object' && v !== null && typeof (v as { k: unknown }).k === 'string';

export async function listLenses(
  ctx: ServiceContext,
  principal: Principal,
  input: { NextToken?: string; MaxResults?: number; LensType?: string; LensStatus?: string; LensName?: string },
) {
  const after = decodeToken(input.NextToken, isAfterKey)?.k;
  const limit = input.MaxResults ?? 50;
  const status = input.LensStatus ?? 'ALL';
  const name = input.LensName?.toLowerCase();
  const nameMatches = (s: Summary) =>
    !name || s.LensName.toLowerCase().includes(name) || (s.LensType === 'AWS_OFFICIAL' && s.LensAlias.includes(name));
  // Keys order the combined list, so a page boundary stays put while lenses are added or removed.
  const entries: Array<{ key: string; summary: Summary }> = [];
  if ((!input.LensType || input.LensType === 'AWS_OFFICIAL') && status !== 'DRAFT') {
    ctx.catalog.builtins.forEach((l, i) => entries.push({ key: `0 ${String(i).padStart(4, '0')}`, summary: officialSummary(l) }));
  }
  if (!input.LensType || input.LensType === 'CUSTOM_SELF') {
    await read(ctx, async (trx) => {
      for (const lens of await listAccountLenses(trx, principal.accountId)) {
        const at = `1 ${String(lens.createdAt).padStart(15, '0')} ${lens.arn}`;
        if (lens.latestVersion && status !== 'DRAFT') {
          const published = (await listLensVersions(trx, lens.arn)).find((v) => v.version === lens.latestVersion);
          entries.push({ key: `${at} 0`, summary: customSummary(lens, published) });
        }
        if (lens.draftJson !== null && status !== 'PUBLISHED') entries.push({ key: `${at} 1`, summary: customSummary(lens, undefined) });
      }
    });
  }
  if ((!input.LensType || input.LensType === 'CUSTOM_SHARED') && status !== 'DRAFT') {
    await read(ctx, async (trx) => {
      // Shared lenses show their latest published version, and stay while shared even after their owner deleted them.
      const grants = await sharedLensGrants(trx, principal);
      for (const lens of await findCustomLenses(trx, [...grants.keys()])) {
        if (!lens.latestVersion) continue;
        const published = (await listLensVersions(trx, lens.arn)).find((v) => v.version === lens.latestVersion);
        entries.push({ key: `2 ${String(lens.createdAt).padStart(15, '0')} ${lens.arn}`, summary: customSummary(lens, published, 'CUSTOM_SHARED') });
      }
    });
  }
  const page = entries.filter((e) => (after === undefined || e.key > after) && nameMatches(e.summary)).sort((a, b) => (a.key < b.key ? -1 : 1));
  const items = page.slice(0, limit);
  return {
    LensSummaries: items.map((e) => e.summary),
    NextToken: page.length > limit ? encodeToken({ k: items[items.length - 1].key }) : undefined,
  };
}

/** The owner's lens, or a lens shared with the principal (with the share); anything else is not found. */
async function visibleLens(ctx: ServiceContext, trx: Trx, principal: Principal, alias: string) {
  const found = await findCustomLens(trx, alias);
  if (found && found.accountId !== principal.accountId && found.latestVersion) {
    const grant = await lensGrant(trx, principal, found.arn);
    if (grant) return { lens: found, grant };
  }
  return { lens: await ownedLens(ctx, trx, principal, alias, { operation: 'GetLens' }), grant: undefined };
}

/** A custom lens shows its latest published version unless LensVersion names another; a lens never published shows its draft. */
export async function getLens(ctx: ServiceContext, principal: Principal, input: { LensAlias: string; LensVersion?: string }) {
  const alias = ctx.catalog.officialAlias(input.LensAlias);
  if (alias) {
    const builtin = ctx.catalog.official(alias)!;
    const version = input.LensVersion ? builtin.versions.find((v) => v.version === input.LensVersion) : builtin.current;
    if (!version) {
      throw new NotFoundError(`Lens ${input.LensAlias} has no version ${input.LensVersion}`, input.LensAlias, 'LENS');
    }
    return { Lens: { LensArn: version.arn, LensVersion: version.version, Name: version.name, Description: version.description, Owner: 'aws' } };
  }
  return read(ctx, async (trx) => {
    const { lens, grant } = await visibleLens(ctx, trx, principal, input.LensAlias);
    const wanted = input.LensVersion ?? lens.latestVersion;
    const version = wanted ? (await listLensVersions(trx, lens.arn)).find((v) => v.version === wanted) : undefined;
    if (wanted && !version) throw new NotFoundError(`Lens ${input.LensAlias} has no version ${wanted}`, input.LensAlias, 'LENS');
    const tags = grant ? {} : await listTags(trx, lens.arn);
    return {
      Lens: {
        LensArn: lens.arn,
        LensVersion: version?.version,
        Name: version?.name ?? lens.name,
        Description: version?.description ?? lens.description,
        Owner: lens.accountId,
        ShareInvitationId: grant?.recipientAccountId ? grant.invitationId : undefined,
        Tags: Object.keys(tags).length ? tags : undefined,
      },
    };
  });
}
