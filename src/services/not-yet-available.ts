import { ValidationError } from '../domain/errors';

/** Operations a later release builds: a clear refusal, never a fake success. */
export const notYetAvailable = (what: string) =>
  new ValidationError(`${what} is not yet available in this version of Plumbline (see the README for what is)`, [], 'OTHER');
