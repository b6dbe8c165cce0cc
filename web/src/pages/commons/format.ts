/** Dates as the API sends them (SDK Date objects, or epoch seconds from Plumbline's own routes). */
export function formatTime(value: Date | number | string | undefined): string {
  if (value === undefined || value === null || value === '') return '-';
  const date = value instanceof Date ? value : typeof value === 'number' ? new Date(value * 1000) : new Date(value);
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** ARNs travel in console URLs; encode them as one path segment. */
export const segment = (value: string) => encodeURIComponent(value);
