import { readFileSync } from 'node:fs';

/**
 * The WellArchitected API model (facts of the wire API, kept verbatim beside this file).
 * Routes and constraint tables are built from it; nothing about an operation's
 * shape is written out by hand.
 */

export type MemberLocation = 'path' | 'query' | 'body';

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
  min?: number;
  max?: number;
  minItems?: number;
  maxItems?: number;
  minEntries?: number;
  maxEntries?: number;
}

const read = (file: string) => JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8'));

const allOperations: OperationModel[] = read('./wellarchitected-api.json');

/** The 72 operations of the Well-Architected Tool (the Agent operations are another service). */
export const operations: OperationModel[] = allOperations.filter((op) => op.area !== 'agent');

export const shapes: Record<string, Shape> = read('./wellarchitected-shapes.json').shapes;

export const operationByName = new Map(operations.map((op) => [op.name, op]));
