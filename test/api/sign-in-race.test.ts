import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type BuiltApp } from '../../src/api/app';
import { SIGN_IN_PATH } from '../../src/api/console-routes';
import { SIGN_IN_LIMITS } from '../../src/services/console/sign-in.service';
import { adminCall, createTestUser } from '../support/identities';
import { startServer, TEST_ACCOUNT, type TestServer } from '../support/server';
import { unsignedFetch } from '../support/signed-fetch';
import { storeKinds } from '../support/stores';

/**
 * Sign-in limits that cannot race (issue 16): each attempt is counted in the database
 * before its password is checked, so a burst of simultaneous wrong passwords gets at
 * most the limit of checks (a 401 means the password was checked; a 429 that it was
 * not). On PostgreSQL the burst is split between two instances of one database, which
 * share the count.
 */

const PASSWORD = 'correct horse battery staple';

describe.each(storeKinds())('sign-in limits under concurrency (%s)', (kind) => {
  let server: TestServer;
  let second: BuiltApp | undefined;
  let urls: string[];

  beforeAll(async () => {
    server = await startServer(kind);
    await createTestUser(server, 'victim');
    await adminCall(server, { method: 'PUT', path: '/users/victim/password', body: { Password: PASSWORD } });
    urls = [server.url];
    if (kind === 'postgres') {
      second = await buildApp({ config: server.config });
      urls.push(await second.app.listen({ host: '127.0.0.1', port: 0 }));
    }
  });
  afterAll(async () => {
    await second?.app.close();
    await server?.close();
  });

  const attempt = (i: number, body: Record<string, string>) =>
    unsignedFetch(urls[i % urls.length], { method: 'POST', path: SIGN_IN_PATH, body: JSON.stringify({ AccountId: TEST_ACCOUNT, ...body }) });

  it('checks at most 5 passwords for 100 simultaneous wrong sign-ins of one user, then refuses even the right one', async () => {
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => attempt(i, { UserName: 'victim', Password: `guess ${i}` })));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(SIGN_IN_LIMITS.perIdentity);
    expect(statuses.filter((s) => s === 429)).toHaveLength(100 - SIGN_IN_LIMITS.perIdentity);
    expect(answers.find((a) => a.status === 429)?.headers.get('x-amzn-ErrorType')).toBe('ThrottlingException');
    expect((await attempt(0, { UserName: 'victim', Password: PASSWORD })).status).toBe(429);
  });

  it('checks at most the per-address limit for a simultaneous burst across many users from one address', async () => {
    // The earlier burst left 5 failures against this address.
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => attempt(i, { UserName: `spray${i}`, Password: `guess ${i}` })));
    const checked = answers.filter((a) => a.status === 401).length;
    expect(checked).toBe(SIGN_IN_LIMITS.perAddress - SIGN_IN_LIMITS.perIdentity);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(100 - checked);
  });
});
