/**
 * Where each member of a call goes, as the model says: into a path label, the
 * query or the JSON body. The client side of src/api/input.ts, shared by the
 * plumbline CLI and the console (which passes the model it bundles), so each
 * route is written once: in the model.
 */

export interface ModelMember {
  name: string;
  location: string;
  wireName: string;
}

export interface ModelOperation {
  name: string;
  method: string;
  uri: string;
  input: ModelMember[];
}

export interface ModelRequest {
  method: string;
  /** Percent-encoded where a label needs it. */
  path: string;
  query: Record<string, string>;
  /** The JSON body; undefined for calls that send none. */
  body?: unknown;
}

export function requestOf(op: ModelOperation, input: Record<string, unknown>): ModelRequest {
  let path = op.uri;
  const query: Record<string, string> = {};
  let body: Record<string, unknown> | undefined;
  let payload: unknown;
  for (const member of op.input) {
    const value = input[member.name];
    if (value === undefined) continue;
    if (member.location === 'path') path = path.replace(`{${member.wireName}}`, encodeURIComponent(String(value)));
    else if (member.location === 'query') query[member.wireName] = String(value);
    else if (member.location === 'payload') payload = value;
    else (body ??= {})[member.wireName] = value;
  }
  const missing = /\{(\w+)\}/.exec(path);
  if (missing) throw new Error(`${op.name} needs ${missing[1]}`);
  const sendsBody = op.method === 'POST' || op.method === 'PUT' || op.method === 'PATCH';
  return { method: op.method, path, query, body: payload ?? (sendsBody ? (body ?? {}) : body) };
}
