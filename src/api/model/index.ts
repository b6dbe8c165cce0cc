import { readFileSync } from 'node:fs';

/**
 * The two API models served by the one pipeline (src/api/app.ts): the
 * WellArchitected API (facts of the wire API, kept verbatim beside this file)
 * and Plumbline's own API (plumbline-*.json: admin, audit lookup, event targets,
 * exports and imports, template application, console routes), written in the
 * same shape. Routes and constraint tables are built from them; nothing about
 * an operation's shape is written out by hand.
 */

/** `payload`: the whole JSON body is the member (an imported workload file). */
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
  method: string;
  uri: string;
  inputShape: string | null;
  input: OperationMember[];
  output: OperationMember[];
}

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

export const operationByName = new Map(servedOperations.map((op) => [op.name, op]));
