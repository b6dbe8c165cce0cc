import { useCallback, useState } from 'react';

/**
 * A form's text fields in one state: their `values`, `set(field, value)` for an input's
 * onChange, and `clear(...fields)` to empty some of them (all when none are named), as
 * after a submit: `const form = useTextFields({ name: '', url: '' })`,
 * `<Input value={form.values.name} onChange={({ detail }) => form.set('name', detail.value)} />`.
 */
export function useTextFields<F extends string>(initial: Record<F, string>) {
  const [values, setValues] = useState(initial);
  const set = useCallback((field: F, value: string) => setValues((current) => ({ ...current, [field]: value })), []);
  const clear = useCallback(
    (...fields: F[]) =>
      setValues((current) => {
        const next = { ...current };
        for (const field of fields.length ? fields : (Object.keys(current) as F[])) next[field] = '';
        return next;
      }),
    [],
  );
  return { values, set, clear };
}
