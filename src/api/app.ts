import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Config } from '../config';
import { ValidationError } from '../domain/errors';
import type { ServiceContext } from '../services/context';
import { bootstrapRoot, signingKeyLookup, type RootCredentials } from '../services/credentials/accounts.service';
import { createSecretBox, loadOrCreateMasterKey } from '../services/credentials/secret-box';
import { loadBuiltinLenses } from '../services/lenses/builtin-lenses';
import { LensCatalog } from '../services/lenses/catalog';
import { registerCustomLenses } from '../services/lenses/custom-lens-source';
import { createCaches } from '../services/caches';
import { startRetention } from '../services/audit/retention';
import { startEvents } from '../services/events/start';
import { AuditTrail } from '../services/audit/trail';
import { openStore } from '../store/database';
import { addTlsHeaders, readTls } from '../server/tls';
import { reportNarrowed, secureDataDir } from '../store/data-dir';
import { registerConsoleRoutes } from './console-routes';
import { registerReadinessRoute } from './readiness-route';
import { writeError } from './error-writer';
import { clientErrorHandler, frameworkErrors } from './framework-errors';
import { loggerOptions, type LoggerSetting } from './logging';
import type { OperationContext } from './operation';
import { registerPipeline } from './pipeline';
import { Throttle } from './throttle';
import { AcceptWatch } from './accept-watch';

export interface BuiltApp {
  app: FastifyInstance;
  services: ServiceContext;
  rootCredentials: RootCredentials;
  audit: AuditTrail;
}

export interface AppOptions {
  config: Config;
  logger?: LoggerSetting;
  now?: () => number;
  /** Aborts the wait for the database at start-up (SIGTERM before listening). */
  signal?: AbortSignal;
}

// Lens imports are up to 500,000 characters of JSON inside a JSON string.
const BODY_LIMIT = 4 * 1024 * 1024;

export async function buildApp(options: AppOptions): Promise<BuiltApp> {
  const { config } = options;
  // Read first: a missing certificate stops the start before anything is opened.
  const tls = config.tls ? readTls(config.tls) : undefined;
  reportNarrowed(config.dataDir, secureDataDir(config.dataDir));
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, signal: options.signal, sharedFile: config.workers > 1 });
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
  // Every cache of store state, kept current across processes (src/services/caches/).
  const caches = createCaches(store, box, now, (error) => process.stderr.write(`caches: cannot read cache versions: ${String(error)}\n`));
  await caches.versions.start();
  // Events: the enabled targets cached for the enqueue step, and the outbox delivered in the background.
  const events = await startEvents(store, box, config.events, now, (error) =>
    process.stderr.write(`events: ${error instanceof Error ? error.message : String(error)}\n`),
  caches.versions);
  const services: ServiceContext = { store, catalog: new LensCatalog(loadBuiltinLenses()), region: config.region, now, caches, events: events.runtime };
  // Custom lenses come from the store; reviews read them inside their transactions.
  await registerCustomLenses(services);
  const lookup = signingKeyLookup(caches.signingKeys, caches.sessions);
  const audit = new AuditTrail(store, {
    region: config.region,
    events: events.runtime,
    now,
    repeatWindowMs: config.auditRepeatWindowSeconds * 1000,
  });
  // What Plumbline's own operations need besides the service context (src/api/operation.ts).
  const operationContext: OperationContext = {
    ...services,
    box,
    defaultAccountId: config.accountId,
    audit,
    sessionHours: config.consoleSessionHours,
  };
  const retention = startRetention(store, config.auditRetentionDays, now, (error) =>
    process.stderr.write(`audit trail: purging old records failed: ${String(error)}\n`),
  );

  const app = Fastify({
    // HTTPS when PLUMBLINE_TLS_CERT and PLUMBLINE_TLS_KEY are set (src/server/tls.ts).
    ...(tls ? { https: tls } : {}),
    ...loggerOptions(options.logger),
    bodyLimit: BODY_LIMIT,
    genReqId: () => randomUUID(),
    // Refusals before routing answer in the API's error format too (./framework-errors.ts).
    frameworkErrors,
    clientErrorHandler,
  });
  // Before the store closes: deliveries under way are aborted and stay in the outbox.
  if (config.tls) addTlsHeaders(app);
  app.decorate('presignMaxSeconds', config.presignMaxSeconds);
  const throttle = new Throttle(config.throttle, now);
  let stopping = false;
  app.addHook('preClose', () => {
    stopping = true;
    return events.stop();
  });
  // Pending audit records are written before the store closes.
  app.addHook('onClose', async () => {
    throttle.stop();
    await retention.stop();
    await caches.versions.stop();
    await audit.close();
    await store.close();
  });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  app.setErrorHandler((error, _request, reply) => writeError(reply, error));
  app.setNotFoundHandler((_request, reply) =>
    writeError(reply, new ValidationError('No operation matches this method and path', [], 'UNKNOWN_OPERATION')),
  );
  // Every reply carries x-amzn-RequestId: errors get it from writeError, the pipeline
  // sets it itself, and the routes outside the pipeline (health, the console's files)
  // from a hook of their scope (an app-wide hook would run on every API call as well).
  await app.register(async (own) => {
    own.addHook('onRequest', (request, reply, done) => {
      reply.header('x-amzn-RequestId', request.id);
      done();
    });
    own.addHook('onRequest', throttle.onRequest);
    own.addHook('onResponse', throttle.onResponse);
    own.get('/_plumbline/health', async (_request, reply) => {
      try {
        await sql`select 1`.execute(store.db);
        return { status: 'ok', store: store.dialect };
      } catch {
        return reply.status(503).send({ status: 'unavailable', store: store.dialect });
      }
    });
    registerReadinessRoute(own, { store, audit, stopping: () => stopping });
    registerConsoleRoutes(own, { services, lookup, region: config.region, distDir: config.consoleDir });
  });

  registerPipeline(app, { ctx: operationContext, lookup, audit, region: config.region, now, throttle, maxStreamedBytes: config.checksMaxBytes, accepts: new AcceptWatch(app.server) });

  return { app, services, rootCredentials, audit };
}
