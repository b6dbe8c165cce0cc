import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';

/** What the plumbline commands that call a server read from the environment. */
export interface ClientEnvironment {
  AWS_ACCESS_KEY_ID?: string;
  AWS_SECRET_ACCESS_KEY?: string;
  AWS_REGION?: string;
  AWS_DEFAULT_REGION?: string;
  AWS_ENDPOINT_URL?: string;
}

/** A mistake in how a command was called (exit code 2). */
export class UsageError extends Error {}

/** A body sent as a stream: the signature covers its SHA-256, worked out beforehand. */
export interface StreamedBody {
  sha256: string;
  stream: AsyncIterable<Uint8Array>;
}

/**
 * Sends a SigV4-signed request to a Plumbline endpoint with the credentials of
 * the environment, as the AWS SDKs would sign it.
 */
export async function signedFetch(
  env: ClientEnvironment,
  endpointFlag: string | undefined,
  method: string,
  path: string,
  query: Record<string, string> = {},
  body?: string | StreamedBody,
): Promise<Response> {
  const endpoint = endpointFlag ?? env.AWS_ENDPOINT_URL;
  if (!endpoint) throw new UsageError('--endpoint-url is required (or set AWS_ENDPOINT_URL)');
  if (!env.AWS_ACCESS_KEY_ID || !env.AWS_SECRET_ACCESS_KEY) {
    throw new UsageError('set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY to the credentials to sign with');
  }
  const url = new URL(endpoint);
  const signer = new SignatureV4({
    service: 'wellarchitected',
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1',
    credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY },
    sha256: Hash.bind(null, 'sha256'),
  });
  const signed = await signer.sign(
    new HttpRequest({
      method,
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      path,
      query,
      headers:
        typeof body === 'object'
          ? { host: url.host, 'content-type': 'application/octet-stream', 'x-amz-content-sha256': body.sha256 }
          : { host: url.host, 'content-type': 'application/json' },
      body: typeof body === 'object' ? undefined : body,
    }),
  );
  const headers = { ...signed.headers } as Record<string, string>;
  delete headers.host; // fetch sends the same host itself
  const search = new URLSearchParams(query).toString().replace(/\+/g, '%20');
  try {
    const sent = typeof body === 'object' ? { body: body.stream, duplex: 'half' } : { body };
    return await fetch(`${url.origin}${path}${search ? `?${search}` : ''}`, { method, headers, ...sent } as RequestInit);
  } catch (error) {
    throw new Error(`cannot reach ${endpoint}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** An error response as the API writes it: its type, message and each failing field on its own line. */
export function describeErrorResponse(response: Response, text: string): string {
  let detail = text;
  try {
    const json = JSON.parse(text) as { Message?: string; Fields?: Array<{ Name: string; Message: string }> };
    detail = [json.Message ?? text, ...(json.Fields ?? []).map((f) => `  ${f.Name}: ${f.Message}`)].join('\n');
  } catch {
    // not JSON: show the text as it came
  }
  return `${response.headers.get('x-amzn-ErrorType') ?? `HTTP ${response.status}`}: ${detail}`;
}
