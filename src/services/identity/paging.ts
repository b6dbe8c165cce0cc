import { ValidationError } from '../../domain/errors';
import { decodeToken, encodeToken } from '../pagination';

/** Keyset pages for the admin lists: the token holds the last key of the page. */

export const ADMIN_MAX_RESULTS = 1000;
const DEFAULT_MAX_RESULTS = 100;

const isKeyToken = (v: unknown): v is { k: string } => typeof v === 'object' && v !== null && typeof (v as { k: unknown }).k === 'string';

export interface PageRequest {
  MaxResults?: number;
  NextToken?: string;
}

export function pageStart(request: PageRequest): { after: string | undefined; limit: number } {
  const max = request.MaxResults ?? DEFAULT_MAX_RESULTS;
  if (!Number.isInteger(max) || max < 1 || max > ADMIN_MAX_RESULTS) {
    throw ValidationError.field('MaxResults', `must be an integer from 1 to ${ADMIN_MAX_RESULTS}`);
  }
  return { after: decodeToken(request.NextToken, isKeyToken)?.k, limit: max };
}

/** `rows` were fetched with limit + 1: the extra row says there is a next page. */
export function pageEnd<T>(rows: T[], limit: number, keyOf: (row: T) => string): { items: T[]; nextToken?: string } {
  if (rows.length <= limit) return { items: rows };
  const items = rows.slice(0, limit);
  return { items, nextToken: encodeToken({ k: keyOf(items[items.length - 1]) }) };
}
