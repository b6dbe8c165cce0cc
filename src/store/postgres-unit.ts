import type { CompiledQuery, DatabaseConnection, DialectAdapter, QueryResult } from 'kysely';
import type pg from 'pg';
import type { Db, Trx } from './database';

/**
 * A unit of work on PostgreSQL (./unit-of-work.ts), counted in round trips,
 * which is what a call costs there: each is a write and a read on the socket
 * (on loopback most of a small call's CPU time) and a wait for the server.
 *
 * - The pool's connections are in pg's pipeline mode, and the unit writes what
 *   it has to send at once as one packet: BEGIN goes with the unit's first
 *   statements, COMMIT with its last writes, so a change that reads once and
 *   writes once (UpdateAnswer) costs two round trips, a read one.
 * - Statements of the prepared queries (./prepared.ts) are named prepared
 *   statements on each connection: parsed and planned once per connection, not
 *   on every call.
 * - Its writes (statements that return no rows) are held, not sent, and go
 *   together as one statement - each a data-modifying WITH query - when the unit
 *   next reads or commits. Two writes to the same table never share a statement
 *   (PostgreSQL would apply only one of two updates of a row in one statement),
 *   and a held write's error surfaces at that next read or commit, inside the
 *   same transaction, which then rolls back. A unit whose only statements are
 *   its held writes sends them alone, without BEGIN and COMMIT: one statement
 *   is atomic by itself.
 * - Its reads (SELECT statements) issued together - a service awaiting several
 *   reads at once with Promise.all - are sent together once the process has no
 *   more JavaScript to run (process.nextTick from a promise job runs after every
 *   queued promise job), however many awaits each took to get here. Locking
 *   reads (FOR UPDATE) go first, each as itself; the others follow as one
 *   statement, each read a subquery whose rows come back as a JSON array
 *   (columns are text, integers and bigints, which JSON carries as the driver
 *   would). Under READ COMMITTED every statement takes its own snapshot, so the
 *   reads sent after a lock see what the lock's previous holder committed.
 * - A read-only unit runs without BEGIN and COMMIT: under READ COMMITTED (the
 *   default, and Plumbline's) every statement sees its own snapshot either way,
 *   so the two round trips bought nothing (and reads sent together share one).
 */

const pools = new WeakMap<DialectAdapter, pg.Pool>();

/** Called by openStore: units of work on this store check their connections out of `pool`. */
export function registerPostgresPool(db: Db, pool: pg.Pool): void {
  pools.set(db.getExecutor().adapter, pool);
}

export const postgresPoolOf = (adapter: DialectAdapter): pg.Pool | undefined => pools.get(adapter);

// Statement text -> name. Only the prepared queries' texts (and their combinations) are
// named, so the set is bounded by the code, not by the data.
const names = new Map<string, string>();

/** Makes `sql` a named prepared statement on every connection that runs it. */
export function nameStatement(sql: string): void {
  if (!names.has(sql)) names.set(sql, `plumbline_${names.size}`);
}

interface PendingRead {
  sql: string;
  parameters: readonly unknown[];
  resolve(result: QueryResult<unknown>): void;
  reject(error: unknown): void;
}

interface HeldWrite {
  sql: string;
  parameters: readonly unknown[];
  table: string;
}

const WRITE_TARGET = /^(?:insert into|update|delete from) "([^"]+)"/;
const PARAMETER = /\$(\d+)/g;
const COUNTED = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);
const READ = /^\s*select\s/i;
const LOCKING = /\sfor (?:update|no key update|share|key share)(?:\s|$)/i;

/** Renumbers `sql`'s parameters by `shift`, for a statement built of several. */
const shifted = (sql: string, shift: number) => (shift === 0 ? sql : sql.replace(PARAMETER, (_, n: string) => `$${Number(n) + shift}`));


// Statement texts of combined reads by their reads' texts: the same few combinations recur on every call.
const combinedTexts = new Map<string, string>();
const MAX_COMBINED_TEXTS = 1000;

