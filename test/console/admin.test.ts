import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateWorkloadCommand, ListWorkloadsCommand } from '@aws-sdk/client-wellarchitected';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { adminCall } from '../support/identities';
import { describeConsole, startConsole, type ConsoleHarness } from './support';

/**
 * Administration in the console (issue 8), as the account's root user: a user created
 * with a console password (a too-short one refused at its field), an access key whose
 * secret is shown once and works, a managed policy attached and an inline policy whose
 * problem is named by its path in the document; the audit trail showing those calls,
 * filtered; a webhook event target receiving an event, with its delivery state shown.
 */

const BAD_POLICY = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Deny', Action: 'wellarchitected:DeleteWorkload', Resource: '*', Condition: { StringEqualz: { 'aws:username': 'alice' } } }],
  },
  null,
  2,
);

describeConsole('administration in the console', () => {
  let h: ConsoleHarness;
  let secret: { accessKeyId: string; secretAccessKey: string };

  beforeAll(async () => {
    h = await startConsole(import.meta.url);
  });
  afterAll(() => h?.close());

  it('creates a user with a console password, refusing a short one at its field', async () => {
    const { page } = h;
    await page.goto('/console/admin/users');
    await page.getByText('No users yet.').waitFor();
    await h.shot('users-empty');
    await page.getByRole('button', { name: 'Create user' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('User name').fill('alice');
    await dialog.getByLabel('Console password').fill('short');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await dialog.getByText('must be 8-128 characters').waitFor();
    await h.shot('user-short-password');
    await dialog.getByLabel('Console password').fill('a long console password');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await page.waitForURL('**/console/admin/users/alice');
    await page.getByRole('heading', { name: 'alice', level: 1 }).waitFor();
    await page.getByText('User alice was created.').waitFor();
    const { Users } = await adminCall<{ Users: Array<{ UserName: string; HasPassword: boolean }> }>(h.server, { method: 'GET', path: '/users' });
    expect(Users.map((u) => [u.UserName, u.HasPassword])).toEqual([['alice', true]]);
  });

  it('creates an access key whose secret is shown once, and the key signs calls as the user', async () => {
    const { page } = h;
    await page.getByRole('tab', { name: 'Security credentials' }).click();
    await page.getByText('This user has no access keys.').waitFor();
    await page.getByRole('button', { name: 'Create access key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Access key created' });
    await dialog.getByText('This is the only time the secret can be viewed or copied.').waitFor();
    const accessKeyId = (await dialog.locator('[data-secret="Access key ID"]').textContent())!.trim();
    const secretAccessKey = (await dialog.locator('[data-secret="Secret access key"]').textContent())!.trim();
    expect(accessKeyId).toMatch(/^[A-Z0-9]{16,}$/);
    expect(secretAccessKey.length).toBeGreaterThanOrEqual(30);
    secret = { accessKeyId, secretAccessKey };
    await h.shot('access-key-secret-once');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('row', { name: new RegExp(accessKeyId) }).waitFor();
    // Gone from the page once the dialog is closed.
    expect(await page.content()).not.toContain(secretAccessKey);
    await h.shot('access-keys');
    // A user with no policy is authenticated, then denied.
    await expect(h.server.clientFor(secret).send(new ListWorkloadsCommand({}))).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });

  it('attaches a managed policy, and names an inline policy problem by its path before saving the fixed one', async () => {
    const { page } = h;
    await page.getByRole('tab', { name: 'Permissions' }).click();
    await page.getByText('No managed policy is attached.').waitFor();
    await page.getByRole('button', { name: 'Managed policy' }).click();
    await page.getByRole('option', { name: /WellArchitectedConsoleReadOnlyAccess/ }).click();
    await page.getByRole('button', { name: 'Attach policy' }).click();
    await page.getByText('The managed policy was attached; it applies at once.').waitFor();
    await page.getByRole('row', { name: /WellArchitectedConsoleReadOnlyAccess/ }).waitFor();
    await expect(h.server.clientFor(secret).send(new ListWorkloadsCommand({}))).resolves.toMatchObject({ WorkloadSummaries: [] });

    await page.getByRole('button', { name: 'Add inline policy' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Policy name').fill('NoDelete');
    await dialog.getByLabel('Policy document').fill('{"Version": "2012-10-17", "Statement": [}');
    await dialog.getByRole('button', { name: 'Save policy' }).click();
    await dialog.getByText(/^Not valid JSON: /).waitFor();
    await dialog.getByLabel('Policy document').fill(BAD_POLICY);
    await dialog.getByRole('button', { name: 'Save policy' }).click();
    // The problem's path, and where that is in the text (line 9 holds "StringEqualz").
    expect(BAD_POLICY.split('\n')[8]).toContain('StringEqualz');
    await dialog.getByText('PolicyDocument.Statement[0].Condition.StringEqualz').waitFor();
    await dialog.getByText(/\(line 9, column \d+\): unknown condition operator 'StringEqualz'/).waitFor();
    await h.shot('inline-policy-problem');
    await dialog.getByLabel('Policy document').fill(BAD_POLICY.replace('StringEqualz', 'StringEquals'));
    await dialog.getByRole('button', { name: 'Save policy' }).click();
    await page.getByText('Inline policy NoDelete was saved.').waitFor();
    await page.getByRole('row', { name: /NoDelete/ }).waitFor();
    await h.shot('policies');
    const policies = await adminCall<{ Policies: Array<{ PolicyName: string }> }>(h.server, { method: 'GET', path: '/users/alice/policies' });
    expect(policies.Policies.map((p) => p.PolicyName)).toEqual(['NoDelete']);

    // Detached, the user can no longer list workloads.
    await page.getByRole('button', { name: 'Detach WellArchitectedConsoleReadOnlyAccess' }).click();
    await page.getByText('No managed policy is attached.').waitFor();
    await expect(h.server.clientFor(secret).send(new ListWorkloadsCommand({}))).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });

  it('creates a webhook event target (its secret shown once) and shows an event delivered to it', async () => {
    const received: Array<{ body: string; headers: IncomingMessage['headers'] }> = [];
    let arrived: () => void = () => undefined;
    const delivered = new Promise<void>((resolve) => (arrived = resolve));
    const hook: Server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        received.push({ body, headers: request.headers });
        response.end('ok');
        arrived();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    try {
      const { page } = h;
      await page.goto('/console/admin/event-targets');
      await page.getByText('No event targets.').waitFor();
      await page.getByRole('button', { name: 'Create target' }).click();
      const dialog = page.getByRole('dialog', { name: 'Create event target' });
      await dialog.getByLabel('Name').fill('workload-events');
      await dialog.getByLabel('URL').fill(`http://127.0.0.1:${(hook.address() as AddressInfo).port}/events`);
      await dialog.getByLabel('Event pattern').fill(JSON.stringify({ detail: { eventName: ['CreateWorkloadz'] } }));
      await dialog.getByRole('button', { name: 'Create target' }).click();
      await dialog.getByText(/CreateWorkloadz is not an action that produces events/).waitFor();
      await h.shot('event-target-bad-pattern');
      await dialog.getByLabel('Event pattern').fill(JSON.stringify({ detail: { eventName: ['CreateWorkload'] } }));
      await dialog.getByRole('button', { name: 'Create target' }).click();
      const secretDialog = page.getByRole('dialog', { name: 'Webhook signing secret' });
      const signing = (await secretDialog.locator('[data-secret="Signing secret"]').textContent())!.trim();
      expect(signing.length).toBeGreaterThanOrEqual(16);
      await h.shot('event-target-secret-once');
      await secretDialog.getByRole('button', { name: 'Done' }).click();
      const row = page.getByRole('row', { name: /workload-events/ });
      await row.getByText('Enabled').waitFor();
      await row.getByText('Never').waitFor();

      await h.server.client.send(
        new CreateWorkloadCommand({ WorkloadName: 'Event source', Description: 'Makes an event', Environment: 'PRODUCTION', Lenses: ['wellarchitected'], AwsRegions: ['us-east-1'] }),
      );
      await delivered;
      expect(JSON.parse(received[0].body)).toMatchObject({ detail: { eventName: 'CreateWorkload' } });
      // The delivery is recorded just after the webhook answers: refresh until it shows.
      await expect
        .poll(async () => {
          await page.getByRole('button', { name: 'Refresh event targets' }).click();
          await page.getByRole('button', { name: 'Refresh event targets' }).isEnabled();
          return (await row.textContent()) ?? '';
        }, { timeout: 10_000 })
        .not.toContain('Never');
      await row.getByRole('radio').check();
      await page.getByRole('table').last().getByRole('row', { name: /CreateWorkload/ }).getByText('Delivered', { exact: true }).waitFor();
      await h.shot('event-target-delivered');

      await page.getByRole('button', { name: 'Disable' }).click();
      await row.getByText('Disabled').waitFor();
    } finally {
      await new Promise((resolve) => hook.close(resolve));
    }
  });

  it('shows the calls just made in the audit trail, newest first, filtered by event and by user', async () => {
    const { page } = h;
    await page.goto('/console/admin/audit');
    const table = page.getByRole('table').last();
    await table.getByRole('row', { name: /CreateWorkload/ }).first().waitFor();
    // The trail's size and growth, under the header.
    const size = await page.getByText(/^[\d,]+ records \(about [\d.]+ MB\); [\d,]+ in the last hour, [\d,]+ in the last day\./).textContent();
    expect(Number(size!.replace(/,/g, '').split(' ')[0])).toBeGreaterThan(0);
    const names = (await table.locator('tbody tr').allTextContents()).join('\n');
    for (const call of ['CreateWorkload', 'ListWorkloads']) expect(names).toContain(call);
    // Newest first: the workload was created after alice listed workloads.
    expect(names.indexOf('CreateWorkload')).toBeLessThan(names.lastIndexOf('ListWorkloads'));
    await h.shot('audit-trail');

    // The user's own calls, newest first: denied (policy detached), allowed, denied (no policy yet).
    await page.getByLabel('User or principal').fill('alice');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await table.getByRole('row', { name: /AccessDenied/ }).first().waitFor();
    const rows = await table.locator('tbody tr').allTextContents();
    expect(rows.every((r) => r.includes('ListWorkloads') && r.includes('alice'))).toBe(true);
    expect(rows.map((r) => r.includes('AccessDenied'))).toEqual([true, false, true]);
    await table.getByRole('row', { name: /AccessDenied/ }).first().getByRole('radio').check();
    const record = JSON.parse((await page.getByLabel('Record JSON').textContent())!);
    expect(record).toMatchObject({ eventName: 'ListWorkloads', errorCode: 'AccessDeniedException', userIdentity: { type: 'IAMUser', userName: 'alice' } });
    await h.shot('audit-trail-filtered');

    // By event name, changes only.
    await page.getByLabel('User or principal').fill('');
    await page.getByLabel('Event name').fill('CreateWorkload');
    await page.getByRole('button', { name: 'Changes only' }).click();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(async () => (await table.locator('tbody tr').allTextContents()).map((r) => r.includes('CreateWorkload'))).toEqual([true]);

    // A field the API refuses is named at its field.
    await page.getByLabel('User or principal').fill('team/alice');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('may contain only letters, digits and + = , . @ _ -').waitFor();
    expect(h.pageErrors).toEqual([]);
  });
});
