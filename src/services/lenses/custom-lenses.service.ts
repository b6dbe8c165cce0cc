import { customLensArn } from '../../domain/arn';
import { ConflictError, NotFoundError, QuotaError, ValidationError } from '../../domain/errors';
import type { CompiledLens } from '../../domain/lens/compiled-lens';
import { isUniqueViolation, type Trx } from '../../store/database';
import {
  countAccountLenses,
  deleteCustomLensRow,
  findLensByNameKey,
  findLensVersionJsons,
  insertCustomLens,
  insertLensVersion,
  listLensVersions,
  updateCustomLens,
  type CustomLensRecord,
} from '../../store/lenses.repo';
import { deleteTags, listTags, putTags } from '../../store/tags.repo';
import { newAccountResource } from '../account-resources';
import { mutateRequest, read, type ServiceContext } from '../context';
import type { Principal } from '../principal';
import { moveWorkloadsOnLens } from '../reviews/upgrade.service';
import { tagProblems } from '../workloads/rules';
import { compileCustomLens, customLenses } from './custom-lens-source';
import { lensNotFound, ownedLens } from './lens-access';
import { checkedLensJson } from './lens-json';

/**
 * Custom lenses: import (a new lens, or a new draft of one), publish versions,
 * export, delete. Names are unique among an account's lenses after the hosted
 * service's normalisation (lower case, letters and digits only), and refusals are
 * worded as its are, since programs catch them by their text (aws-behaviour.md
 * items 9 and 10); the name of a deleted lens is free again.
 */

export const MAX_CUSTOM_LENSES = 15;
export const MAX_LENS_VERSIONS = 100;
const VERSION_NAME = /^[A-Za-z0-9.]{1,32}$/;

const CUSTOM_LENSES = { arn: customLensArn, max: MAX_CUSTOM_LENSES, plural: 'custom lenses', resourceType: 'LENS', count: countAccountLenses };

export const lensNameKey = (name: string) => name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

const nameTaken = (key: string) => new ValidationError(`A lens with normalized name ${key} already exists.`);

export async function importLens(
  ctx: ServiceContext,
  principal: Principal,
  input: { LensAlias?: string; JSONString: string; ClientRequestToken: string; Tags?: Record<string, string> },
) {
  const document = checkedLensJson(input.JSONString);
  const tagIssues = tagProblems(input.Tags);
  if (tagIssues.length) throw ValidationError.fields(tagIssues);
  const key = lensNameKey(document.name);
  return mutateRequest(ctx, principal, 'ImportLens', input, async (trx) => {
    const now = ctx.now();
    let lens: CustomLensRecord;
    if (input.LensAlias) {
      lens = await ownedLens(ctx, trx, principal, input.LensAlias, { lock: true, operation: 'ImportLens' });
      if (document.name !== lens.name) throw new ValidationError('Lens name must match published name');
      lens = { ...lens, name: document.name, description: document.description, draftJson: input.JSONString, draftUpdatedAt: now, updatedAt: now };
      await updateCustomLens(trx, lens, key);
    } else {
      if (await findLensByNameKey(trx, principal.accountId, key)) throw nameTaken(key);
      lens = {
        ...(await newAccountResource(ctx, trx, principal, CUSTOM_LENSES, now)),
        name: document.name,
        description: document.description,
        draftJson: input.JSONString,
        draftUpdatedAt: now,
        latestVersion: null,
        versionCount: 0,
        revision: 0,
        deletedAt: null,
      };
      try {
        await insertCustomLens(trx, lens, key);
      } catch (error) {
        if (isUniqueViolation(error)) throw nameTaken(key);
        throw error;
      }
    }
    if (input.Tags) await putTags(trx, lens.arn, input.Tags);
    // The hosted service answers with the ARN alone (aws-behaviour.md item 11).
    return { LensArn: lens.arn };
  });
}

/**
 * Publishes the draft. A minor version moves every review on the versions since
 * the last major one (the first version counts as major) to the new version at
 * once; a major version leaves reviews where they are, to be offered as an upgrade.
 */
