import { NotFoundError, ValidationError } from '../../domain/errors';
import type { Trx } from '../../store/database';
import { findCustomLens, type CustomLensRecord } from '../../store/lenses.repo';
import type { ServiceContext } from '../context';
import type { Principal } from '../principal';

/**
 * The custom lens a request names, if the principal owns it. Lenses of other
 * accounts and deleted lenses are reported exactly like lenses that do not exist.
 */

export const lensNotFound = (alias: string) => new NotFoundError(`Lens ${alias} was not found`, alias, 'LENS');

export async function ownedLens(
  ctx: ServiceContext,
  trx: Trx,
  principal: Principal,
  alias: string,
  options: { lock?: boolean; operation: string },
): Promise<CustomLensRecord> {
  if (ctx.catalog.officialAlias(alias)) {
    throw ValidationError.field('LensAlias', `${options.operation} applies to custom lenses only; ${alias} is provided by AWS`);
  }
  const lens = await findCustomLens(trx, alias, options.lock && ctx.store.dialect === 'postgres');
  if (!lens || lens.accountId !== principal.accountId || lens.deletedAt !== null) throw lensNotFound(alias);
  return lens;
}
