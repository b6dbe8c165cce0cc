/**
 * The API operations whose successful calls produce events, from the user guide's
 * "EventBridge" chapter ("The following actions result in EventBridge events"),
 * each bullet mapped to the operations that perform it:
 *
 * | bullet of the user guide                     | operations                                  |
 * |----------------------------------------------|---------------------------------------------|
 * | Creating or deleting a workload              | CreateWorkload, DeleteWorkload              |
 * | Creating a milestone                         | CreateMilestone                             |
 * | Updating the properties of a workload        | UpdateWorkload                              |
 * | Sharing or unsharing a workload              | CreateWorkloadShare, UpdateWorkloadShare, DeleteWorkloadShare |
 * | Updating the status of a share invitation    | UpdateShareInvitation                       |
 * | Adding or removing tags                      | TagResource, UntagResource                  |
 * | Updating an answer                           | UpdateAnswer                                |
 * | Updating review notes                        | UpdateLensReview                            |
 * | Adding or removing a lens from a workload    | AssociateLenses, DisassociateLenses         |
 * | Importing or exporting a custom lens         | ImportLens, ExportLens                      |
 * | Publishing a custom lens                     | CreateLensVersion (as in the sample event)  |
 * | Deleting a custom lens                       | DeleteLens                                  |
 * | Sharing or unsharing a custom lens           | CreateLensShare, DeleteLensShare            |
 *
 * Changing the permission of a workload share (UpdateWorkloadShare) counts as sharing:
 * it changes who may do what with the workload.
 */
const AWS_EVENT_ACTIONS = [
  'CreateWorkload',
  'DeleteWorkload',
  'CreateMilestone',
  'UpdateWorkload',
  'CreateWorkloadShare',
  'UpdateWorkloadShare',
  'DeleteWorkloadShare',
  'UpdateShareInvitation',
  'TagResource',
  'UntagResource',
  'UpdateAnswer',
  'UpdateLensReview',
  'AssociateLenses',
  'DisassociateLenses',
  'ImportLens',
  'ExportLens',
  'CreateLensVersion',
  'DeleteLens',
  'CreateLensShare',
  'DeleteLensShare',
];

/**
 * Plumbline's own operations that change something (every one of its model
 * but the Get* and List* reads): each raises an event named after it, so that
 * IAM changes, event-target changes, imports, template applications and
 * console sign-ins can be followed like the API's changes.
 */
export const PLUMBLINE_EVENT_ACTIONS: readonly string[] = [
  'CreateAccount',
  'CreateOrganization',
  'CreateOrganizationalUnit',
  'CreateUser',
  'DeleteUser',
  'SetPassword',
  'CreateAccessKey',
  'DeleteAccessKey',
  'PutUserPolicy',
  'DeleteUserPolicy',
  'AttachUserPolicy',
  'DetachUserPolicy',
  'SetRootPassword',
  'DeleteRootPassword',
  'CreateEventTarget',
  'UpdateEventTarget',
  'DeleteEventTarget',
  'RedriveEventTarget',
  'ImportWorkload',
  'ApplyReviewTemplate',
  'ImportCheckResults',
  'ConsoleSignIn',
  'ConsoleSignOut',
];

export const EVENT_ACTIONS: ReadonlySet<string> = new Set([...AWS_EVENT_ACTIONS, ...PLUMBLINE_EVENT_ACTIONS]);

export const EVENT_SOURCE = 'aws.wellarchitected';
export const EVENT_DETAIL_TYPE = 'AWS API Call via CloudTrail';
