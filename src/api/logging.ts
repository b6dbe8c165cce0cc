import { LogController, type FastifyRequest, type FastifyServerOptions } from 'fastify';

/**
 * The server's log: pino's JSON lines, each line of a request carrying its
 * `requestId` (the x-amzn-RequestId the caller got), and nothing a reader of the
 * log could sign with. Presigned URLs hold their signature, credential scope and
 * session token in the query string, which Fastify logs whole; those values are
 * replaced before a line is written.
 */

export type LoggerSetting = boolean | { level: string; stream?: NodeJS.WritableStream };

const SECRET_PARAMS = /([?&](?:X-Amz-Signature|X-Amz-Credential|X-Amz-Security-Token)=)[^&#]*/gi;

export const redactUrl = (url: string): string => (url.includes('X-Amz-') || /x-amz-/i.test(url) ? url.replace(SECRET_PARAMS, '$1REDACTED') : url);

/** Fastify's own request serializer, with the URL redacted. */
function request(req: FastifyRequest) {
  return {
    method: req.method,
    url: redactUrl(req.url),
    version: req.headers?.['accept-version'] as string | undefined,
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

/** Whether Fastify's per-request info logs would be written at this logger setting. */
const logsRequests = (setting: LoggerSetting | undefined) => setting === true || (typeof setting === 'object' && ['trace', 'debug', 'info'].includes(setting.level));

export function loggerOptions(setting: LoggerSetting | undefined): Pick<FastifyServerOptions, 'logger' | 'logController'> {
  return {
    logger: setting ? { ...(setting === true ? { level: 'info' } : setting), serializers: { req: request } } : false,
    // Fastify logs each request and reply at info: below that level those calls only cost time.
    logController: new LogController({ disableRequestLogging: !logsRequests(setting), requestIdLogLabel: 'requestId' }),
  };
}
