import pg from 'pg';

/**
 * Several statements sent to PostgreSQL as one message train with one Sync
 * (the extended query protocol's pipelining): one socket write from us, one
 * answer written by the server, however many statements. node-postgres sends a
 * Sync after every query, even in its pipeline mode, and the server flushes its
 * answer at every Sync; this sends each statement's Bind, Describe and Execute
 * (and Parse, the first time a named statement is used on the connection) and a
 * single Sync, and reads the answers back in order.
 *
 * Until the Sync the statements form one implicit transaction, unless one of
 * them is BEGIN (the transaction then goes on after the Sync) or the unit began
 * one before. The first error ends the batch: the server skips the rest, and
 * the batch rejects with that error.
 *
 * It is a node-postgres "submittable" (the interface pg-cursor uses): the
 * client calls submit() when the connection is free and hands it the answers.
 */

export interface BatchStatement {
  text: string;
  /** A named prepared statement: parsed once per connection. */
  name?: string;
  values: readonly unknown[];
}

export interface BatchResult {
  rows: Array<Record<string, unknown>>;
  command: string | null;
  rowCount: number | null;
}

interface PgResult extends BatchResult {
  addFields(fields: unknown[]): void;
  parseRow(fields: unknown[]): Record<string, unknown>;
  addRow(row: Record<string, unknown>): void;
  addCommandComplete(msg: unknown): void;
}

interface PgConnection {
  parsedStatements: Record<string, string>;
  stream: { cork(): void; uncork(): void };
  parse(msg: { text: string; name: string; types: unknown[] }): void;
  bind(msg: { portal: string; statement: string; values: readonly unknown[]; valueMapper: unknown }): void;
  describe(msg: { type: 'P'; name: string }): void;
  execute(msg: { portal: string; rows: number }): void;
  close(msg: { type: 'S'; name: string }): void;
  sync(): void;
  sendCopyFail(message: string): void;
}

const { Result, utils } = pg as unknown as { Result: new () => PgResult; utils: { prepareValue(value: unknown): unknown } };

export class Batch {
  readonly done: Promise<BatchResult[]>;
  private resolve!: (results: BatchResult[]) => void;
  private reject!: (error: unknown) => void;
  private readonly results: BatchResult[] = [];
  private current: PgResult | undefined;
  /** Names of the statements this batch parses: known to the connection once the batch succeeds. */
  private readonly parsing = new Map<string, string>();

  constructor(private readonly statements: readonly BatchStatement[]) {
    this.done = new Promise<BatchResult[]>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  submit(connection: PgConnection): void {
    connection.stream.cork();
    try {
      for (const statement of this.statements) {
        const name = statement.name ?? '';
        // A named statement used twice in the batch is parsed once.
        const parsed = name !== '' && (connection.parsedStatements[name] === statement.text || this.parsing.has(name));
        if (!parsed) {
          // A Parse of an earlier batch that failed may have left the name behind: closing a name that does not exist is no error.
          if (name) connection.close({ type: 'S', name });
          connection.parse({ text: statement.text, name, types: [] });
          if (name) this.parsing.set(name, statement.text);
        }
        connection.bind({ portal: '', statement: name, values: statement.values, valueMapper: utils.prepareValue });
        connection.describe({ type: 'P', name: '' });
        connection.execute({ portal: '', rows: 0 });
      }
      connection.sync();
    } finally {
      connection.stream.uncork();
    }
  }

  handleRowDescription(msg: { fields: unknown[] }): void {
    this.current = new Result();
    this.current.addFields(msg.fields);
  }

  handleDataRow(msg: { fields: unknown[] }): void {
    this.current!.addRow(this.current!.parseRow(msg.fields));
  }

  handleCommandComplete(msg: unknown): void {
    const result = this.current ?? new Result();
    result.addCommandComplete(msg);
    this.results.push(result);
    this.current = undefined;
  }

  handleEmptyQuery(): void {
    this.results.push(new Result());
  }

  /** The client stops routing answers to the batch after an error (the server skips to the Sync). */
  handleError(error: unknown): void {
    this.reject(error);
  }

  handleReadyForQuery(connection: PgConnection): void {
    for (const [name, text] of this.parsing) connection.parsedStatements[name] = text;
    if (this.results.length === this.statements.length) this.resolve(this.results);
    else this.reject(new Error(`PostgreSQL answered ${this.results.length} of ${this.statements.length} statements`));
  }

  handlePortalSuspended(): void {}

  handleCopyInResponse(connection: PgConnection): void {
    connection.sendCopyFail('COPY is not used in a batch');
  }

  handleCopyData(): void {}
}

/** Sends `statements` on `client` as one batch. */
export function sendBatch(client: pg.ClientBase, statements: readonly BatchStatement[]): Promise<BatchResult[]> {
  const batch = new Batch(statements);
  client.query(batch as unknown as pg.QueryConfig);
  return batch.done;
}
