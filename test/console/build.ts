import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The console the browser tests load, built from the web/ sources as they are now.
 *
 * Builds are kept by a hash of the sources in node_modules/.cache/plumbline-console/,
 * not in web/dist: several test files (and several people) run at once while web/src
 * changes, and rebuilding web/dist under a running test would delete the assets its
 * page is loading. A build made for the same sources is reused, so a run builds at
 * most once: the first test file to need it builds (holding a lock directory), the
 * others wait for its result.
 */

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const WEB = path.join(REPO, 'web');
const CACHE = path.join(REPO, 'node_modules', '.cache', 'plumbline-console');
/** Builds of other sources are dropped after this long. */
const KEEP_MS = 24 * 3600_000;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? sourceFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)]))
    .sort();
}

/** A hash of everything the build reads from web/ (sources, build plugins, index.html, config) and the lockfile. */
function sourcesHash(): string {
  const hash = createHash('sha256');
  const files = [...sourceFiles(path.join(WEB, 'src')), ...sourceFiles(path.join(WEB, 'build')), path.join(WEB, 'index.html'), path.join(WEB, 'vite.config.ts'), path.join(REPO, 'package-lock.json')];
  for (const file of files) {
    if (!existsSync(file)) continue;
    hash.update(path.relative(REPO, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

function pruneOldBuilds(keep: string): void {
  for (const name of existsSync(CACHE) ? readdirSync(CACHE) : []) {
    const dir = path.join(CACHE, name);
    if (name !== keep && !name.endsWith('.lock') && Date.now() - statSync(dir).mtimeMs > KEEP_MS) rmSync(dir, { recursive: true, force: true });
  }
}

/** A builder that died leaves its lock behind; a build takes seconds, so an old lock is stale. */
const STALE_LOCK_MS = 5 * 60_000;
const POLL_MS = 200;

/** The directory of a console built from the current sources (built now, or by another test file, if there is none). */
export async function consoleBuild(): Promise<string> {
  const hash = sourcesHash();
  const dir = path.join(CACHE, hash);
  const lock = `${dir}.lock`;
  mkdirSync(CACHE, { recursive: true });
  for (;;) {
    if (existsSync(path.join(dir, 'index.html'))) return dir;
    try {
      mkdirSync(lock);
    } catch {
      if (Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      // Another test file is building these sources: wait for its result.
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      continue;
    }
    try {
      buildInto(dir);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
    pruneOldBuilds(hash);
    return dir;
  }
}

function buildInto(dir: string): void {
  const partial = `${dir}.partial-${process.pid}`;
  execFileSync(path.join(REPO, 'node_modules', '.bin', 'vite'), ['build', '--config', path.join(WEB, 'vite.config.ts'), '--outDir', partial, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: REPO,
    // The build users get: vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // Renamed whole, so that a directory named by the hash is always a complete build.
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
}
