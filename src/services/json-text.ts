/**
 * A result that carries its own JSON body, built by the service from cached
 * pieces, so the API layer sends those bytes instead of serializing the whole
 * result again. The body must say exactly what JSON.stringify of the result
 * would (member order aside); the result itself stays a plain object for
 * everything else that reads it (the audit trail, idempotent replays).
 */

const JSON_BODY = Symbol('plumbline.jsonBody');

export function withJsonBody<T extends object>(value: T, body: Buffer): T {
  Object.defineProperty(value, JSON_BODY, { value: body, enumerable: false });
  return value;
}

/** The JSON body of an operation's result: its prebuilt bytes, or its serialization. */
export function jsonBodyOf(value: unknown): string | Buffer {
  if (typeof value === 'object' && value !== null) {
    const body = (value as { [JSON_BODY]?: Buffer })[JSON_BODY];
    if (body !== undefined) return body;
  }
  return JSON.stringify(value ?? {});
}
