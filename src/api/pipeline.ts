import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import { ValidationError } from '../domain/errors';
import { callContext } from '../services/audit/call';
import type { AuditTrail } from '../services/audit/trail';
import { notYetAvailable } from '../services/not-yet-available';
import type { Principal } from '../services/principal';
import { beginAuditCall, recordFailure } from './audit-call';
import { authenticate, authenticateStreamed, unsignedRequest, type KeyLookup, type RequestParts } from './auth/authenticate';
import { bindInput } from './input';
import { authorizeOperation } from './call-resource';
import { servedOperations } from './model';
import { RawAnswer, type OperationContext } from './operation';
import { implemented } from './operations';
import { matchRoute } from './routing';
import { kindOfOperation, type Throttle } from './throttle';
import { AuthError } from './auth/sigv4';
import { StreamedPayload, verifiedBody } from './verified-body';
import type { AcceptWatch } from './accept-watch';

/**
 * The one pipeline every operation of both models goes through (the AWS API and
 * Plumbline's own, src/api/model/): authenticate (SigV4) → route and bind the
 * input from the model, with every problem in one ValidationException →
 * authorize the IAM action on the resource the call acts on
 * (./call-resource.ts) → run the operation's service → audit record (a
 * change's record commits in its transaction; reads and failures go in a
 * batch) → events (queued with the record) → the error writer for anything
 * thrown. Nothing else in Plumbline answers a call but health, readiness and
 * the console's files (docs/ARCHITECTURE.md). An operation with a streaming
 * payload (a checks import) gets its body unread, as a StreamedPayload that
 * checks the bytes against the signed SHA-256 as they arrive.
 */

export interface PipelineDeps {
  ctx: OperationContext;
  lookup: KeyLookup;
  audit: AuditTrail;
  region: string;
  now: () => number;
  /** Token buckets per access key and per address, and the in-flight bound (./throttle.ts). */
  throttle: Throttle;
  /** The largest body a streaming payload may have (PLUMBLINE_CHECKS_MAX_BYTES). */
  maxStreamedBytes: number;
  /** Whether clients are queueing to connect (./accept-watch.ts). */
  accepts: AcceptWatch;
}

/** The caller of an unsigned operation, until its service says who it was (console sign-in). */
const ANONYMOUS: Principal = Object.freeze({ accountId: '', arn: '', accessKeyId: '' });

/** A streamed body still unread, or one a parser buffered (a path Fastify did not route to the streaming scope). */
const bodyStream = (request: FastifyRequest): Readable => (Buffer.isBuffer(request.body) ? Readable.from([request.body]) : request.raw);

export function registerPipeline(app: FastifyInstance, deps: PipelineDeps): void {
  const { ctx, lookup, audit, region, now, throttle, maxStreamedBytes, accepts } = deps;

  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    // Every call, allowed or not, leaves an audit record (src/services/audit/).
    const call = beginAuditCall(audit, request, now);
    throttle.enter();
    try {
      // An address whose unsigned calls or failed signatures used up its allowance is not checked again until it refills.
      throttle.refuseIfEmpty('unauthenticated', request.ip);
      const url = request.raw.url ?? '/';
      const q = url.indexOf('?');
      const route = matchRoute(request.method, q === -1 ? url : url.slice(0, q));
      let principal = ANONYMOUS;
      let parts: RequestParts;
      let streamed: StreamedPayload | undefined;
      if (route.kind === 'matched' && route.op.authentication === 'none') {
        throttle.take('unauthenticated', request.ip);
        parts = unsignedRequest(request);
      } else if (route.kind === 'matched' && route.op.streamingPayload) {
        const signed = await authenticateStreamed(request, lookup, region, now);
        principal = call.principal = signed.principal;
        parts = signed;
        streamed = new StreamedPayload(signed.declaredSha256, () => verifiedBody(bodyStream(request), signed.declaredSha256, maxStreamedBytes));
      } else {
        const signed = await authenticate(request, lookup, region, now);
        principal = call.principal = signed.principal;
        parts = signed;
      }
      if (route.kind === 'none') throw new ValidationError(`No operation matches ${request.method} ${parts.rawPath}`, [], 'UNKNOWN_OPERATION');
      const op = route.op;
      call.eventName = op.name;
      if (principal !== ANONYMOUS) throttle.take(kindOfOperation(op.name), principal.accessKeyId);
      const operation = implemented.get(op.name);
      operation?.guard?.(request);
      const { input, problems } = bindInput(op, route.labels, parts.query, parts.json(), streamed);
      call.request = input;
      const checked = operation?.check?.(input);
      if (checked?.length) problems.push(...checked);
      if (problems.length) throw ValidationError.fields(problems);
      if (principal !== ANONYMOUS && op.authorization !== 'none') await authorizeOperation(ctx, principal, op, input);
      if (!operation) throw notYetAvailable(op.name);
      const result = await operation.handle(callContext(ctx, call), principal, input, call);
      reply.status(200).header('x-amzn-RequestId', request.id);
      // Clients queueing to connect: this one queues up again behind them (a 429 always closes: ./error-writer.ts).
      if (accepts.backlogged()) reply.header('connection', 'close');
      if (result instanceof RawAnswer) {
        audit.recordLater(call, { response: result.audited });
        return reply.headers(result.headers).header('content-type', result.contentType).send(result.body);
      }
      audit.recordLater(call, { response: result });
      return reply.header('content-type', 'application/json').send(operation.body ? operation.body(result) : JSON.stringify(result ?? {}));
    } catch (error) {
      if (error instanceof AuthError) throttle.spend('unauthenticated', request.ip);
      await recordFailure(call, request, error, lookup);
      throw error;
    } finally {
      throttle.leave();
    }
  };

  app.all('/*', handler);
  // An operation with a streaming payload has its route in a scope without body
  // parsers, so that its body reaches the handler unread; the same handler serves it.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null));
    for (const op of servedOperations) {
      if (op.streamingPayload) scope.route({ method: op.method as HTTPMethods, url: op.uri.replace(/\{(\w+)\}/g, ':$1'), handler });
    }
  });
}
