import Alert from '@cloudscape-design/components/alert';
import { useEffect, useRef } from 'react';
import { conflictInWords, deniedInWords } from './plain-words';

interface FieldProblem {
  Name: string;
  Message: string;
}

/** What went wrong, in words: the error's type, message and, for validation errors, each field and its rule. */
export function describeError(error: unknown): { title: string; message: string; fields: FieldProblem[] } {
  const e = error as { name?: string; message?: string; Fields?: FieldProblem[] };
  const raw = e?.message ?? String(error);
  const denied = deniedInWords(raw);
  if (denied) return { title: 'Not allowed', message: denied, fields: [] };
  const title = e?.name && e.name !== 'Error' ? e.name.replace(/Exception$/, '').replace(/([a-z])([A-Z])/g, '$1 $2') : 'Error';
  return { title, message: conflictInWords(raw) ?? raw, fields: Array.isArray(e?.Fields) ? e.Fields : [] };
}

/** The field problems of a validation error, by member name, for a form's `errorText`. */
export function fieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of describeError(error).fields) out[f.Name] = f.Message;
  return out;
}

/**
 * An error where it happened. A new error is scrolled into view and given focus, so that
 * it is seen (and read out) even when the button that failed is far below it.
 */
export function ErrorAlert({ error, onDismiss }: { error: unknown; onDismiss?: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!error || !box.current) return;
    box.current.scrollIntoView({ block: 'center' });
    box.current.focus({ preventScroll: true });
  }, [error]);
  if (!error) return null;
  const { title, message, fields } = describeError(error);
  return (
    <div ref={box} tabIndex={-1} role="group" aria-label={title} style={{ outline: 'none' }}>
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
    </div>
  );
}
