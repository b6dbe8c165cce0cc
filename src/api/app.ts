import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Config } from '../config';
import { ValidationError } from '../domain/errors';
import type { ServiceContext } from '../services/context';
import { bootstrapRoot, signingKeyLookup, type RootCredentials } from '../services/credentials/accounts.service';
import { createSecretBox, loadOrCreateMasterKey } from '../services/credentials/secret-box';
import { loadBuiltinLenses } from '../services/lenses/builtin-lenses';
import { LensCatalog } from '../services/lenses/catalog';
import { registerCustomLenses } from '../services/lenses/custom-lens-source';
import { authorizeCall } from '../services/identity/authorize-call';
import { jsonBodyOf } from '../services/json-text';
import { notYetAvailable } from '../services/not-yet-available';
import { bindPrincipal } from '../services/audit/call';
import { startRetention } from '../services/audit/retention';
import { startEvents } from '../services/events/start';
import { AuditTrail } from '../services/audit/trail';
import { openStore } from '../store/database';
import { registerAdminRoutes } from './admin/routes';
import { registerConsoleRoutes } from './console-routes';
import { beginAuditCall, recordFailure } from './audit-call';
import { authenticateNow } from './auth/authenticate';
import { writeError } from './error-writer';
import { registerExportRoutes } from './export-routes';
import { registerTemplateRoutes } from './template-routes';
import { registerLensTemplateRoutes } from './lens-template-routes';
import { registerLensDraftRoutes } from './lens-draft-routes';
import { registerPracticeRiskRoutes } from './practice-risk-routes';
import { registerPermissionsRoutes } from './permissions-routes';
import { bindInput } from './input';
import { implemented } from './operations';
import { matchRoute } from './routing';

export interface BuiltApp {
  app: FastifyInstance;
  services: ServiceContext;
  rootCredentials: RootCredentials;
  audit: AuditTrail;
}

export interface AppOptions {
  config: Config;
  logger?: boolean | { level: string };
  now?: () => number;
}

// Lens imports are up to 500,000 characters of JSON inside a JSON string.
const BODY_LIMIT = 4 * 1024 * 1024;

/** Whether Fastify's per-request info logs would be written at this logger setting. */
const logsRequests = (logger: AppOptions['logger']) =>
  logger === true || (typeof logger === 'object' && ['trace', 'debug', 'info'].includes(logger.level));

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
  const lookup = signingKeyLookup(store, box, now);
  // Events: the enabled targets cached for the enqueue step, and the outbox delivered in the background.
  const events = await startEvents(store, box, config.events, now, (error) =>
    process.stderr.write(`events: ${error instanceof Error ? error.message : String(error)}\n`),
  );
  const audit = new AuditTrail(store, { region: config.region });
  const retention = startRetention(store, config.auditRetentionDays, now, (error) =>
    process.stderr.write(`audit trail: purging old records failed: ${String(error)}\n`),
  );

  const app = Fastify({
    logger: options.logger ?? false,
    // Fastify logs each request and reply at info: below that level those calls only cost time.
    logController: new LogController({ disableRequestLogging: !logsRequests(options.logger) }),
    bodyLimit: BODY_LIMIT,
    genReqId: () => randomUUID(),
  });
  // Before the store closes: deliveries under way are aborted and stay in the outbox.
  app.addHook('preClose', () => events.stop());
  // Pending audit records are written before the store closes.
  app.addHook('onClose', async () => {
    await retention.stop();
    await audit.close();
    await store.close();
  });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  app.setErrorHandler((error, _request, reply) => writeError(reply, error));
  app.setNotFoundHandler((_request, reply) =>
    writeError(reply, new ValidationError('No operation matches this method and path', [], 'UNKNOWN_OPERATION')),
  );
  // Every reply carries x-amzn-RequestId: errors get it from writeError, the API's
  // catch-all below sets it itself, and Plumbline's own routes from a hook of their
  // scope (an app-wide hook would run on every API call as well).
  await app.register(async (own) => {
    own.addHook('onRequest', (request, reply, done) => {
      reply.header('x-amzn-RequestId', request.id);
      done();
    });
    own.get('/_plumbline/health', async (_request, reply) => {
      try {
        await sql`select 1`.execute(store.db);
        return { status: 'ok', store: store.dialect };
      } catch {
        return reply.status(503).send({ status: 'unavailable', store: store.dialect });
      }
    });
    registerAdminRoutes(own, { services, lookup, box, defaultAccountId: config.accountId, region: config.region, audit });
    registerExportRoutes(own, { services, lookup, region: config.region });
    registerTemplateRoutes(own, { services, lookup, region: config.region });
    registerConsoleRoutes(own, { services, lookup, box, region: config.region, sessionHours: config.consoleSessionHours, distDir: config.consoleDir });
    registerLensTemplateRoutes(own, { services, lookup, region: config.region });
    registerLensDraftRoutes(own, { services, lookup, region: config.region });
    registerPracticeRiskRoutes(own, { services, lookup, region: config.region });
    registerPermissionsRoutes(own, { services, lookup, region: config.region });
  });

  app.all('/*', async (request, reply) => {
    // Every call, allowed or not, leaves an audit record (src/services/audit/).
    const call = beginAuditCall(audit, request, now);
    try {
      const authenticating = authenticateNow(request, lookup, config.region, now);
      const signed = authenticating instanceof Promise ? await authenticating : authenticating;
      const { rawPath, query, json } = signed;
      const principal = bindPrincipal(call, signed.principal);
      const route = matchRoute(request.method, rawPath);
      if (route.kind === 'none') {
        throw new ValidationError(`No operation matches ${request.method} ${rawPath}`, [], 'UNKNOWN_OPERATION');
      }
      call.eventName = route.op.name;
      const operation = implemented.get(route.op.name);
      const { input, problems } = bindInput(route.op, route.labels, query, json());
      call.request = input;
      const checked = operation?.check?.(input);
      if (checked?.length) problems.push(...checked);
      if (problems.length) throw ValidationError.fields(problems);
      const authorizing = authorizeCall(services, principal, route.op.name, input);
      if (authorizing) await authorizing;
      if (!operation) throw notYetAvailable(route.op.name);
      const handled = operation.handle(services, principal, input);
      const result = handled instanceof Promise ? await handled : handled;
      audit.recordLater(call, { response: result });
      return reply.status(200).header('x-amzn-RequestId', request.id).header('content-type', 'application/json').send(jsonBodyOf(result));
    } catch (error) {
      await recordFailure(call, request, error, lookup);
      throw error;
    }
  });

  return { app, services, rootCredentials, audit };
}
