import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ListLensesCommand } from '@aws-sdk/client-wellarchitected';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { corpusDir } from '../corpus/lens-corpus-expectations';
import { describeConsole, startConsole, type ConsoleHarness } from './support';

/**
 * Custom lenses in the console (issue 8, "Custom lenses" of the user guide): a real lens
 * file with a character the hosted import refuses in a question title, refused with its
 * problem located, the real file (which the hosted service imports) created as a draft, published with
 * a version name, updated and published again as a minor version after reviewing the
 * changes, then deleted.
 */

const ECS_LENS = 'Amazon_ECS_Lens.json';
const NAN_LENS = 'custom-lens-emr-spark-v1.0.json';

async function downloaded(download: Download): Promise<string> {
  const file = await download.path();
  return readFile(file!, 'utf8');
}

/** The 1-based line of the first `needle` after `after` in `text`. */
function lineOf(text: string, needle: string, after = ''): number {
  const start = after ? text.indexOf(after) : 0;
  return text.slice(0, text.indexOf(needle, start)).split('\n').length;
}

const chooseFile = (page: Page, name: string, text: string) =>
  page.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

describeConsole('custom lenses in the console', () => {
  let h: ConsoleHarness;
  let ecs: string;
  /** The ECS lens with a ';' in question NET3's title, which the hosted import refuses there. */
  let broken: string;
  let fixed: string;
  /** The fixed lens with its first question reworded: an update. */
  let update: string;
  let reworded: string;

  beforeAll(async () => {
    h = await startConsole(import.meta.url);
    ecs = await readFile(path.join(corpusDir, ECS_LENS), 'utf8');
    const doc = JSON.parse(ecs);
    const net3 = doc.pillars[1].questions[2];
    expect(net3.id).toBe('NET3');
    const title = net3.title;
    net3.title = `${title}; draft`;
    broken = JSON.stringify(doc, null, 2);
    // What the author does after reading the error: the title loses its ';'.
    net3.title = title;
    fixed = JSON.stringify(doc, null, 2);
    const question = doc.pillars[0].questions[0];
    reworded = question.title = `${question.title} (reworded)`;
    update = JSON.stringify(doc, null, 2);
  });
  afterAll(() => h?.close());

  it('refuses an invalid lens file with each problem located, keeps the file, then creates the fixed file as a draft', async () => {
    const { page } = h;
    await page.goto('/console/lenses');
    await page.getByText('No custom lenses').waitFor();
    await h.shot('custom-lenses-empty');
    await page.getByRole('button', { name: 'Create custom lens' }).first().click();
    await page.waitForURL('**/console/lenses/new');

    // Download file: the template `plumbline lens template` prints.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download file' }).click()]);
    expect(download.suggestedFilename()).toBe('custom-lens-template.json');
    expect(await downloaded(download)).toBe(await readFile(new URL('../../src/lenses/template.json', import.meta.url), 'utf8'));
    await h.shot('create-custom-lens');

    // A file that is not JSON: located by line and column.
    await chooseFile(page, NAN_LENS, await readFile(path.join(corpusDir, NAN_LENS), 'utf8'));
    await page.getByRole('button', { name: 'Submit' }).click();
    const problems = page.getByRole('table', { name: 'Problems in the lens file' });
    await page.getByText('The lens file was not accepted: 1 problem').waitFor();
    expect(await problems.textContent()).toContain('Line 1448, column 30');
    await h.shot('not-json-located');

    // A file breaking a rule of the format: the JSON path, and where that is in the file.
    await chooseFile(page, ECS_LENS, broken);
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByText('The lens file was not accepted: 1 problem').waitFor();
    await problems.getByText('pillars[1].questions[2].title').waitFor();
    const row = await problems.locator('tbody tr').first().textContent();
    expect(row).toContain(`line ${lineOf(broken, '"title"', '"NET3"')}`);
    expect(row).toContain('(question NET3)');
    // The rule, in words (the allowed characters).
    expect(row).toMatch(/Characters$/);
    // The chosen file stays, to be fixed and sent again.
    await page.getByText(ECS_LENS).waitFor();
    await h.shot('rule-violation-located');

    await chooseFile(page, ECS_LENS, fixed);
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.waitForURL(/\/console\/lenses\/arn/);
    await page.getByRole('heading', { name: 'Amazon ECS Lens', level: 1 }).waitFor();
    await page.getByText('This lens is a draft').waitFor();
    await h.shot('created-as-draft');
    // Only published lenses can be shared.
    await page.getByRole('tab', { name: 'Shares' }).click();
    await page.getByText('Publish the lens to share it').waitFor();
    await page.getByRole('tab', { name: 'Overview' }).click();
  });

  it('publishes the first version under a version name and lists it', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Publish lens' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Review changes').click();
    await dialog.getByText('Nothing: the first version').waitFor();
    await dialog.getByLabel('Version name').fill('first version');
    await dialog.getByRole('button', { name: 'Publish custom lens' }).click();
    await dialog.getByText('Enter 1 to 32 characters, each a letter, a digit or a period (.).').waitFor();
    await h.shot('publish-first-version');
    await dialog.getByLabel('Version name').fill('1.0');
    await dialog.getByRole('button', { name: 'Publish custom lens' }).click();
    await page.getByText('Version 1.0 of Amazon ECS Lens was published.').waitFor();
    await page.getByText('Latest published: 1.0').waitFor();
    await h.shot('published');

    await page.getByRole('link', { name: 'Custom lenses' }).first().click();
    const row = page.getByRole('row', { name: /Amazon ECS Lens/ });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/PUBLISHED.*1\.0/);
    await h.shot('listed-published');
  });

  it('uploads an update as a draft, and can discard the draft alone, keeping the published version', async () => {
    const { page } = h;
    await page.getByRole('row', { name: /Amazon ECS Lens/ }).getByRole('radio').check();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Edit Amazon ECS Lens').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download file' }).click()]);
    expect(JSON.parse(await downloaded(download))).toEqual(JSON.parse(fixed));

    await chooseFile(page, 'ecs-lens-update.json', update);
    await h.shot('edit-upload-update');
    await dialog.getByRole('button', { name: 'Submit' }).click();
    await page.getByText('A draft waits to be published', { exact: true }).waitFor();

    // A draft can be discarded on its own; the published version stays.
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await dialog.getByRole('radio', { name: /Delete the unpublished draft only/ }).check();
    await h.shot('delete-draft-only');
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByText('The draft of Amazon ECS Lens was deleted; version 1.0 stays published.').waitFor();
    await page.getByText('Latest published: 1.0', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Publish lens' }).isDisabled()).toBe(true);
  });

  it('uploads the update again and publishes it as a minor version after reviewing the changes', async () => {
    const { page } = h;
    const dialog = page.getByRole('dialog');
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await chooseFile(page, 'ecs-lens-update.json', update);
    await dialog.getByRole('button', { name: 'Submit' }).click();
    await page.getByText('A draft waits to be published', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Publish lens' }).click();
    await dialog.getByText('Review changes before publishing').waitFor();
    const changes = dialog.getByRole('table', { name: 'Changes to publish' });
    await changes.getByText(reworded).waitFor();
    expect(await changes.locator('tbody tr').count()).toBe(1);
    expect(await changes.textContent()).toContain('Updated');
    await h.shot('review-changes');
    await dialog.getByRole('button', { name: 'Next' }).click();
    await dialog.getByText('Minor version', { exact: true }).click();
    await h.shot('minor-version');
    await dialog.getByRole('button', { name: 'Next' }).click();
    // A version name already used is refused at the field.
    await dialog.getByLabel('Version name').fill('1.0');
    await dialog.getByRole('button', { name: 'Publish custom lens' }).click();
    await dialog.getByText(/already has a version 1\.0/).waitFor();
    await h.shot('version-name-taken');
    await dialog.getByLabel('Version name').fill('1.1');
    await dialog.getByRole('button', { name: 'Publish custom lens' }).click();
    await page.getByText('Version 1.1 of Amazon ECS Lens was published.').waitFor();
    await page.getByText('Latest published: 1.1').waitFor();

    await page.getByRole('link', { name: 'Custom lenses' }).first().click();
    const row = page.getByRole('row', { name: /Amazon ECS Lens/ });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/PUBLISHED.*1\.1/);
    await h.shot('listed-minor-version');
    const { LensSummaries = [] } = await h.server.client.send(new ListLensesCommand({ LensType: 'CUSTOM_SELF' }));
    expect(LensSummaries.map((l) => [l.LensName, l.LensVersion])).toEqual([['Amazon ECS Lens', '1.1']]);
  });

  it('deletes the lens after confirmation', async () => {
    const { page } = h;
    await page.getByRole('row', { name: /Amazon ECS Lens/ }).getByRole('radio').check();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Delete Amazon ECS Lens?').waitFor();
    await h.shot('delete-confirm');
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByText('Custom lens Amazon ECS Lens was deleted.').waitFor();
    await page.getByText('No custom lenses').waitFor();
    await h.shot('deleted');
    const { LensSummaries = [] } = await h.server.client.send(new ListLensesCommand({ LensType: 'CUSTOM_SELF' }));
    expect(LensSummaries).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });
});
