import type { ReactNode } from 'react';
import { describeError } from './error-alert';

/**
 * The problems of a validation error inside one request member, each with its full
 * path (`PolicyDocument.Statement[0].Condition.StringEqualz`), for a FormField's
 * errorText; undefined when there are none. `locate` may say where a path is in the
 * text the user sent (a line and column).
 */
export function problemsAt(error: unknown, member: string, locate?: (path: string) => string | undefined): ReactNode | undefined {
  const problems = describeError(error).fields.filter((f) => f.Name === member || f.Name.startsWith(`${member}.`) || f.Name.startsWith(`${member}[`));
  if (!problems.length) return undefined;
  if (problems.length === 1 && problems[0].Name === member) return problems[0].Message;
  return (
    <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
      {problems.map((p) => (
        <li key={p.Name + p.Message}>
          <code>{p.Name}</code>
          {locate && p.Name.startsWith(`${member}.`) && locate(p.Name.slice(member.length + 1)) ? ` (${locate(p.Name.slice(member.length + 1))})` : ''}: {p.Message}
        </li>
      ))}
    </ul>
  );
}
