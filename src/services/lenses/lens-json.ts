import { ValidationError } from '../../domain/errors';
import type { LensDocument } from '../../domain/lens/types';
import { validateLensJson } from '../../domain/lens/validate';

/**
 * A lens file checked against every rule of the lens format. A bad file is
 * refused with one field per violation: Name is where (a JSON path, or `$` for
 * the file itself: size, or syntax with line and column), Message says what is
 * wrong and ends with the rule's code in brackets, as `plumbline lens validate` prints it.
 */
export function checkedLensJson(text: string): LensDocument {
  const { lens, findings } = validateLensJson(text);
  if (lens) return lens;
  throw ValidationError.fields(findings.map((f) => ({ Name: f.path, Message: `${f.message} [${f.rule}]` })));
}
