import type { FastifyInstance } from 'fastify';
import type { SecretBox } from '../../services/credentials/accounts.service';
import type { ServiceContext } from '../../services/context';
import { lookupAuditRecords, type AuditContext } from '../../services/audit/lookup.service';
import type { AuditTrail } from '../../services/audit/trail';
import { auditTrailStats } from '../../services/audit/stats.service';
import { listEventDeliveries } from '../../services/events/deliveries.service';
import { createEventTarget, deleteEventTarget, getEventTarget, listEventTargets, redriveEventTarget, updateEventTarget } from '../../services/events/targets.service';
import { createAccount, createOrganization, createOrganizationalUnit, listAccounts } from '../../services/identity/organizations.service';
import { attachUserPolicy, deleteUserPolicy, detachUserPolicy, listUserPolicies, putUserPolicy } from '../../services/identity/user-policies';
import { createAccessKey, createUser, deleteAccessKey, deleteUser, listAccessKeys, listUsers, setPassword } from '../../services/identity/users.service';
import type { Principal } from '../../services/principal';
import { deleteRootPasswordOf, getRootPassword, setRootPassword } from '../../services/console/root-password.service';
import { authenticate, type KeyLookup } from '../auth/authenticate';

/**
 * The admin API under /_plumbline/admin: accounts, organizations, IAM users, their
 * access keys, passwords and policies. JSON in and out, members named as in IAM;
 * errors are written by the app's one error writer.
 */

export const ADMIN_PREFIX = '/_plumbline/admin';

/** Each service declares its own input shape and checks it; `never` lets any of them in. */
type Handler = (ctx: AuditContext, principal: Principal, input: never) => Promise<unknown>;

interface AdminRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  handle: Handler;
}

export const ADMIN_ROUTES: AdminRoute[] = [
  { method: 'POST', url: '/accounts', handle: createAccount },
  { method: 'GET', url: '/accounts', handle: listAccounts },
  { method: 'POST', url: '/organizations', handle: createOrganization },
  { method: 'POST', url: '/organizations/:OrganizationId/units', handle: createOrganizationalUnit },
  { method: 'POST', url: '/users', handle: createUser },
  { method: 'GET', url: '/users', handle: listUsers },
  { method: 'DELETE', url: '/users/:UserName', handle: deleteUser },
  { method: 'PUT', url: '/users/:UserName/password', handle: setPassword },
  { method: 'POST', url: '/users/:UserName/access-keys', handle: createAccessKey },
  { method: 'GET', url: '/users/:UserName/access-keys', handle: listAccessKeys },
  { method: 'DELETE', url: '/users/:UserName/access-keys/:AccessKeyId', handle: deleteAccessKey },
  { method: 'GET', url: '/users/:UserName/policies', handle: listUserPolicies },
  { method: 'PUT', url: '/users/:UserName/policies/:PolicyName', handle: putUserPolicy },
  { method: 'DELETE', url: '/users/:UserName/policies/:PolicyName', handle: deleteUserPolicy },
  { method: 'POST', url: '/users/:UserName/attached-policies', handle: attachUserPolicy },
  // The ARN holds '/', so it travels in the query (?PolicyArn=...) rather than the path.
  { method: 'DELETE', url: '/users/:UserName/attached-policies', handle: detachUserPolicy },
  // The root user's own console password (src/services/console/root-password.service.ts).
  { method: 'GET', url: '/root/password', handle: getRootPassword },
  { method: 'PUT', url: '/root/password', handle: setRootPassword },
  { method: 'DELETE', url: '/root/password', handle: deleteRootPasswordOf },
  // The audit trail: AccountId, PrincipalArn or UserName, EventName, ResourceArn, StartTime, EndTime, ReadOnly, paging.
  { method: 'GET', url: '/audit', handle: lookupAuditRecords },
  // Its size and growth: records, approximate bytes, records in the last hour and day.
  { method: 'GET', url: '/audit/stats', handle: auditTrailStats },
  // Event targets (webhooks and NDJSON files) of the caller's account, with their delivery state.
  { method: 'POST', url: '/event-targets', handle: createEventTarget },
  { method: 'GET', url: '/event-targets', handle: listEventTargets },
  { method: 'GET', url: '/event-targets/:TargetId', handle: getEventTarget },
  { method: 'PUT', url: '/event-targets/:TargetId', handle: updateEventTarget },
  { method: 'DELETE', url: '/event-targets/:TargetId', handle: deleteEventTarget },
  { method: 'GET', url: '/event-targets/:TargetId/deliveries', handle: listEventDeliveries },
  { method: 'POST', url: '/event-targets/:TargetId/redrive', handle: redriveEventTarget },
];

/** Query members are text on the wire; these are numbers. */
const NUMERIC = new Set(['MaxResults']);

export interface AdminOptions {
  services: ServiceContext;
  lookup: KeyLookup;
  box: SecretBox;
  defaultAccountId: string;
  region: string;
  audit: AuditTrail;
}

export function registerAdminRoutes(app: FastifyInstance, options: AdminOptions): void {
  const ctx: AuditContext = { ...options.services, box: options.box, defaultAccountId: options.defaultAccountId, audit: options.audit };
  for (const route of ADMIN_ROUTES) {
    app.route({
      method: route.method,
      url: ADMIN_PREFIX + route.url,
      handler: async (request, reply) => {
        const { principal, query, json } = await authenticate(request, options.lookup, options.region, options.services.now);
        const input: Record<string, unknown> = { ...json() };
        for (const [key, value] of query) input[key] = NUMERIC.has(key) ? Number(value) : value;
        Object.assign(input, request.params as Record<string, string>);
        const result = await route.handle(ctx, principal, input as never);
        return reply.status(200).header('content-type', 'application/json').send(JSON.stringify(result ?? {}));
      },
    });
  }
}
