/**
 * The server's limit on presigned URLs travels on the Fastify instance (set once in
 * buildApp), so every route that authenticates reads the same setting without each
 * passing it along. Unset (a bare instance in a test), the verifier's default applies.
 */
declare module 'fastify' {
  interface FastifyInstance {
    presignMaxSeconds?: number;
  }
}

export {};
