import { readFileSync } from 'node:fs';

/**
 * The two API models served by the one pipeline (src/api/app.ts): the
 * WellArchitected API (facts of the wire API, kept verbatim beside this file)
 * and Plumbline's own API (plumbline-*.json: admin, audit lookup, event targets,
 * exports and imports, template application, console routes), written in the
 * same shape. Routes and constraint tables are built from them; nothing about
 * an operation's shape is written out by hand.
 */

/**
 * `payload`: the whole body is the member (an imported workload file); when its
 * shape is `streaming` (a blob, as AWS models mark uploads), the body is not read
 * before the operation runs: the member is the stream (src/api/verified-body.ts).
 */
export type MemberLocation = 'path' | 'query' | 'body' | 'payload';

/** Whose operation it is: also the IAM action's prefix (`wellarchitected:GetWorkload`, `plumbline:CreateUser`). */
export type ModelService = 'wellarchitected' | 'plumbline';

export interface OperationMember {
  name: string;
  location: MemberLocation;
  wireName: string;
  required: boolean;
  type: string;
  shape: string;
  idempotencyToken?: boolean;
}

export interface OperationModel {
  name: string;
  /** What the operation does, in a line (Plumbline's model: the CLI's help). */
  documentation?: string;
  service: ModelService;
  /** `none`: the call is not signed (console sign-in: the credentials are the body). */
  authentication?: 'none';
  /** `none`: any signed caller may make it (no IAM action is evaluated). */
  authorization?: 'none';
  area: string;
  /** Plumbline's model: the ARN its IAM action is evaluated on (src/api/call-resource.ts); from the members when absent. */
  resource?: CallResourceKind;
  method: string;
  uri: string;
  inputShape: string | null;
  input: OperationMember[];
  /** The payload member that is handed over as a stream (a `streaming` shape), set at load. */
  streamingPayload?: OperationMember;
  output: OperationMember[];
}

/**
 * `account`: the account's root ARN (`AccountId`, else the caller's); `user`: the IAM user
 * (`UserName` in that account); `event-target`: the target (`TargetId`); `workloads`: each
 * of `WorkloadIds`; `created-workload`: the workload the call creates, authorized by its
 * service once it has named it.
 */
export type CallResourceKind = 'account' | 'user' | 'event-target' | 'workloads' | 'created-workload';

export interface ShapeMember {
  shape: string;
  type: string;
  required: boolean;
}

export interface Shape {
  type: string;
  members?: Record<string, ShapeMember>;
  member?: string;
  key?: string;
  value?: string;
  enum?: string[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  /** How a value failing `pattern` is described to the caller ("12 digits"); the pattern itself otherwise. */
  patternHint?: string;
  min?: number;
  max?: number;
  minItems?: number;
  maxItems?: number;
  minEntries?: number;
  maxEntries?: number;
  /** A blob read as a stream (an uploaded file), never held whole. */
  streaming?: boolean;
}

const read = (file: string) => JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8'));

const modelOf = (file: string, service: ModelService): OperationModel[] =>
  (read(file) as Omit<OperationModel, 'service'>[]).map((op) => ({ ...op, service }));

/** The 72 operations of the Well-Architected Tool (the Agent operations are another service). */
export const operations: OperationModel[] = modelOf('./wellarchitected-api.json', 'wellarchitected').filter((op) => op.area !== 'agent');

/** Plumbline's own operations. */
export const plumblineOperations: OperationModel[] = modelOf('./plumbline-api.json', 'plumbline');

/** Every operation served, both models. */
export const servedOperations: OperationModel[] = [...operations, ...plumblineOperations];

const awsShapes: Record<string, Shape> = read('./wellarchitected-shapes.json').shapes;
const ownShapes: Record<string, Shape> = read('./plumbline-shapes.json').shapes;
for (const name of Object.keys(ownShapes)) {
  // Plumbline's shapes use the AWS ones by name; a clash would silently change an AWS constraint.
  if (name in awsShapes) throw new Error(`plumbline-shapes.json redefines the AWS shape ${name}`);
}

export const shapes: Record<string, Shape> = { ...awsShapes, ...ownShapes };

for (const op of plumblineOperations) {
  for (const member of op.input) {
    if (!shapes[member.shape]?.streaming) continue;
    // Nothing but the payload can be a stream: the other members are read before the body.
    if (member.location !== 'payload') throw new Error(`${op.name}.${member.name}: only a payload member may be streaming`);
    op.streamingPayload = member;
  }
}

export const operationByName = new Map(servedOperations.map((op) => [op.name, op]));