export async function createLensVersion(
  ctx: ServiceContext,
  principal: Principal,
  input: { LensAlias: string; LensVersion: string; IsMajorVersion?: boolean; ClientRequestToken: string },
) {
  if (!VERSION_NAME.test(input.LensVersion)) {
    throw ValidationError.field('LensVersion', 'must be 1 to 32 characters, each a letter, a digit or a period');
  }
  const source = await customLenses(ctx);
  let compiled: CompiledLens | undefined;
  try {
    const result = await mutateRequest(ctx, principal, 'CreateLensVersion', input, async (trx) => {
      const lens = await ownedLens(ctx, trx, principal, input.LensAlias, { lock: true, operation: 'CreateLensVersion' });
      if (lens.draftJson === null) {
        throw ValidationError.field('LensAlias', `lens ${lens.arn} has no draft to publish; import one first`);
      }
      const versions = await listLensVersions(trx, lens.arn);
      if (versions.some((v) => v.version === input.LensVersion)) {
        throw new ConflictError(`Lens ${lens.arn} already has a version ${input.LensVersion}`, input.LensVersion, 'LENS');
      }
      if (versions.length >= MAX_LENS_VERSIONS) {
        throw new QuotaError(`A custom lens can have at most ${MAX_LENS_VERSIONS} versions`, 'versions-per-lens', 'LENS', lens.arn);
      }
      const now = ctx.now();
      compiled = compileCustomLens(lens.arn, input.LensVersion, lens.accountId, lens.draftJson);
      source.add(compiled);
      const isMajor = versions.length === 0 || input.IsMajorVersion === true;
      await insertLensVersion(
        trx,
        { lensArn: lens.arn, version: input.LensVersion, sequence: versions.length + 1, isMajor, name: compiled.name, description: compiled.description, createdAt: now },
        lens.draftJson,
      );
      const published = { ...lens, draftJson: null, draftUpdatedAt: null, latestVersion: input.LensVersion, versionCount: versions.length + 1, revision: lens.revision + 1, updatedAt: now };
      await updateCustomLens(trx, published, lensNameKey(lens.name));
      // Other processes read the lens's new head once this commits (src/services/caches/).
      await ctx.caches.versions.bump(trx, 'lenses');
      if (!isMajor) {
        const lastMajor = versions.map((v) => v.isMajor).lastIndexOf(true);
        await moveWorkloadsOnLens(ctx, trx, lens.arn, versions.slice(Math.max(0, lastMajor)).map((v) => v.version), compiled);
      }
      return { LensArn: lens.arn, LensVersion: input.LensVersion };
    });
    await source.refresh(result.LensArn);
    return result;
  } catch (error) {
    if (compiled) source.forget(compiled.arn, compiled.version);
    throw error;
  }
}

/** The lens file: of the given version, else of the latest published version, else the draft of a lens never published. */
export async function exportLens(ctx: ServiceContext, principal: Principal, input: { LensAlias: string; LensVersion?: string }) {
  if (ctx.catalog.officialAlias(input.LensAlias)) {
    throw ValidationError.field('LensAlias', `${input.LensAlias} is provided by AWS; only custom lenses can be exported`);
  }
  return read(ctx, async (trx) => {
    const lens = await ownedLens(ctx, trx, principal, input.LensAlias, { operation: 'ExportLens' });
    return { LensJSON: await lensJson(trx, lens, input.LensVersion) };
  });
}

async function lensJson(trx: Trx, lens: CustomLensRecord, version: string | undefined): Promise<string> {
  const wanted = version ?? lens.latestVersion;
  if (!wanted) {
    if (lens.draftJson !== null) return lens.draftJson;
    throw lensNotFound(lens.arn);
  }
  const [row] = await findLensVersionJsons(trx, [{ arn: lens.arn, version: wanted }]);
  if (!row) throw new NotFoundError(`Lens ${lens.arn} has no version ${wanted}`, lens.arn, 'LENS');
  return row.lens_json;
}

/**
 * DRAFT discards the draft (a lens never published goes with it); PUBLISHED
 * deletes the lens itself, draft included: it can no longer be applied, and
 * workloads already using it keep it and see it as deleted; ALL does whichever applies.
 */
export async function deleteLens(
  ctx: ServiceContext,
  principal: Principal,
  input: { LensAlias: string; ClientRequestToken: string; LensStatus: 'ALL' | 'DRAFT' | 'PUBLISHED' },
) {
  const source = await customLenses(ctx);
  await mutateRequest(ctx, principal, 'DeleteLens', input, async (trx) => {
    const lens = await ownedLens(ctx, trx, principal, input.LensAlias, { lock: true, operation: 'DeleteLens' });
    await ctx.caches.versions.bump(trx, 'lenses');
    const published = lens.latestVersion !== null;
    if (input.LensStatus === 'DRAFT' && lens.draftJson === null) {
      throw new NotFoundError(`Lens ${lens.arn} has no draft`, lens.arn, 'LENS');
    }
    if (input.LensStatus === 'PUBLISHED' && !published) {
      throw new NotFoundError(`Lens ${lens.arn} has no published version (delete its draft with LensStatus DRAFT)`, lens.arn, 'LENS');
    }
    const tags = Object.keys(await listTags(trx, lens.arn));
    if (!published) {
      await deleteTags(trx, lens.arn, tags);
      await deleteCustomLensRow(trx, lens.arn);
      return {};
    }
    const now = ctx.now();
    if (input.LensStatus === 'DRAFT') {
      await updateCustomLens(trx, { ...lens, draftJson: null, draftUpdatedAt: null, updatedAt: now }, lensNameKey(lens.name));
      return {};
    }
    const deleted = { ...lens, draftJson: null, draftUpdatedAt: null, deletedAt: now, revision: lens.revision + 1, updatedAt: now };
    await updateCustomLens(trx, deleted, null);
    await deleteTags(trx, lens.arn, tags);
    return {};
  });
  await source.refresh(input.LensAlias);
  return {};
}
