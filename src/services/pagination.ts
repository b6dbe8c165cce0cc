import { ValidationError } from '../domain/errors';

/** Opaque NextTokens: base64url JSON of where the next page starts. */

export function encodeToken(position: unknown): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeToken<T>(token: string | undefined, isValid: (v: unknown) => v is T): T | undefined {
  if (token === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (isValid(value)) return value;
  } catch {
    // fall through to the validation error
  }
  throw ValidationError.field('NextToken', 'is not a token this list returned');
}

export const isOffset = (v: unknown): v is { o: number } =>
  typeof v === 'object' && v !== null && Number.isInteger((v as { o: unknown }).o) && (v as { o: number }).o >= 0;

/** A page of an in-memory list in a fixed order. */
export function pageOf<T>(items: T[], nextToken: string | undefined, maxResults: number | undefined, defaultMax = 50) {
  const start = decodeToken(nextToken, isOffset)?.o ?? 0;
  const end = start + (maxResults ?? defaultMax);
  return { items: items.slice(start, end), nextToken: end < items.length ? encodeToken({ o: end }) : undefined };
}

export const seconds = (millis: number) => millis / 1000;