interface Statement {
  sql: string;
  parameters: readonly unknown[];
}

/**
 * Several statements as one: each part's text from `part` (given its index and its text
 * with parameters renumbered to follow the earlier parts'), joined by `join`. The same few
 * combinations recur on every call, so their texts are kept.
 */
function combinedStatement(kind: 'reads' | 'writes', statements: Statement[], part: (sql: string, i: number) => string, join: (parts: string[]) => string) {
  const key = `${kind}\u0001${statements.map((r) => r.sql).join('\u0000')}`;
  let sql = combinedTexts.get(key);
  if (sql === undefined) {
    let offset = 0;
    sql = join(
      statements.map((r, i) => {
        const shift = offset;
        offset += r.parameters.length;
        return part(shifted(r.sql, shift), i);
      }),
    );
    if (combinedTexts.size < MAX_COMBINED_TEXTS) combinedTexts.set(key, sql);
  }
  return { sql, parameters: statements.flatMap((r) => r.parameters) };
}

/** The held writes as one statement: each a data-modifying WITH query. */
const combinedWrites = (writes: HeldWrite[]) =>
  combinedStatement(
    'writes',
    writes,
    (sql, i) => `w${i} as (${sql})`,
    (parts) => `with ${parts.join(', ')} select 1`,
  );

/** Reads as one statement: one column per read, holding its rows as a JSON array. */
const combinedReads = (reads: PendingRead[]) =>
  combinedStatement(
    'reads',
    reads,
    (sql, i) => `(select coalesce(json_agg(t), '[]'::json) from (${sql}) t) as r${i}`,
    (parts) => `select ${parts.join(', ')}`,
  );

export class PostgresUnit implements DatabaseConnection {
  private held: HeldWrite[] = [];
  private reads: PendingRead[] = [];
  /** A write unit's BEGIN, not sent until the unit sends its first statement. */
  private beginPending: boolean;
  private begun = false;

