import { expect, it, beforeAll, afterAll } from 'vitest';
import { adminCall, createTestUser } from '../support/identities';
import { TEST_ACCOUNT } from '../support/server';
import { signedFetch } from '../support/signed-fetch';
import { describeConsole, signedIn, signInAsUser, startConsole, storedSession, type ConsoleHarness } from './support';

/**
 * Signing in to the console (issue 8): the root user by access key, an IAM user by
 * password, a wrong password said in words, signing out, and an expired session
 * sending the user back to sign-in with a reason.
 */

const PASSWORD = 'a long console password';
// Short sessions (6 minutes) so that expiry is reached by moving the server's and the page's clocks.
const SESSION_HOURS = 0.1;

describeConsole('console sign-in', () => {
  let h: ConsoleHarness;

  beforeAll(async () => {
    h = await startConsole(import.meta.url, { env: { PLUMBLINE_CONSOLE_SESSION_HOURS: String(SESSION_HOURS) } });
    await createTestUser(h.server, 'mateo', { managed: ['WellArchitectedConsoleReadOnlyAccess'] });
    await adminCall(h.server, { method: 'PUT', path: '/users/mateo/password', body: { Password: PASSWORD } });
  });
  afterAll(() => h?.close());

  it('signs the root user in with its access key: account and root shown, administration offered', async () => {
    const { page } = h;
    const menu = page.getByRole('button', { name: `Root user @ ${TEST_ACCOUNT}: signed in as Root user of account ${TEST_ACCOUNT}` });
    await expect(menu.isVisible()).resolves.toBe(true);
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    const nav = page.getByRole('navigation').filter({ hasText: 'Reviews' }).last();
    for (const entry of ['Dashboard', 'Workloads', 'Lens upgrades', 'Custom lenses', 'Profiles', 'Review templates', 'Share invitations', 'Users', 'Audit trail', 'Event targets']) {
      await expect(nav.getByRole('link', { name: entry, exact: true }).count(), entry).resolves.toBe(1);
    }
    await h.shot('root-signed-in');
    await nav.getByRole('link', { name: 'Workloads', exact: true }).click();
    await page.waitForURL('**/console/workloads');
    await nav.locator('a[aria-current="page"]', { hasText: 'Workloads' }).waitFor();
  });

  it('says a wrong password in words and keeps the account and user name', async () => {
    const page = await h.newPage();
    await page.goto('/console/');
    await h.shot('sign-in-form', page);
    await page.getByRole('button', { name: 'IAM user', exact: true }).click();
    await page.getByLabel('Account ID').fill(TEST_ACCOUNT);
    await page.getByLabel('User name').fill('mateo');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Sign-in failed: the details given are not correct').waitFor();
    await expect(page.getByLabel('Account ID').inputValue()).resolves.toBe(TEST_ACCOUNT);
    await expect(page.getByLabel('User name').inputValue()).resolves.toBe('mateo');
    await expect(page.getByLabel('Password').inputValue()).resolves.toBe('');
    await h.shot('wrong-password', page);
    // A missing field is named at the field, without asking the server.
    await page.getByLabel('User name').fill('');
    await page.getByLabel('Password').fill(PASSWORD);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Enter the user name.').waitFor();
    expect(requests.filter((url) => url.includes('/sign-in'))).toEqual([]);
    await h.shot('missing-user-name', page);
    await page.context().close();
  });

  it('signs an IAM user in with its password; no administration for a user', async () => {
    const page = await h.newPage();
    await signInAsUser(page, TEST_ACCOUNT, 'mateo', PASSWORD);
    await page.getByRole('button', { name: `mateo @ ${TEST_ACCOUNT}: signed in as mateo of account ${TEST_ACCOUNT}` }).waitFor();
    const nav = page.getByRole('navigation').filter({ hasText: 'Reviews' }).last();
    await expect(nav.getByRole('link', { name: 'Users', exact: true }).count()).resolves.toBe(0);
    await expect(nav.getByRole('link', { name: 'Workloads', exact: true }).count()).resolves.toBe(1);
    // Read-only access is enough for the dashboard.
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await page.getByText('No workloads yet').first().waitFor();
    await h.shot('user-signed-in', page);
    await page.context().close();
  });

  it('signs out back to the sign-in form, and the session no longer works', async () => {
    const page = await h.newPage();
    await signInAsUser(page, TEST_ACCOUNT, 'mateo', PASSWORD);
    const session = await storedSession(page);
    expect(session).not.toBeNull();
    await page.getByRole('button', { name: /^mateo @ / }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await expect(storedSession(page)).resolves.toBeNull();
    await h.shot('signed-out', page);
    // The server ended it too: its credentials are refused.
    const after = await signedFetch(h.server.url, { method: 'GET', path: '/_plumbline/admin/users', credentials: session! });
    expect(after.status).toBe(403);
    expect(after.json?.Message).toMatch(/session has expired or was signed out/);
    await page.context().close();
  });

  it('sends an expired session back to sign-in with the reason, then returns to the same page', async () => {
    const page = await h.newPage();
    await signInAsUser(page, TEST_ACCOUNT, 'mateo', PASSWORD);
    await page.goto('/console/workloads');
    await signedIn(page);
    // The server's clock passes the session's end: the next call answers "expired".
    h.server.clock.offsetMs = SESSION_HOURS * 3600_000 + 1_000;
    try {
      await page.reload();
      await page.getByText('Your session expired, sign in again.').waitFor();
      await h.shot('session-expired', page);
    } finally {
      h.server.clock.offsetMs = 0;
    }
    await page.getByRole('button', { name: 'IAM user', exact: true }).click();
    await page.getByLabel('User name').fill('mateo');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await signedIn(page);
    expect(new URL(page.url()).pathname).toBe('/console/workloads');
    await page.context().close();
  });

  it("signs out by itself when the session's time is up, without waiting for a call to fail", async () => {
    const page = await h.newPage();
    await page.clock.install();
    await signInAsUser(page, TEST_ACCOUNT, 'mateo', PASSWORD);
    await page.clock.fastForward(SESSION_HOURS * 3600_000 + 1_000);
    await page.getByText('Your session expired, sign in again.').waitFor();
    await expect(storedSession(page)).resolves.toBeNull();
    await page.context().close();
  });

  it('had no uncaught errors in any page', () => {
    expect(h.pageErrors).toEqual([]);
  });
});
