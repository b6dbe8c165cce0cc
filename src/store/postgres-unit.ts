import type { CompiledQuery, DatabaseConnection, DialectAdapter, QueryResult } from 'kysely';
import type pg from 'pg';
import { sendBatch, type BatchResult } from './pg-batch';
import type { Db, Trx } from './database';

/**
 * A unit of work on PostgreSQL (./unit-of-work.ts), counted in round trips,
 * which is what a call costs there: each is a write and a read on the socket
 * (on loopback most of a small call's CPU time) and a wait for the server.
 *
 * - What the unit has to send at once goes as one batch (./pg-batch.ts): one
 *   message train with one Sync, one socket write each way. BEGIN goes with
 *   the unit's first statements, COMMIT with its last writes, so a change that
 *   reads once and writes once (UpdateAnswer) costs two round trips, a read one.
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


interface Statement {
  sql: string;
  parameters: readonly unknown[];
}

/**
 * Combined statement texts, by kind and then by each part's text in turn: the same few
 * combinations recur on every call, and the parts' texts are the same strings each time
 * (a prepared query's), so each lookup hashes strings V8 has hashed already.
 */
interface TextNode {
  text?: string;
  next: Map<string, TextNode>;
}
const combinedTexts = { reads: { next: new Map() } as TextNode, writes: { next: new Map() } as TextNode };
let keptTexts = 0;
const MAX_COMBINED_TEXTS = 1000;

/**
 * Several statements as one: each part's text from `part` (given its index and its text
 * with parameters renumbered to follow the earlier parts'), joined by `join`.
 */
function combinedStatement(kind: 'reads' | 'writes', statements: Statement[], part: (sql: string, i: number) => string, join: (parts: string[]) => string) {
  let node: TextNode | undefined = combinedTexts[kind];
  for (let i = 0; node && i < statements.length; i++) node = node.next.get(statements[i].sql);
  let sql = node?.text;
  if (sql === undefined) {
    let offset = 0;
    sql = join(
      statements.map((r, i) => {
        const shift = offset;
        offset += r.parameters.length;
        return part(shifted(r.sql, shift), i);
      }),
    );
    if (keptTexts < MAX_COMBINED_TEXTS) keep(combinedTexts[kind], statements, sql);
  }
  const parameters: unknown[] = [];
  for (const r of statements) for (const p of r.parameters) parameters.push(p);
  return { sql, parameters };
}

