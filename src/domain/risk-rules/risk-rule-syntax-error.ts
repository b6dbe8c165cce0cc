/**
 * A condition that does not parse. `offset` is 0-based and `column` 1-based into the
 * condition text; the message already names the column so it can be shown as is.
 */
export class RiskRuleSyntaxError extends Error {
  readonly offset: number;
  readonly column: number;

  constructor(message: string, offset: number) {
    super(message);
    this.name = 'RiskRuleSyntaxError';
    this.offset = offset;
    this.column = offset + 1;
  }

  /** "<what> at column N", then an optional hint: "unexpected '&' at column 3; did you mean '&&'?" */
  static at(what: string, offset: number, hint?: string): RiskRuleSyntaxError {
    const message = `${what} at column ${offset + 1}${hint === undefined ? '' : `; ${hint}`}`;
    return new RiskRuleSyntaxError(message, offset);
  }
}
