import type { Readable } from 'node:stream';
import { ValidationError } from '../../domain/errors';

/**
 * The elements of a JSON array too large to hold whole (a scanner's output of
 * hundreds of megabytes), one at a time as the stream delivers them. Only the
 * array's own structure is scanned here: each element's text is handed whole to
 * JSON.parse, which is many times faster than tokenizing every value in
 * JavaScript and leaves far less garbage. A file that is not one JSON array is
 * refused with where it went wrong.
 */

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d, 0xfeff]);

const notAnArray = (message: string) => new ValidationError(`The file is not a JSON array of findings: ${message}`, [], 'CANNOT_PARSE');

export async function* jsonArrayElements(body: Readable): AsyncGenerator<{ index: number; value: unknown }> {
  body.setEncoding('utf8');
  let state = 'before' as 'before' | 'inside' | 'after';
  let depth = 0;
  let inString = false;
  let escaped = false;
  let index = 0;
  /** The current element's text from earlier chunks. */
  let carried = '';

  const element = (text: string, closing: boolean) => {
    const trimmed = text.trim();
    if (trimmed === '') {
      if (closing && index === 0) return undefined; // "[]"
      throw notAnArray(`element ${index} is empty (a stray comma?)`);
    }
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      throw notAnArray(`element ${index} is not valid JSON (${(error as Error).message})`);
    }
    return { index: index++, value };
  };

  for await (const chunk of body as AsyncIterable<string>) {
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (state === 'inside') {
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 0x5c) escaped = true;
          else if (c === 0x22) inString = false;
        } else if (c === 0x22) inString = true;
        else if (c === 0x7b || c === 0x5b) depth += 1;
        else if (c === 0x7d && depth === 1) throw notAnArray(`an unexpected '}' in element ${index}`);
        else if ((c === 0x2c && depth === 1) || ((c === 0x7d || c === 0x5d) && --depth === 0)) {
          // A comma between elements, or the array's closing bracket.
          const found = element(carried + chunk.slice(start, i), depth === 0);
          carried = '';
          start = i + 1;
          if (found) yield found;
          if (depth === 0) state = 'after';
        }
      } else if (!WHITESPACE.has(c)) {
        if (state === 'after') throw notAnArray(`text after the closing bracket at element ${index}`);
        if (c !== 0x5b) throw notAnArray("it must start with '['");
        state = 'inside';
        depth = 1;
        start = i + 1;
      }
    }
    if (state === 'inside') carried += chunk.slice(start);
  }
  if (state !== 'after') throw notAnArray(state === 'before' ? 'the file is empty' : `it ends inside element ${index} (cut short?)`);
}
