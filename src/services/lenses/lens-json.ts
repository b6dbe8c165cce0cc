import { ValidationError } from '../../domain/errors';
import type { LensDocument } from '../../domain/lens/types';
import { describeFinding } from '../../domain/lens/lens-finding';
import { validateLensJson } from '../../domain/lens/validate';

/**
 * A lens file checked against every rule of the lens format. A bad file is
 * refused with one field per violation: Name is where (a JSON path, or `$` for
 * the file itself: size, or syntax with line and column), Message says what is
 * wrong, names the question it is in, and ends with the rule's code in brackets, as
 * `plumbline lens validate` prints it. Warnings (an empty url, no default rule) do not
 * stop an import: the hosted service accepts those files.
 */
export function checkedLensJson(text: string): LensDocument {
  const { lens, findings } = validateLensJson(text);
  if (lens) return lens;
  throw ValidationError.fields(findings.map((f) => ({ Name: f.path, Message: describeFinding(f) })));
}
