/** The problems of a failed save that belong to one request member or one practice (`ChoiceUpdates.<id>...`). */
export function problemsAt(fields: Array<{ Name: string; Message: string }>, prefix: string): string | undefined {
  const found = fields.filter((f) => f.Name === prefix || f.Name.startsWith(`${prefix}.`) || f.Name.startsWith(`${prefix}[`));
  return found.length ? found.map((f) => (f.Name === prefix ? f.Message : `${f.Name.slice(prefix.length + 1)}: ${f.Message}`)).join('; ') : undefined;
}
