import { ValidationError } from '../../domain/errors';
import type { ServiceContext } from '../context';
import type { Principal } from '../principal';
import { updateAnswer, updateLensReview } from '../reviews/reviews.service';
import { createWorkload, deleteWorkload } from '../workloads/workloads.service';
import { WORKLOAD_DOCUMENT_FORMAT, WORKLOAD_DOCUMENT_VERSION, type WorkloadDocument } from './workload-document';

/**
 * Imports a workload file as a new workload through the same calls a client
 * would make - CreateWorkload, UpdateLensReview, UpdateAnswer - so names,
 * quotas, answers and risk counts are checked and computed exactly as there.
 * Those are separate transactions; if one fails the new workload is deleted
 * again, so an import either creates the whole workload or nothing.
 */

export function checkWorkloadDocument(doc: unknown): asserts doc is WorkloadDocument {
  const d = doc as Partial<WorkloadDocument> | null;
  if (typeof d !== 'object' || d === null || Array.isArray(d)) throw ValidationError.field('$', 'must be a JSON object exported by Plumbline');
  if (d.format !== WORKLOAD_DOCUMENT_FORMAT) throw ValidationError.field('format', `must be '${WORKLOAD_DOCUMENT_FORMAT}'`);
  if (d.version !== WORKLOAD_DOCUMENT_VERSION) throw ValidationError.field('version', `must be ${WORKLOAD_DOCUMENT_VERSION}`);
  if (typeof d.Workload !== 'object' || d.Workload === null) throw ValidationError.field('Workload', 'must be an object');
  if (!Array.isArray(d.LensReviews)) throw ValidationError.field('LensReviews', 'must be a list');
  d.LensReviews.forEach((r, i) => {
    if (typeof r !== 'object' || r === null || typeof r.LensAlias !== 'string') throw ValidationError.field(`LensReviews[${i}].LensAlias`, 'must be a string');
    if (!Array.isArray(r.Answers)) throw ValidationError.field(`LensReviews[${i}].Answers`, 'must be a list');
  });
}

/** Names problems by their place in the file, so a bad answer can be found in it. */
function within(prefix: string, error: unknown): unknown {
  if (!(error instanceof ValidationError) || !error.fields.length) return error;
  return ValidationError.fields(error.fields.map((f) => ({ Name: `${prefix}.${f.Name}`, Message: f.Message })));
}

export async function importWorkload(ctx: ServiceContext, principal: Principal, doc: WorkloadDocument, options: { WorkloadName?: string } = {}) {
  const created = await createWorkload(ctx, principal, {
    ...doc.Workload,
    WorkloadName: options.WorkloadName ?? doc.Workload.WorkloadName,
  }).catch((error: unknown) => {
    throw within('Workload', error);
  });
  const WorkloadId = created.WorkloadId;
  try {
    for (const [i, review] of doc.LensReviews.entries()) {
      const at = `LensReviews[${i}]`;
      if (review.LensNotes !== undefined || review.PillarNotes !== undefined) {
        await updateLensReview(ctx, principal, { WorkloadId, LensAlias: review.LensAlias, LensNotes: review.LensNotes, PillarNotes: review.PillarNotes }).catch(
          (error: unknown) => {
            throw within(at, error);
          },
        );
      }
      for (const [j, answer] of review.Answers.entries()) {
        try {
          await updateAnswer(ctx, principal, { WorkloadId, LensAlias: review.LensAlias, ...answer });
        } catch (error) {
          throw within(`${at}.Answers[${j}]`, error);
        }
      }
    }
  } catch (error) {
    await deleteWorkload(ctx, principal, { WorkloadId });
    throw error;
  }
  return { WorkloadId, WorkloadArn: created.WorkloadArn };
}
