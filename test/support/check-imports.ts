import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { signedFetch } from '../../src/cli/signed-request';
import { ROOT_KEY, rootEnvironment, type TestServer } from './server';

/** A scanner's file imported into a workload through Plumbline's streamed, signed import route. */

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (c) => hash.update(c))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}

export async function importFile(server: TestServer, workloadId: string, file: string, query: Record<string, string>, credentials = ROOT_KEY) {
  const e = { ...rootEnvironment(server), AWS_ACCESS_KEY_ID: credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey };
  const response = await signedFetch(e, undefined, 'POST', `/_plumbline/workloads/${workloadId}/checks/import`, query, {
    sha256: await sha256File(file),
    stream: createReadStream(file),
  });
  const text = await response.text();
  return { status: response.status, type: response.headers.get('x-amzn-errortype'), json: JSON.parse(text) as Record<string, any> };
}
