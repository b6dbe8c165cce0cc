import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * The data directory holds password hashes, sealed secrets, the master key and the
 * audit trail: nobody but the server's own user may read it. The directory (and any
 * inside it) is 0700 and every file 0600. Older versions created them 0755 and 0644,
 * so existing ones are narrowed at every start; the caller says which were.
 */

const DIR_MODE = 0o700;
const FILE_MODE = 0o600;

/** Creates the directory if missing; returns the paths whose modes were narrowed. */
export function secureDataDir(dir: string): string[] {
  mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  const changed: string[] = [];
  const visit = (entry: string) => {
    const stat = lstatSync(entry, { throwIfNoEntry: false });
    // Symbolic links are left alone: their own mode means nothing and their target may be anywhere.
    if (!stat || stat.isSymbolicLink()) return;
    const wanted = stat.isDirectory() ? DIR_MODE : FILE_MODE;
    if ((stat.mode & 0o777) !== wanted) {
      chmodSync(entry, wanted);
      changed.push(entry);
    }
    if (stat.isDirectory()) for (const name of readdirSync(entry)) visit(path.join(entry, name));
  };
  visit(dir);
  return changed;
}

/** Says on stderr which paths were narrowed, so an operator upgrading sees it happen. */
export function reportNarrowed(dir: string, changed: string[], write = (s: string) => process.stderr.write(s)): void {
  if (changed.length === 0) return;
  const shown = changed.slice(0, 5).map((p) => path.relative(dir, p) || '.');
  const more = changed.length > shown.length ? ` and ${changed.length - shown.length} more` : '';
  write(`Plumbline: made ${changed.length} path(s) in ${dir} private to this user (directories 0700, files 0600): ${shown.join(', ')}${more}\n`);
}
