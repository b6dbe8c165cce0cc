import { describeError } from './error-alert';

/**
 * A validation error's problems grouped by the request member they belong to, for a
 * form whose fields each edit one member: `AccountIds[2]` and `Tags key 'x'` land on
 * `AccountIds` and `Tags`, with the precise location kept in the message.
 * A conflict on a resource's name (ConflictException) lands on `nameMember`.
 */
export function memberErrors(error: unknown, nameMember?: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!error) return out;
  for (const { Name, Message } of describeError(error).fields) {
    const member = Name.split(/[.[ ]/)[0];
    const text = Name === member ? Message : `${Name.slice(member.length).trim()}: ${Message}`;
    out[member] = out[member] ? `${out[member]}; ${text}` : text;
  }
  const name = (error as { name?: string }).name;
  if (nameMember && name === 'ConflictException') out[nameMember] = describeError(error).message;
  return out;
}