  constructor(
    readonly client: pg.PoolClient,
    transactional: boolean,
  ) {
    this.beginPending = transactional;
  }

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (!READ.test(query.sql)) return this.executeAlone<R>(query);
    return new Promise<QueryResult<R>>((resolve, reject) => {
      if (!this.reads.length) process.nextTick(() => void this.sendReads());
      this.reads.push({ sql: query.sql, parameters: query.parameters, resolve: resolve as PendingRead['resolve'], reject });
    });
  }

  /** A statement that is not a read: after the reads issued before it and the held writes, in the same packet. */
  private async executeAlone<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const before = this.sendReads();
    const result = this.packet(() => this.send<R>(query.sql, query.parameters));
    await before;
    return result;
  }

  /**
   * Writes what `fn` sends - after BEGIN if the unit has not begun, and after the held
   * writes, whose changes what follows must see - as one packet. Resolves with `fn`'s
   * result, or rejects with the first error among the statements sent before it.
   */
  private packet<T>(fn: () => Promise<T>): Promise<T> {
    const stream = (this.client as unknown as { connection: { stream: { cork(): void; uncork(): void } } }).connection.stream;
    stream.cork();
    try {
      const earlier: Array<Promise<unknown>> = [];
      if (this.beginPending) {
        this.beginPending = false;
        this.begun = true;
        earlier.push(this.client.query('begin'));
      }
      const writes = this.sendHeld();
      if (writes) earlier.push(writes);
      const last = fn();
      if (!earlier.length) return last;
      // Every promise gets a handler at once (a failed BEGIN would otherwise be an unhandled rejection).
      return Promise.all([...earlier, last]).then((results) => results[results.length - 1] as T);
    } finally {
      stream.uncork();
    }
  }

  /** Sends the pending reads: locking ones first, each alone; the rest as one statement when there are several. */
  private sendReads(): Promise<void> | undefined {
    const reads = this.reads;
    if (!reads.length) return undefined;
    this.reads = [];
    const locking = reads.filter((r) => LOCKING.test(r.sql));
    const plain = locking.length ? reads.filter((r) => !locking.includes(r)) : reads;
    const settle = (group: PendingRead[], sent: Promise<Array<QueryResult<unknown>>>) =>
      sent.then(
        (results) => group.forEach((r, i) => r.resolve(results[i])),
        (error: unknown) => group.forEach((r) => r.reject(error)),
      );
    return this.packet(() =>
      Promise.all([
        ...locking.map((r) => settle([r], this.send(r.sql, r.parameters).then((result) => [result]))),
        plain.length ? settle(plain, this.sendTogether(plain)) : undefined,
      ]).then(() => undefined),
    ).catch((error: unknown) => {
      // An earlier statement of the packet failed: the reads fail with it (the transaction is lost anyway).
      for (const r of reads) r.reject(error);
    });
  }

  private async sendTogether(reads: PendingRead[]): Promise<Array<QueryResult<unknown>>> {
    if (reads.length === 1) return [await this.send(reads[0].sql, reads[0].parameters)];
    const statement = combinedReads(reads);
    // Named only when every read is (a prepared query's): the set of names stays bounded by the code.
    if (reads.every((r) => names.has(r.sql))) nameStatement(statement.sql);
    const { rows } = await this.send<Record<string, unknown[]>>(statement.sql, statement.parameters);
    return reads.map((_, i) => ({ rows: rows[0][`r${i}`] }));
  }

  private async send<R>(sql: string, parameters: readonly unknown[]): Promise<QueryResult<R>> {
    const name = names.get(sql);
    const values = parameters as unknown[];
    const result = await this.client.query(name ? { name, text: sql, values } : { text: sql, values });
    return { rows: (result.rows ?? []) as R[], numAffectedRows: COUNTED.has(result.command) ? BigInt(result.rowCount ?? 0) : undefined };
  }

  streamQuery(): never {
    throw new Error('streaming queries are not used inside a unit of work');
  }

  /** Holds a write of a prepared query until the unit next reads or commits. */
  async hold(sql: string, parameters: readonly unknown[]): Promise<void> {
    const table = WRITE_TARGET.exec(sql)?.[1];
    if (table === undefined) {
      await this.executeQuery({ sql, parameters } as CompiledQuery);
      return;
    }
    if (this.held.some((w) => w.table === table)) await this.packet(() => Promise.resolve());
    this.held.push({ sql, parameters, table });
  }

  /** Sends the held writes as one statement (inside a packet), or nothing when none are held. */
  private sendHeld(): Promise<unknown> | undefined {
    if (!this.held.length) return undefined;
    const writes = this.held;
    this.held = [];
    if (writes.length === 1) return this.send(writes[0].sql, writes[0].parameters);
    const statement = combinedWrites(writes);
    nameStatement(statement.sql);
    return this.send(statement.sql, statement.parameters);
  }

  /**
   * Ends the unit: its held writes and COMMIT in one packet. A write unit that sent
   * nothing before sends its held writes alone, as one statement (atomic by itself).
   */
  async commit(): Promise<void> {
    await this.sendReads();
    if (this.begun) {
      await this.packet(() => this.client.query('commit'));
      return;
    }
    // Nothing was sent inside a transaction: the held writes, if any, are one statement, atomic by itself.
    this.beginPending = false;
    await this.sendHeld();
  }

  /** Rolls back what the unit began; false when even that failed (the connection is then not reused). */
  async rollback(): Promise<boolean> {
    this.held = [];
    if (!this.begun) return true;
    return this.client.query('rollback').then(
      () => true,
      () => false,
    );
  }
}

const units = new WeakMap<Trx, PostgresUnit>();

export const postgresUnitOf = (trx: Db | Trx): PostgresUnit | undefined => units.get(trx as Trx);

export function trackUnit(trx: Trx, unit: PostgresUnit): void {
  units.set(trx, unit);
}
