import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterEach, describe } from 'vitest';
import { ROOT_KEY, startServer, type TestServer } from '../support/server';
import { consoleBuild } from './build';

/**
 * The harness of the console's browser tests: a Plumbline test server serving the
 * console built from the current web/ sources, Debian's Chromium driven headless by
 * playwright-core, a page signed in as the root user, and screenshots of each step
 * under test-artifacts/console/<test file>/ (look at them).
 *
 * Console tests run on SQLite only: they test the UI, and the API tests already run
 * every call on both stores.
 */

export const CHROMIUM = '/usr/bin/chromium';

/** Chromium headless without a sandbox (containers run as root), GPU or background traffic. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'];

/** Laptop width, at which every journey is tested. */
export const VIEWPORT = { width: 1280, height: 800 };
/** The narrowest width the console must work at (a small window, a tablet). */
export const NARROW_VIEWPORT = { width: 800, height: 900 };

const hasChromium = existsSync(CHROMIUM);
/** On CI the console tests must run (a missing Chromium fails them); elsewhere they need Chromium. */
export const consoleTestsEnabled = hasChromium || Boolean(process.env.CI);

let warned = false;
/** `describe` for console tests: skipped with a message when Chromium is missing and CI is unset. */
export function describeConsole(name: string, body: () => void): void {
  if (!consoleTestsEnabled && !warned) {
    warned = true;
    console.warn(`Console tests skipped: ${CHROMIUM} is missing (apt-get install chromium), and CI is unset.`);
  }
  (consoleTestsEnabled ? describe : describe.skip)(name, () => {
    // A failed step leaves a picture of the page it failed on, next to the others.
    afterEach(async (context) => {
      if (context.task.result?.state === 'fail' && active) await active.shot(`FAILED-${context.task.name.slice(0, 60)}`).catch(() => undefined);
    });
    body();
  });
}

/** The harness of the running test file (one per file), for the failure pictures. */
let active: ConsoleHarness | undefined;

export interface ConsoleHarness {
  server: TestServer;
  browser: Browser;
  context: BrowserContext;
  /** Signed in as the default account's root user (by its access key), at the dashboard. */
  page: Page;
  /** Saves a full-page PNG of `page` (or another) as test-artifacts/console/<file>/<nn>-<name>.png; returns its path. */
  shot(name: string, page?: Page): Promise<string>;
  /** Uncaught errors of the console's pages so far (a test may assert there are none). */
  pageErrors: string[];
  /** A fresh page (own session) in a new browser context, not signed in; at laptop width unless a viewport is given. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

export interface ConsoleOptions {
  /** Extra server environment, e.g. PLUMBLINE_CONSOLE_SESSION_HOURS. */
  env?: Record<string, string>;
}

/**
 * Starts server, browser and a root-signed-in page. `testFile` is the calling file's
 * `import.meta.url`; it names the screenshot folder (emptied first).
 */
export async function startConsole(testFile: string, options: ConsoleOptions = {}): Promise<ConsoleHarness> {
  const name = path.basename(fileURLToPath(testFile)).replace(/\.test\.ts$/, '');
  const shots = path.resolve('test-artifacts', 'console', name);
  rmSync(shots, { recursive: true, force: true });
  mkdirSync(shots, { recursive: true });

  const server = await startServer('sqlite', { PLUMBLINE_CONSOLE_DIR: await consoleBuild(), ...options.env });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const pageErrors: string[] = [];
  const contexts: BrowserContext[] = [];
  const newPage = async (viewport = VIEWPORT) => {
    const context = await browser.newContext({ viewport, baseURL: server.url, acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    // Fail a step well before the test's own timeout, with Playwright's account of what it waited for;
    // generous, as several browsers share a CI machine.
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  };
  let count = 0;
  const shot = async (label: string, target?: Page) => {
    count += 1;
    const file = path.join(shots, `${String(count).padStart(2, '0')}-${label.replace(/[^a-z0-9-]+/gi, '-')}.png`);
    const shown = target ?? page;
    // From the top: a full-page shot of a scrolled page draws the sticky top navigation mid-page.
    await shown.evaluate('window.scrollTo(0, 0)');
    try {
      await shown.screenshot({ path: file, fullPage: true, timeout: 30_000 });
    } catch (error) {
      // A full-page shot of a long page can outlast its time on a CI machine shared by several
      // browsers (seen once in a whole-suite run); the viewport still shows what the test is about.
      if ((error as Error).name !== 'TimeoutError') throw error;
      await shown.screenshot({ path: file, timeout: 20_000 });
    }
    return file;
  };
  const close = async () => {
    await browser.close().catch(() => undefined);
    await server.close();
  };

  let page: Page;
  try {
    page = await newPage();
    await signInWithKey(page, ROOT_KEY);
  } catch (error) {
    await close();
    throw error;
  }
  active = { server, browser, context: contexts[0], page, shot, pageErrors, newPage, close };
  return active;
}

/** Opens the console and signs in as a root user with its access key; resolves at the signed-in dashboard. */
export async function signInWithKey(page: Page, key: { accessKeyId: string; secretAccessKey: string }): Promise<void> {
  await page.goto('/console/');
  await page.getByRole('button', { name: 'Root user access key' }).click();
  await page.getByLabel('Access key ID').fill(key.accessKeyId);
  await page.getByLabel('Secret access key').fill(key.secretAccessKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await signedIn(page);
}

/** Opens the console and signs in as an IAM user with its password. */
export async function signInAsUser(page: Page, accountId: string, userName: string, password: string): Promise<void> {
  await page.goto('/console/');
  await page.getByRole('button', { name: 'IAM user', exact: true }).click();
  await page.getByLabel('Account ID').fill(accountId);
  await page.getByLabel('User name').fill(userName);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await signedIn(page);
}

/** Resolves once the signed-in frame (top navigation with the user menu) is shown. */
export async function signedIn(page: Page): Promise<void> {
  await page.getByRole('button', { name: /: signed in as / }).waitFor();
}

/** The console session the page keeps (sessionStorage 'plumbline.session'), or null when signed out. */
export async function storedSession(page: Page): Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken: string; expiresAt: number } | null> {
  // A string, not a function: the tests' TypeScript has no DOM types.
  const raw = await page.evaluate<string | null>("sessionStorage.getItem('plumbline.session')");
  return raw ? JSON.parse(raw) : null;
}
