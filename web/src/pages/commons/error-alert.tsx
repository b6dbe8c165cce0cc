import Alert from '@cloudscape-design/components/alert';

interface FieldProblem {
  Name: string;
  Message: string;
}

/** What went wrong, in words: the error's type, message and, for validation errors, each field and its rule. */
export function describeError(error: unknown): { title: string; message: string; fields: FieldProblem[] } {
  const e = error as { name?: string; message?: string; Fields?: FieldProblem[] };
  const title = e?.name && e.name !== 'Error' ? e.name.replace(/Exception$/, '').replace(/([a-z])([A-Z])/g, '$1 $2') : 'Error';
  return { title, message: e?.message ?? String(error), fields: Array.isArray(e?.Fields) ? e.Fields : [] };
}

/** The field problems of a validation error, by member name, for a form's `errorText`. */
export function fieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of describeError(error).fields) out[f.Name] = f.Message;
  return out;
}

export function ErrorAlert({ error, onDismiss }: { error: unknown; onDismiss?: () => void }) {
  if (!error) return null;
  const { title, message, fields } = describeError(error);
  return (
    <Alert type="error" header={title} dismissible={!!onDismiss} onDismiss={onDismiss}>
      {message}
      {fields.length > 0 && (
        <ul>
          {fields.map((f) => (
            <li key={f.Name + f.Message}>
              <b>{f.Name}</b>: {f.Message}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
