import { NotFoundError } from '../../domain/errors';
import type { CompiledLens } from '../../domain/lens/compiled-lens';
import type { Db, Trx } from '../../store/database';
import type { Principal } from '../principal';
import type { BuiltinLens } from './builtin-lenses';

/**
 * Finds lens versions for reviews. AWS-provided lenses are known by alias (or
 * their ARN); custom lenses by ARN, and come from the store through the source
 * registered in `custom` (src/services/lenses/custom-lens-source.ts).
 */

/** A connection or the caller's transaction. */
export type Conn = Db | Trx;

export interface CustomLensSource {
  /**
   * Loads, through the caller's transaction, what later calls about these lens
   * versions need (latest version, compiled versions), so that `version` and
   * `latestVersion` answer from memory: on SQLite a second query outside the
   * open transaction would wait for it forever.
   */
  prepare(conn: Conn, refs: ReadonlyArray<{ lensKey: string; lensVersion?: string }>): Promise<void>;
  /** The lens version a workload would get if it applied the lens now, if the principal may apply it. */
  current(principal: Principal, arn: string, conn: Conn): Promise<CompiledLens | undefined>;
  /** A given version of a custom lens, for reviews already on it. */
  version(arn: string, version: string): Promise<CompiledLens | undefined>;
  /** The latest published version name, or undefined once the owner deleted the lens. */
  latestVersion(arn: string): Promise<string | undefined>;
}

export class LensCatalog {
  private readonly byAlias: Map<string, BuiltinLens>;
  custom?: CustomLensSource;

  constructor(readonly builtins: BuiltinLens[]) {
    this.byAlias = new Map(builtins.map((b) => [b.alias, b]));
  }

  /** The alias of an AWS-provided lens given by alias or ARN, if it is one. */
  officialAlias(aliasOrArn: string): string | undefined {
    const m = /^arn:aws[-a-z]*:wellarchitected:[a-z0-9-]*:(?:aws)?:lens\/([A-Za-z0-9_-]+)$/.exec(aliasOrArn);
    const alias = m ? m[1] : aliasOrArn;
    return this.byAlias.has(alias) ? alias : undefined;
  }

  official(alias: string): BuiltinLens | undefined {
    return this.byAlias.get(alias);
  }

  /** The lens key stored on reviews: the alias for AWS lenses, the ARN for custom lenses. */
  reviewKey(aliasOrArn: string): string {
    return this.officialAlias(aliasOrArn) ?? aliasOrArn;
  }

  /** Makes the custom lenses among `refs` answerable from memory for the rest of the transaction (see CustomLensSource.prepare). */
  async prepare(conn: Conn, refs: ReadonlyArray<{ lensKey: string; lensVersion?: string }>): Promise<void> {
    const custom = refs.filter((r) => !this.byAlias.has(r.lensKey));
    if (custom.length) await this.custom?.prepare(conn, custom);
  }

  async current(principal: Principal, aliasOrArn: string, conn: Conn): Promise<CompiledLens> {
    const alias = this.officialAlias(aliasOrArn);
    const lens = alias ? this.byAlias.get(alias)?.current : await this.custom?.current(principal, aliasOrArn, conn);
    if (!lens) throw new NotFoundError(`Lens ${aliasOrArn} was not found`, aliasOrArn, 'LENS');
    return lens;
  }

  /** The status a review on `version` of the lens shows: CURRENT, NOT_CURRENT or DELETED. */
  async reviewStatus(lensKey: string, version: string): Promise<'CURRENT' | 'NOT_CURRENT' | 'DELETED'> {
    const builtin = this.byAlias.get(lensKey);
    const latest = builtin ? builtin.current.version : await this.custom?.latestVersion(lensKey);
    if (latest === undefined) return 'DELETED';
    return latest === version ? 'CURRENT' : 'NOT_CURRENT';
  }

  /** A version of an AWS-provided lens, known without the store (undefined for custom lenses). */
  builtinVersion(lensKey: string, version: string): CompiledLens | undefined {
    return this.byAlias.get(lensKey)?.versions.find((v) => v.version === version);
  }

  async version(lensKey: string, version: string): Promise<CompiledLens> {
    const builtin = this.byAlias.get(lensKey);
    const lens = builtin ? builtin.versions.find((v) => v.version === version) : await this.custom?.version(lensKey, version);
    if (!lens) throw new NotFoundError(`Lens ${lensKey} version ${version} was not found`, lensKey, 'LENS');
    return lens;
  }
}
