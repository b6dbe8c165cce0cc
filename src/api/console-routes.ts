import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ValidationError } from '../domain/errors';
import type { ServiceContext } from '../services/context';
import { authenticate, type KeyLookup } from './auth/authenticate';

/**
 * The web console: the built app (web/dist) under /console/, and a browser's visit to /
 * sent there. Its sign-in and sign-out are operations of Plumbline's model
 * (ConsoleSignIn, ConsoleSignOut) served by the pipeline; everything else the
 * console does is an ordinary signed API call.
 */

export const CONSOLE_PREFIX = '/console/';
export const SIGN_IN_PATH = '/_plumbline/console/sign-in';
export const SIGN_OUT_PATH = '/_plumbline/console/sign-out';

export const DEFAULT_CONSOLE_DIR = fileURLToPath(new URL('../../web/dist/', import.meta.url));

// Vite names every file under assets/ by its content hash: they never change, so cache them for a year.
const ASSETS_CACHE = 'public, max-age=31536000, immutable';
// index.html names the current assets: always revalidate it, so a new build is seen at once.
const PAGE_CACHE = 'no-cache';

export interface ConsoleOptions {
  services: ServiceContext;
  lookup: KeyLookup;
  region: string;
  /** The built console; web/dist by default. */
  distDir?: string;
}

export function registerConsoleRoutes(app: FastifyInstance, options: ConsoleOptions): void {
  registerConsoleStatic(app, options.distDir ?? DEFAULT_CONSOLE_DIR, options);
}

const isSigned = (request: FastifyRequest) => {
  const url = request.raw.url ?? '';
  return request.headers.authorization !== undefined || url.includes('X-Amz-Signature=') || url.includes('X-Amz-Credential=');
};

/** The static half, on its own so that it can be served from any directory (tests use a missing one). */
export function registerConsoleStatic(app: FastifyInstance, distDir: string, auth: Pick<ConsoleOptions, 'lookup' | 'region' | 'services'>): void {
  const root = path.resolve(distDir);
  const index = path.join(root, 'index.html');

  // A browser opening the server's address lands on the console. A signed GET / is an API
  // call like any other and, as before, matches no operation.
  app.get('/', async (request, reply) => {
    if (!isSigned(request)) return reply.redirect(CONSOLE_PREFIX, 302);
    await authenticate(request, auth.lookup, auth.region, auth.services.now);
    throw new ValidationError('No operation matches GET /', [], 'UNKNOWN_OPERATION');
  });
  app.get('/console', async (_request, reply) => reply.redirect(CONSOLE_PREFIX, 301));

  app.register(async (scope) => {
    // serve: false: this plugin only lends reply.sendFile; the route below chooses the file.
    // preCompressed: the build writes .br and .gz copies; the one the browser accepts is sent.
    await scope.register(fastifyStatic, { root, serve: false, preCompressed: true });
    scope.get(`${CONSOLE_PREFIX}*`, async (request, reply) => {
      reply.header('x-content-type-options', 'nosniff').header('x-frame-options', 'DENY');
      const wanted = (request.params as { '*': string })['*'];
      // No file name holds a NUL (the file system APIs would throw on one): not a page either.
      if (wanted.includes('\0')) return reply.status(404).header('content-type', 'text/plain; charset=utf-8').send('Not found\n');
      if (!existsSync(index)) {
        return reply
          .status(503)
          .header('content-type', 'text/plain; charset=utf-8')
          .header('cache-control', 'no-store')
          .send('The Plumbline console is not built. Run `npm run build:web` and reload this page.\n');
      }
      const file = path.resolve(root, `.${path.posix.sep}${wanted}`);
      const inside = file.startsWith(root + path.sep);
      if (inside && statSync(file, { throwIfNoEntry: false })?.isFile()) {
        const relative = path.relative(root, file);
        const isAsset = relative.startsWith(`assets${path.sep}`);
        return reply.header('cache-control', isAsset ? ASSETS_CACHE : PAGE_CACHE).sendFile(relative, root, { cacheControl: false });
      }
      // A missing asset is a broken build or a stale page, not a console route: say so plainly.
      if (wanted.startsWith('assets/')) {
        return reply.status(404).header('content-type', 'text/plain; charset=utf-8').send(`No console file ${wanted}: the console was rebuilt; reload the page.\n`);
      }
      // Any other path is a page of the single-page app: its router reads the URL.
      return reply.header('cache-control', PAGE_CACHE).sendFile('index.html', root, { cacheControl: false });
    });
  });
}
