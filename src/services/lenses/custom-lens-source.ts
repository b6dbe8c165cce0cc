import { ValidationError } from '../../domain/errors';
import { compileLens, type CompiledLens } from '../../domain/lens/compiled-lens';
import type { LensDocument } from '../../domain/lens/types';
import type { Store } from '../../store/database';
import { findCustomLenses, findLensVersionJsons, listReviewedCustomVersions, type CustomLensRecord } from '../../store/lenses.repo';
import type { ServiceContext } from '../context';
import type { Principal } from '../principal';
import { lensGrant } from '../shares/recipient-access';
import type { Conn, CustomLensSource } from './catalog';

/**
 * Custom lenses for the catalog, from the store. Published versions never
 * change, so each is compiled once per process and kept. Which version is the
 * latest, and whether the lens was deleted, is read from the database through
 * the request's transaction (`prepare`, `current`), so several processes on one
 * PostgreSQL database agree; `revision` keeps a slower reader from replacing a
 * newer state with an older one.
 */

interface Head {
  accountId: string;
  revision: number;
  latestVersion: string | null;
  deleted: boolean;
}

const versionKey = (arn: string, version: string) => `${arn} ${version}`;

export function compileCustomLens(arn: string, version: string, owner: string, lensJson: string): CompiledLens {
  const document = JSON.parse(lensJson) as LensDocument;
  return compileLens({ alias: arn, arn, version, owner, type: 'CUSTOM' }, document);
}

export class StoreCustomLenses implements CustomLensSource {
  private readonly heads = new Map<string, Head>();
  private readonly compiled = new Map<string, CompiledLens>();

  constructor(private readonly store: Store) {}

  /** Compiles the versions reviews are on, so the hot paths find them without a query. */
  async warm(): Promise<void> {
    await this.prepare(
      this.store.db,
      (await listReviewedCustomVersions(this.store.db)).map((r) => ({ lensKey: r.arn, lensVersion: r.version })),
    );
  }

  /** Records lens states read from the store, keeping the newest seen. */
  remember(lenses: CustomLensRecord[]): void {
    for (const lens of lenses) {
      const known = this.heads.get(lens.arn);
      if (known && known.revision > lens.revision) continue;
      this.heads.set(lens.arn, { accountId: lens.accountId, revision: lens.revision, latestVersion: lens.latestVersion, deleted: lens.deletedAt !== null });
    }
  }

  /** Another process changed a lens: heads are read again when next needed (compiled versions never change). */
  forgetHeads(): void {
    this.heads.clear();
  }

  /** Reads a lens's state after the transaction that changed it committed (never call it inside a transaction). */
  async refresh(arn: string): Promise<void> {
    this.remember(await findCustomLenses(this.store.db, [arn]));
  }

  /** Keeps a version compiled during its publishing transaction; `forget` it if that transaction fails. */
  add(lens: CompiledLens): void {
    this.compiled.set(versionKey(lens.arn, lens.version), lens);
  }

  forget(arn: string, version: string): void {
    this.compiled.delete(versionKey(arn, version));
  }

  async prepare(conn: Conn, refs: ReadonlyArray<{ lensKey: string; lensVersion?: string }>): Promise<void> {
    const arns = [...new Set(refs.map((r) => r.lensKey))];
    this.remember(await findCustomLenses(conn, arns));
    const missing = refs
      .filter((r): r is { lensKey: string; lensVersion: string } => r.lensVersion !== undefined && !this.compiled.has(versionKey(r.lensKey, r.lensVersion)))
      .map((r) => ({ arn: r.lensKey, version: r.lensVersion }));
    for (const row of await findLensVersionJsons(conn, missing)) {
      const owner = this.heads.get(row.lens_arn)?.accountId ?? '';
      this.add(compileCustomLens(row.lens_arn, row.version, owner, row.lens_json));
    }
  }

  /** The owner's account may apply its lens, and so may those it shared the lens with. */
  async current(principal: Principal, arn: string, conn: Conn): Promise<CompiledLens | undefined> {
    const [lens] = await findCustomLenses(conn, [arn]);
    if (!lens || lens.deletedAt !== null) return undefined;
    if (lens.accountId !== principal.accountId && !(await lensGrant(conn, principal, arn))) return undefined;
    if (!lens.latestVersion) throw new ValidationError(`Lens ${arn} is a draft: publish a version (CreateLensVersion) before applying it`);
    this.remember([lens]);
    return this.versionIn(conn, arn, lens.latestVersion);
  }

  /** A version, loaded through `conn` when this process has not compiled it yet. */
  async versionIn(conn: Conn, arn: string, version: string): Promise<CompiledLens | undefined> {
    if (!this.compiled.has(versionKey(arn, version))) await this.prepare(conn, [{ lensKey: arn, lensVersion: version }]);
    return this.compiled.get(versionKey(arn, version));
  }

  async version(arn: string, version: string): Promise<CompiledLens | undefined> {
    const known = this.compiled.get(versionKey(arn, version));
    if (known) return known;
    return this.versionIn(this.outsideConnection(), arn, version);
  }

  async latestVersion(arn: string): Promise<string | undefined> {
    if (!this.heads.has(arn)) await this.prepare(this.outsideConnection(), [{ lensKey: arn }]);
    const head = this.heads.get(arn);
    return head && !head.deleted ? (head.latestVersion ?? undefined) : undefined;
  }

  /**
   * For a lens nobody prepared (another process published it since): PostgreSQL
   * can read it on a second pooled connection. SQLite has one connection, held by
   * the caller's transaction, and one process, which prepared everything it
   * wrote; reaching here on SQLite is a bug, reported rather than waited on forever.
   */
  private outsideConnection(): Conn {
    if (this.store.dialect === 'sqlite') throw new Error('A custom lens was used before being prepared in this transaction');
    return this.store.db;
  }
}

/** Registers the store's custom lenses in the catalog; app.ts does it once at start-up. */
export async function registerCustomLenses(ctx: ServiceContext): Promise<void> {
  const source = new StoreCustomLenses(ctx.store);
  await source.warm();
  ctx.caches.versions.subscribe('lenses', () => source.forgetHeads());
  ctx.catalog.custom = source;
}

/** The registered store-backed custom lens source. */
export function customLenses(ctx: ServiceContext): StoreCustomLenses {
  const source = ctx.catalog.custom;
  if (!(source instanceof StoreCustomLenses)) throw new Error('Custom lenses are not registered in the lens catalog');
  return source;
}
