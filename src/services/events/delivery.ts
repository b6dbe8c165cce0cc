import { createHmac } from 'node:crypto';
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';

/** Sending one event to one target: a signed HTTP POST, or a line appended to a file. */

export const SIGNATURE_HEADER = 'X-Plumbline-Signature';
export const EVENT_ID_HEADER = 'X-Plumbline-Event-Id';
export const TIMESTAMP_HEADER = 'X-Plumbline-Timestamp';
export const ATTEMPT_HEADER = 'X-Plumbline-Delivery-Attempt';

export type DeliveryResult = { ok: true; status: string } | { ok: false; status: string; error: string };

/** `sha256=<hex>` of the HMAC-SHA256 of the exact bytes sent, keyed by the target's secret. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

export interface WebhookDelivery {
  url: string;
  secret: string;
  body: string;
  eventId: string;
  attempt: number;
  timeoutMs: number;
  /** Aborts the request when the process stops. */
  signal: AbortSignal;
  now: number;
}

export async function postWebhook(delivery: WebhookDelivery): Promise<DeliveryResult> {
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'Plumbline-Events/1',
    [SIGNATURE_HEADER]: signBody(delivery.secret, delivery.body),
    [EVENT_ID_HEADER]: delivery.eventId,
    [TIMESTAMP_HEADER]: String(Math.floor(delivery.now / 1000)),
    [ATTEMPT_HEADER]: String(delivery.attempt),
  };
  const timeout = AbortSignal.timeout(delivery.timeoutMs);
  try {
    // A redirect is not followed: the signed body goes only where the administrator said.
    const response = await fetch(delivery.url, {
      method: 'POST',
      headers,
      body: delivery.body,
      redirect: 'manual',
      signal: AbortSignal.any([timeout, delivery.signal]),
    });
    const text = await response.text().catch(() => '');
    const status = `HTTP ${response.status}`;
    if (response.status >= 200 && response.status < 300) return { ok: true, status };
    return { ok: false, status, error: `the webhook answered ${status}${text ? `: ${text.slice(0, 200)}` : ''}` };
  } catch (error) {
    if (timeout.aborted) return { ok: false, status: 'TIMEOUT', error: `the webhook did not answer within ${delivery.timeoutMs} ms` };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = cause?.code ?? cause?.message ?? (error as Error).message;
    return { ok: false, status: 'UNREACHABLE', error: `the webhook could not be reached: ${reason}` };
  }
}

/** Appends the event as one line of NDJSON. */
export async function appendToFile(file: string, body: string): Promise<DeliveryResult> {
  try {
    // Events name resources and callers: private to the server's user, like the data directory.
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    await appendFile(file, `${body}\n`, { encoding: 'utf8', mode: 0o600 });
    return { ok: true, status: 'WRITTEN' };
  } catch (error) {
    return { ok: false, status: 'WRITE_FAILED', error: `the file could not be written: ${(error as Error).message}` };
  }
}

/** Where a file target of an account writes: always below the account's own directory. */
export function targetFile(filesDir: string, accountId: string, relativePath: string): string {
  return path.join(filesDir, accountId, relativePath);
}
