import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../services/context';
import type { AuditTrailStatus } from '../services/audit/trail';
import { readiness } from '../services/readiness';

/** GET /_plumbline/ready: 200 while the store answers, 503 while it does not (and while shutting down). */
export function registerReadinessRoute(app: FastifyInstance, options: { store: ServiceContext['store']; audit: { status(): AuditTrailStatus }; stopping: () => boolean }): void {
  app.get('/_plumbline/ready', async (_request, reply) => {
    if (options.stopping()) return reply.status(503).send({ status: 'stopping', store: options.store.dialect });
    const state = await readiness(options.store, options.audit);
    return reply.status(state.ready ? 200 : 503).send({ status: state.ready ? 'ready' : 'unavailable', ...state });
  });
}
