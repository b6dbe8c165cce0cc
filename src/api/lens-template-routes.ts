import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServiceContext } from '../services/context';
import { authenticate, type KeyLookup } from './auth/authenticate';

/**
 * The lens template over HTTP, for the console's "Download file" on Create custom lens:
 *
 *   GET /_plumbline/lens-template
 *
 * Signed with SigV4 like every call; any signed-in principal may read it (it holds no data).
 * The answer is `{ "LensJSON": "<file text>" }`, shaped like ExportLens's, where the text is
 * src/lenses/template.json exactly as written: the file `plumbline lens template` prints.
 */

export const LENS_TEMPLATE_URL = new URL('../lenses/template.json', import.meta.url);

/** The template file's text, read at each call so that it is always the file as written. */
export const readLensTemplate = (): Promise<string> => readFile(LENS_TEMPLATE_URL, 'utf8');

export interface LensTemplateRouteDeps {
  services: ServiceContext;
  lookup: KeyLookup;
  region: string;
}

export function registerLensTemplateRoutes(app: FastifyInstance, deps: LensTemplateRouteDeps): void {
  app.get('/_plumbline/lens-template', async (request: FastifyRequest, reply: FastifyReply) => {
    await authenticate(request, deps.lookup, deps.region, deps.services.now);
    return reply.header('content-type', 'application/json').send(JSON.stringify({ LensJSON: await readLensTemplate() }));
  });
}
