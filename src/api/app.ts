import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { Config } from '../config';
import { ValidationError } from '../domain/errors';
import type { ServiceContext } from '../services/context';
import { bootstrapRoot, signingKeyLookup, type RootCredentials } from '../services/credentials/accounts.service';
import { createSecretBox, loadOrCreateMasterKey } from '../services/credentials/secret-box';
import { loadBuiltinLenses } from '../services/lenses/builtin-lenses';
import { LensCatalog } from '../services/lenses/catalog';
import { registerCustomLenses } from '../services/lenses/custom-lens-source';
import { notYetAvailable } from '../services/not-yet-available';
import { openStore } from '../store/database';
import { verifySigV4 } from './auth/sigv4';
import { writeError } from './error-writer';
import { bindInput } from './input';
import { implemented } from './operations';
import { matchRoute } from './routing';

export interface BuiltApp {
  app: FastifyInstance;
  services: ServiceContext;
  rootCredentials: RootCredentials;
}

export interface AppOptions {
  config: Config;
  logger?: boolean | { level: string };
  now?: () => number;
}

// Lens imports are up to 500,000 characters of JSON inside a JSON string.
const BODY_LIMIT = 4 * 1024 * 1024;

function parseBody(raw: Buffer): Record<string, unknown> {
  if (raw.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch (error) {
    throw new ValidationError(`The request body is not valid JSON: ${(error as Error).message}`, [], 'CANNOT_PARSE');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ValidationError('The request body must be a JSON object', [], 'CANNOT_PARSE');
  }
  return parsed as Record<string, unknown>;
}

function splitUrl(request: FastifyRequest): { rawPath: string; rawQuery: string } {
  const url = request.raw.url ?? '/';
  const q = url.indexOf('?');
  return q === -1 ? { rawPath: url, rawQuery: '' } : { rawPath: url.slice(0, q), rawQuery: url.slice(q + 1) };
}

export async function buildApp(options: AppOptions): Promise<BuiltApp> {
  const { config } = options;
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const box = createSecretBox(loadOrCreateMasterKey({ dataDir: config.dataDir, envKey: config.masterKey }));
  const now = options.now ?? Date.now;
  const rootCredentials = await bootstrapRoot(
    store,
    box,
    {
      accountId: config.accountId,
      dataDir: config.dataDir,
      rootAccessKeyId: config.rootAccessKeyId,
      rootSecretAccessKey: config.rootSecretAccessKey,
    },
    now(),
  );
  const services: ServiceContext = { store, catalog: new LensCatalog(loadBuiltinLenses()), region: config.region, now };
  // Custom lenses come from the store; reviews read them inside their transactions.
  await registerCustomLenses(services);
  const lookup = signingKeyLookup(store, box);

  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
    genReqId: () => randomUUID(),
  });
  app.addHook('onClose', () => store.close());
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  app.setErrorHandler((error, _request, reply) => writeError(reply, error));
  app.setNotFoundHandler((_request, reply) =>
    writeError(reply, new ValidationError('No operation matches this method and path', [], 'UNKNOWN_OPERATION')),
  );
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-amzn-RequestId', request.id);
  });

  app.get('/_plumbline/health', async (_request, reply) => {
    try {
      await sql`select 1`.execute(store.db);
      return { status: 'ok', store: store.dialect };
    } catch {
      return reply.status(503).send({ status: 'unavailable', store: store.dialect });
    }
  });

  app.all('/*', async (request, reply) => {
    const { rawPath, rawQuery } = splitUrl(request);
    const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const { principal } = await verifySigV4(
      { method: request.method, rawPath, rawQuery, headers: request.headers, body },
      lookup,
      { service: 'wellarchitected', region: config.region, now: new Date(now()) },
    );
    const route = matchRoute(request.method, rawPath);
    if (route.kind === 'none') {
      throw new ValidationError(`No operation matches ${request.method} ${rawPath}`, [], 'UNKNOWN_OPERATION');
    }
    const operation = implemented.get(route.op.name);
    const { input, problems } = bindInput(route.op, route.labels, new URLSearchParams(rawQuery), parseBody(body));
    problems.push(...(operation?.check?.(input) ?? []));
    if (problems.length) throw ValidationError.fields(problems);
    if (!operation) throw notYetAvailable(route.op.name);
    const result = await operation.handle(services, principal, input);
    return reply.status(200).header('content-type', 'application/json').send(JSON.stringify(result ?? {}));
  });

  return { app, services, rootCredentials };
}
