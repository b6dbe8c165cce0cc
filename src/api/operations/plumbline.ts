import { readFile } from 'node:fs/promises';
import { ValidationError, type FieldProblem } from '../../domain/errors';
import { lookupAuditRecords } from '../../services/audit/lookup.service';
import { auditTrailStats } from '../../services/audit/stats.service';
import { simulateInput, simulatePermissions } from '../../services/identity/simulate-permissions';
import { signInClaimant, signIn, signOut, type SignInInput } from '../../services/console/sign-in.service';
import { deleteRootPasswordOf, getRootPassword, setRootPassword } from '../../services/console/root-password.service';
import { listCheckResources } from '../../services/checks/checks.service';
import { importChecks, type ImportChecksInput } from '../../services/checks/import.service';
import { read } from '../../services/context';
import { listEventDeliveries } from '../../services/events/deliveries.service';
import { createEventTarget, deleteEventTarget, getEventTarget, listEventTargets, redriveEventTarget, updateEventTarget } from '../../services/events/targets.service';
import { lensReviewCsv, lensReviewMarkdown } from '../../services/export/lens-review-text';
import { exportWorkload, type WorkloadDocument } from '../../services/export/workload-document';
import { checkWorkloadDocument, importWorkload } from '../../services/export/workload-import';
import { createAccount, createOrganization, createOrganizationalUnit, listAccounts } from '../../services/identity/organizations.service';
import { attachUserPolicy, deleteUserPolicy, detachUserPolicy, listUserPolicies, putUserPolicy } from '../../services/identity/user-policies';
import { createAccessKey, createUser, deleteAccessKey, deleteUser, listAccessKeys, listUsers, setPassword } from '../../services/identity/users.service';
import { getDraftDifference } from '../../services/lenses/draft-difference.service';
import { lensReviewReportData } from '../../services/reports/lens-review-data';
import { renderLensReviewPdf } from '../../services/reports/lens-review-pdf';
import { getPracticeRisks } from '../../services/reviews/practice-risks.service';
import { listLensReviewChecks } from '../../services/checks/lens-review-checks.service';
import { applyTemplateToWorkloads, type ApplyMode } from '../../services/templates/apply';
import { getWorkloadRiskCounts } from '../../services/workloads/workloads.service';
import { checkValue } from '../input';
import { checkSignInRequest } from '../console-guard';
import { defineOperation, RawAnswer, type Operation } from '../operation';
import type { StreamedPayload } from '../verified-body';

/**
 * Plumbline's own operations (src/api/model/plumbline-api.json), each bound to
 * its service. They are served by the same pipeline as the AWS operations:
 * the model gives their routes and constraints, the pipeline authenticates,
 * validates, authorizes `plumbline:<Name>`, audits and raises events; a row
 * here only says which service answers.
 */

/** The template file's text, read at each call so that it is always the file as written. */
export const LENS_TEMPLATE_URL = new URL('../../lenses/template.json', import.meta.url);
export const readLensTemplate = (): Promise<string> => readFile(LENS_TEMPLATE_URL, 'utf8');

const PLACEHOLDER_ID = '0'.repeat(32);

/** Checks the file's parts against the same model constraints as the API calls the import makes. */
function checkDocumentShapes(doc: WorkloadDocument, workloadName: string | undefined): void {
  // The import makes its own token; the name may be replaced by the caller's.
  const workload = { ...doc.Workload, WorkloadName: workloadName ?? doc.Workload.WorkloadName, ClientRequestToken: 'import' };
  const problems: FieldProblem[] = [];
  checkValue(workload, 'CreateWorkloadInput', 'Workload', problems);
  if (doc.WorkloadUpdates) checkValue({ WorkloadId: PLACEHOLDER_ID, ...doc.WorkloadUpdates }, 'UpdateWorkloadInput', 'WorkloadUpdates', problems);
  doc.Milestones?.forEach((m, i) =>
    checkValue({ WorkloadId: PLACEHOLDER_ID, MilestoneName: m.MilestoneName, ClientRequestToken: 'import' }, 'CreateMilestoneInput', `Milestones[${i}]`, problems),
  );
  doc.LensReviews.forEach((review, i) => {
    const ref = { WorkloadId: PLACEHOLDER_ID, LensAlias: review.LensAlias };
    checkValue({ ...ref, LensNotes: review.LensNotes, PillarNotes: review.PillarNotes }, 'UpdateLensReviewInput', `LensReviews[${i}]`, problems);
    review.Answers.forEach((answer, j) => checkValue({ ...ref, ...answer }, 'UpdateAnswerInput', `LensReviews[${i}].Answers[${j}]`, problems));
  });
  if (problems.length) throw ValidationError.fields(problems);
}

interface ExportInput {
  WorkloadId: string;
  LensAlias: string;
  Format: 'CSV' | 'MARKDOWN' | 'PDF';
  MilestoneNumber?: number;
}

