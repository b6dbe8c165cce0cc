/**
 * Where a value sits in JSON text, by a path such as `pillars[2].questions[0].title`
 * (the lens validator's paths; `$` is the document). Lets the console show the line
 * and column of each lens problem, so a user finds it in their editor. A path to a
 * missing member (a required key left out) gives the nearest enclosing value that
 * exists, with `exact` false.
 */

export interface JsonLocation {
  line: number;
  column: number;
  exact: boolean;
}

type Step = string | number;

export function parsePath(path: string): Step[] {
  if (path === '$' || path === '') return [];
  const steps: Step[] = [];
  for (const match of path.replace(/^\$\.?/, '').matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    steps.push(match[2] !== undefined ? Number(match[2]) : match[1]);
  }
  return steps;
}

/**
 * A small scanner over valid JSON: records where each value on the path starts. `doc` is
 * the text already parsed, when the caller locates many paths in one text.
 */
export function locateJsonPath(text: string, path: string, doc: unknown = undefined): JsonLocation | undefined {
  const steps = parsePath(path);
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const skipString = (): string => {
    const start = ++i;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    return JSON.parse(`"${text.slice(start, i++)}"`) as string;
  };
  // Skips one value; when `depth` < steps.length and the value is the container the
  // next step enters, descends instead and returns the offset found there.
  const value = (depth: number): number | undefined => {
    ws();
    const start = i;
    if (depth === steps.length) {
      skip();
      return start;
    }
    const step = steps[depth];
    if (text[i] === '{') {
      i++;
      ws();
      while (text[i] !== '}') {
        ws();
        const key = skipString();
        ws();
        i++; // ':'
        if (key === step) return value(depth + 1) ?? start;
        skip();
        ws();
        if (text[i] === ',') i++;
        ws();
      }
      return start;
    }
    if (text[i] === '[') {
      i++;
      let index = 0;
      ws();
      while (text[i] !== ']') {
        if (index === step) return value(depth + 1) ?? start;
        skip();
        ws();
        if (text[i] === ',') i++;
        ws();
        index++;
      }
      return start;
    }
    return start;
  };
  const skip = () => {
    ws();
    const c = text[i];
    if (c === '"') skipString();
    else if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      while (i < text.length && text[i] !== close) {
        if (c === '{') {
          skipString();
          ws();
          i++;
        }
        skip();
        ws();
        if (text[i] === ',') i++;
        ws();
      }
      i++;
    } else while (i < text.length && !/[\s,\]}]/.test(text[i])) i++;
  };
  try {
    const offset = value(0);
    if (offset === undefined) return undefined;
    const before = text.slice(0, offset).split('\n');
    return { line: before.length, column: before[before.length - 1].length + 1, exact: exactPath(doc ?? JSON.parse(text), steps) };
  } catch {
    return undefined;
  }
}

/** Whether every step of the path exists in the document. */
function exactPath(doc: unknown, steps: Step[]): boolean {
  let node = doc;
  for (const step of steps) {
    if (node === null || typeof node !== 'object' || !(step in (node as object))) return false;
    node = (node as Record<string | number, unknown>)[step];
  }
  return true;
}
