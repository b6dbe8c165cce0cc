/**
 * Connections in each Plumbline process's PostgreSQL pool. A call holds one
 * for its whole transaction, so the pool caps the calls in flight on the
 * database; past the server's cores more connections only queue inside
 * PostgreSQL (and cost it memory), fewer leave calls waiting in the process
 * while the server idles between round trips. Measured with npm run bench --
 * --store postgres (README, Benchmarks).
 */
export const POSTGRES_POOL_SIZE = 10;