export const plumblineOperations: Operation[] = [
  defineOperation('CreateAccount', createAccount),
  defineOperation('ListAccounts', listAccounts),
  defineOperation('CreateOrganization', createOrganization),
  defineOperation('CreateOrganizationalUnit', createOrganizationalUnit),
  defineOperation('CreateUser', createUser),
  defineOperation('ListUsers', listUsers),
  defineOperation('DeleteUser', deleteUser),
  defineOperation('SetPassword', setPassword),
  defineOperation('CreateAccessKey', createAccessKey),
  defineOperation('ListAccessKeys', listAccessKeys),
  defineOperation('DeleteAccessKey', deleteAccessKey),
  defineOperation('ListUserPolicies', listUserPolicies),
  defineOperation('PutUserPolicy', putUserPolicy),
  defineOperation('DeleteUserPolicy', deleteUserPolicy),
  defineOperation('AttachUserPolicy', attachUserPolicy),
  defineOperation('DetachUserPolicy', detachUserPolicy),
  defineOperation('GetRootPassword', getRootPassword),
  defineOperation('SetRootPassword', setRootPassword),
  defineOperation('DeleteRootPassword', deleteRootPasswordOf),
  defineOperation('ListAuditRecords', lookupAuditRecords),
  defineOperation('GetAuditTrailStats', auditTrailStats),
  defineOperation('CreateEventTarget', createEventTarget),
  defineOperation('ListEventTargets', listEventTargets),
  defineOperation('GetEventTarget', getEventTarget),
  defineOperation('UpdateEventTarget', updateEventTarget),
  defineOperation('DeleteEventTarget', deleteEventTarget),
  defineOperation('ListEventDeliveries', listEventDeliveries),
  defineOperation('RedriveEventTarget', redriveEventTarget),
  defineOperation('GetWorkloadExport', async (ctx, principal, input: { WorkloadId: string; MilestoneNumber?: number }) => {
    const doc = await exportWorkload(ctx, principal, input);
    return new RawAnswer('application/json', JSON.stringify(doc, null, 2));
  }),
  defineOperation('GetLensReviewExport', async (ctx, principal, input: ExportInput) => {
    const data = await read(ctx, (trx) => lensReviewReportData(ctx, trx, principal, input));
    if (input.Format === 'PDF') return new RawAnswer('application/pdf', await renderLensReviewPdf(data));
    if (input.Format === 'CSV') return new RawAnswer('text/csv; charset=utf-8', lensReviewCsv(data));
    return new RawAnswer('text/markdown; charset=utf-8', lensReviewMarkdown(data));
  }),
  defineOperation('ImportWorkload', async (ctx, principal, input: { WorkloadDocument: unknown; WorkloadName?: string }) => {
    const doc = input.WorkloadDocument;
    checkWorkloadDocument(doc);
    checkDocumentShapes(doc, input.WorkloadName);
    // The import authorizes each action it performs, besides plumbline:ImportWorkload (services/export/workload-import.ts).
    return importWorkload(ctx, principal, doc, { WorkloadName: input.WorkloadName });
  }),
  defineOperation('ApplyReviewTemplate', async (ctx, principal, input: { TemplateArn: string; WorkloadIds: string[]; Mode: ApplyMode }) => {
    // The service authorizes what the same changes through the API would need, besides plumbline:ApplyReviewTemplate.
    return applyTemplateToWorkloads(ctx, principal, input);
  }),
  defineOperation('GetPracticeRisks', getPracticeRisks),
  // The file is read only once the service is ready for it; its bytes are checked against the signed SHA-256 as they come.
  defineOperation('ImportCheckResults', (ctx, principal, input: ImportChecksInput & { Findings: StreamedPayload }) =>
    importChecks(ctx, principal, input, () => input.Findings.open()),
  ),
  defineOperation('ListCheckResources', listCheckResources),
  defineOperation('GetWorkloadRiskCounts', getWorkloadRiskCounts),
  defineOperation('ListLensReviewChecks', listLensReviewChecks),
  defineOperation('GetLensDraftDifference', getDraftDifference),
  defineOperation('GetLensTemplate', async () => ({ LensJSON: await readLensTemplate() })),
  // Needs no permission of its own: it speaks only of the caller's own policies.
  defineOperation('SimulatePermissions', async (ctx, principal, input: { SimulationRequest: unknown }) => {
    const result = await simulatePermissions(ctx, principal, simulateInput(input.SimulationRequest as Record<string, unknown>));
    return new RawAnswer('application/json', JSON.stringify(result), { 'cache-control': 'no-store' }, result);
  }),
  {
    ...defineOperation('ConsoleSignIn', async (ctx, _principal, input: SignInInput, call) => {
    // Unsigned: the record names who signed in, or who was claimed when that identity exists.
    try {
      const session = await signIn(ctx, input, call.sourceIp);
      call.principal = { accountId: session.AccountId, arn: session.Arn, userName: session.UserName, accessKeyId: session.AccessKeyId };
      return new RawAnswer('application/json', JSON.stringify(session), { 'cache-control': 'no-store' }, session);
    } catch (error) {
      call.principal ??= await signInClaimant(ctx, input);
      throw error;
    }
    }),
    guard: checkSignInRequest,
  },
  defineOperation('ConsoleSignOut', signOut),
];
