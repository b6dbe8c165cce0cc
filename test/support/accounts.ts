import { randomBytes } from 'node:crypto';
import { WellArchitectedClient } from '@aws-sdk/client-wellarchitected';
import { newAccessKeyId, newSecretAccessKey } from '../../src/services/credentials/accounts.service';
import { createSecretBox, loadOrCreateMasterKey } from '../../src/services/credentials/secret-box';
import { ensureAccount, insertAccessKey } from '../../src/store/accounts.repo';
import { ROOT_KEY, startServer, TEST_ACCOUNT, TEST_REGION, type TestServer } from './server';
import type { StoreKind } from './stores';

/**
 * More accounts and users for tests that need several principals, made
 * directly in the store. The server gets a known master key so that the
 * secrets sealed here are the ones it opens.
 */

const MASTER_KEY = randomBytes(32).toString('hex');
const box = createSecretBox(loadOrCreateMasterKey({ dataDir: '', envKey: MASTER_KEY }));

/** The server environment createAccount and createUser need (for servers started another way, e.g. the console harness). */
export const accountsServerEnv = { PLUMBLINE_MASTER_KEY: MASTER_KEY };

export const startServerWithAccounts = (kind: StoreKind) => startServer(kind, accountsServerEnv);

export interface Actor {
  accountId: string;
  userName?: string;
  /** What SharedWith names: the account id for a root user, the user's ARN for a user. */
  sharedWith: string;
  client: WellArchitectedClient;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

const ALLOW_ALL = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'wellarchitected:*', Resource: '*' }] });

export const defaultRoot = (server: TestServer): Actor => ({
  accountId: TEST_ACCOUNT,
  sharedWith: TEST_ACCOUNT,
  client: server.clientFor(ROOT_KEY),
  credentials: ROOT_KEY,
});

/**
 * A client signing with the server's moved clock (see TestServer.clock). Use it for one call:
 * the SDK corrects its offset from each response's Date header, which shows the real clock.
 */
export const onServerClock = (server: TestServer, actor: Actor) =>
  new WellArchitectedClient({ endpoint: server.url, region: TEST_REGION, credentials: actor.credentials, maxAttempts: 1, systemClockOffset: server.clock.offsetMs });

async function keyFor(server: TestServer, accountId: string, userName: string | null) {
  const credentials = { accessKeyId: newAccessKeyId(), secretAccessKey: newSecretAccessKey() };
  await insertAccessKey(server.built.services.store.db, {
    accessKeyId: credentials.accessKeyId,
    accountId,
    userName,
    secretSealed: box.seal(credentials.secretAccessKey),
    createdAt: Date.now(),
  });
  return credentials;
}

/** An account (in an organization and OU when given) and a client signed by its root user. */
export async function createAccount(
  server: TestServer,
  accountId: string,
  groups: { organizationId?: string; organizationalUnitId?: string } = {},
): Promise<Actor> {
  const db = server.built.services.store.db;
  await ensureAccount(db, accountId, Date.now());
  await db
    .updateTable('accounts')
    .set({ organization_id: groups.organizationId ?? null, organizational_unit_id: groups.organizationalUnitId ?? null })
    .where('id', '=', accountId)
    .execute();
  const credentials = await keyFor(server, accountId, null);
  return { accountId, sharedWith: accountId, client: server.clientFor(credentials), credentials };
}

/** An IAM user of an existing account, allowed every Well-Architected action by its policy (shares decide the rest). */
export async function createUser(server: TestServer, accountId: string, userName: string): Promise<Actor> {
  const db = server.built.services.store.db;
  const now = Date.now();
  await db
    .insertInto('users')
    .values({
      account_id: accountId,
      user_name: userName,
      name_key: userName.toLowerCase(),
      user_id: randomBytes(10).toString('hex').toUpperCase(),
      password_hash: null,
      password_changed_at: null,
      created_at: now,
    })
    .execute();
  await db.insertInto('user_policies').values({ account_id: accountId, user_name: userName, policy_name: 'all', document: ALLOW_ALL, updated_at: now }).execute();
  const credentials = await keyFor(server, accountId, userName);
  return { accountId, userName, sharedWith: `arn:aws:iam::${accountId}:user/${userName}`, client: server.clientFor(credentials), credentials };
}
