import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { ValidationError, type FieldProblem } from '../../domain/errors';
import { parseGenericFinding, type Finding } from '../../domain/checks/finding';
import { fromProwler, prowlerSource, type ProwlerMapping } from '../../domain/checks/prowler';
import { jsonArrayElements } from './json-array-elements';

/**
 * Reads a scanner's file as a stream, one finding at a time, so that a file of
 * hundreds of megabytes never sits in memory whole. Malformed findings are
 * collected (the first MAX_SHOWN with their place in the file, and a count) and
 * the import is refused as a whole: nothing of a file that is partly wrong is kept.
 */

export const CHECK_FORMATS = ['PROWLER_OCSF', 'JSONL'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

const MAX_SHOWN = 20;

export interface FindingSink {
  add(finding: Finding): void;
}

export interface ReadSummary {
  /** The scanner's name as the file gives it (Prowler files), if any. */
  source?: string;
  /** Well-Architected requirement ids the scanner's mapping does not know (Prowler files). */
  unknownRequirements: Set<string>;
}

class Problems {
  readonly shown: FieldProblem[] = [];
  count = 0;
  add(place: string, problems: FieldProblem[]) {
    for (const p of problems) {
      this.count += 1;
      if (this.shown.length < MAX_SHOWN) this.shown.push({ Name: `${place}${p.Name.startsWith('(') ? '' : '.'}${p.Name}`, Message: p.Message });
    }
  }
  throwIfAny() {
    if (!this.count) return;
    const listed = this.count > this.shown.length ? ` (the first ${this.shown.length} are listed)` : '';
    const first = this.shown.map((p) => `${p.Name}: ${p.Message}`).slice(0, 3).join('; ');
    throw new ValidationError(`The file has ${this.count} problem(s) in its findings${listed}, nothing was imported: ${first}`, this.shown);
  }
}

/** A stream's parse error as the caller's mistake, with where it happened when the parser says. */
function unreadable(format: string, error: unknown): ValidationError {
  if (error instanceof ValidationError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new ValidationError(`The file is not valid ${format}: ${detail}`, [], 'CANNOT_PARSE');
}

async function readProwler(body: Readable, mapping: ProwlerMapping, sink: FindingSink): Promise<ReadSummary> {
  const summary: ReadSummary = { unknownRequirements: new Set() };
  const problems = new Problems();
  for await (const { index, value } of jsonArrayElements(body)) {
    const read = fromProwler(value, mapping);
    read.unknownRequirements.forEach((r) => summary.unknownRequirements.add(r));
    summary.source ??= prowlerSource(value);
    if (read.finding) sink.add(read.finding);
    else problems.add(`[${index}]`, read.problems);
  }
  problems.throwIfAny();
  return summary;
}

async function readJsonLines(body: Readable, now: number, sink: FindingSink): Promise<ReadSummary> {
  const problems = new Problems();
  const lines = createInterface({ input: body, crlfDelay: Infinity });
  let bodyError: Error | undefined;
  body.on('error', (error: Error) => {
    bodyError ??= error;
    lines.close();
  });
  let number = 0;
  try {
    for await (const line of lines) {
      number += 1;
      if (line.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        problems.add(`line ${number}`, [{ Name: '(line)', Message: `is not JSON: ${(error as Error).message}` }]);
        continue;
      }
      const read = parseGenericFinding(value, now);
      if (read.finding) sink.add(read.finding);
      else problems.add(`line ${number}`, read.problems);
    }
  } catch (error) {
    throw bodyError ?? unreadable('JSON lines', error);
  }
  if (bodyError) throw bodyError;
  problems.throwIfAny();
  return { unknownRequirements: new Set() };
}

export function readFindings(format: CheckFormat, body: Readable, mapping: ProwlerMapping, now: number, sink: FindingSink): Promise<ReadSummary> {
  return format === 'PROWLER_OCSF' ? readProwler(body, mapping, sink) : readJsonLines(body, now, sink);
}