function keep(root: TextNode, statements: Statement[], text: string): void {
  let node = root;
  for (const { sql } of statements) {
    let child = node.next.get(sql);
    if (!child) node.next.set(sql, (child = { next: new Map() }));
    node = child;
  }
  node.text = text;
  keptTexts++;
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

const LEAD_BEGIN: Statement = { sql: 'begin', parameters: [] };
const COMMIT: Statement = { sql: 'commit', parameters: [] };

const endedError = () => new Error('the unit of work has ended: no statement may be sent on its connection any more');

const toQueryResult = <R>(result: BatchResult): QueryResult<R> => ({
  rows: result.rows as R[],
  numAffectedRows: result.command !== null && COUNTED.has(result.command) ? BigInt(result.rowCount ?? 0) : undefined,
});

export class PostgresUnit implements DatabaseConnection {
  private held: HeldWrite[] = [];
  private reads: PendingRead[] = [];
  /** A write unit's BEGIN, not sent until the unit sends its first statement. */
  private beginPending: boolean;
  private begun = false;
  /**
   * Set once the unit commits or rolls back: its connection goes back to the pool then, so
   * nothing may be sent on it any more - not even a read issued before the end and due to
   * leave on the next tick, which would open a transaction on a connection another unit
   * may already hold, or leave it idle in a transaction nobody ends.
   */
  private ended = false;

  constructor(
    readonly client: pg.PoolClient,
    transactional: boolean,
  ) {
    this.beginPending = transactional;
  }

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (!READ.test(query.sql)) return this.executeAlone<R>(query);
    return new Promise<QueryResult<R>>((resolve, reject) => {
      if (this.ended) return reject(endedError());
      // Each read is rejected on its own when the batch fails.
      if (!this.reads.length) process.nextTick(() => this.sendReads().catch(() => undefined));
      this.reads.push({ sql: query.sql, parameters: query.parameters, resolve: resolve as PendingRead['resolve'], reject });
    });
  }

  /** A statement that is not a read: sent after the reads issued before it, in the same batch. */
  private async executeAlone<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const results = await this.sendReads([{ sql: query.sql, parameters: query.parameters }]);
    return toQueryResult<R>(results[results.length - 1]);
  }

  /**
   * Sends the pending reads - locking ones first, each alone; the rest as one statement -
   * then `after`, as one batch, and settles the reads. Resolves with the results of `after`.
   */
  private async sendReads(after: Statement[] = []): Promise<BatchResult[]> {
    const reads = this.reads;
    this.reads = [];
    const locking = reads.filter((r) => LOCKING.test(r.sql));
    const plain = locking.length ? reads.filter((r) => !locking.includes(r)) : reads;
    const together = plain.length > 1 ? combinedReads(plain) : plain[0];
    // Named only when every read is (a prepared query's): the set of names stays bounded by the code.
    if (plain.length > 1 && plain.every((r) => names.has(r.sql))) nameStatement(together.sql);
    const statements = [...locking, ...(together ? [together] : []), ...after];
    if (!statements.length) return [];
    let results: BatchResult[];
    try {
      results = await this.batch(statements);
    } catch (error) {
      for (const r of reads) r.reject(error);
      throw error;
    }
    locking.forEach((r, i) => r.resolve(toQueryResult(results[i])));
    if (plain.length === 1) plain[0].resolve(toQueryResult(results[locking.length]));
    else if (plain.length > 1) {
      const row = results[locking.length].rows[0] as Record<string, unknown[]>;
      plain.forEach((r, i) => r.resolve({ rows: row[`r${i}`] }));
    }
    return results.slice(locking.length + (together ? 1 : 0));
  }

  /**
   * Sends `statements` as one batch (./pg-batch.ts), after BEGIN if the unit has not begun
   * and after the held writes, whose changes what follows must see; resolves with the
   * results of `statements`.
   */
  private async batch(statements: Statement[]): Promise<BatchResult[]> {
    if (this.ended) throw endedError();
    const lead: Statement[] = [];
    if (this.beginPending) {
      this.beginPending = false;
      this.begun = true;
      lead.push(LEAD_BEGIN);
    }
    const held = this.takeHeld();
    if (held) lead.push(held);
    const all = [...lead, ...statements];
    if (!all.length) return [];
    const results = await sendBatch(
      this.client,
      all.map((s) => ({ text: s.sql, name: names.get(s.sql), values: s.parameters })),
    );
    return results.slice(lead.length);
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
    if (this.held.some((w) => w.table === table)) await this.batch([]);
    this.held.push({ sql, parameters, table });
  }

  /** The held writes as one statement (and no longer held), or undefined when none are. */
  private takeHeld(): Statement | undefined {
    if (!this.held.length) return undefined;
    const writes = this.held;
    this.held = [];
    if (writes.length === 1) return writes[0];
    const statement = combinedWrites(writes);
    nameStatement(statement.sql);
    return statement;
  }

  /**
   * Ends the unit: its held writes and COMMIT in one batch. A write unit that sent
   * nothing before sends its held writes alone, as one statement (atomic by itself).
   */
  async commit(): Promise<void> {
    if (this.reads.length) await this.sendReads();
    if (this.begun) await this.batch([COMMIT]);
    else {
      this.beginPending = false;
      await this.batch([]);
    }
    this.ended = true;
  }

  /** Rolls back what the unit began; false when even that failed (the connection is then not reused). */
  async rollback(): Promise<boolean> {
    this.ended = true;
    this.held = [];
    // Reads still waiting for their tick are never sent: their unit failed.
    const unsent = this.reads;
    this.reads = [];
    for (const r of unsent) r.reject(endedError());
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
