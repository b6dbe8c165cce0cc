import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Vitest's global setup: the CLI tests run bin/plumbline.js as a real process, which runs the
 * built CLI (dist/); building first means they always test the sources as they are now.
 */
export default function setup(): void {
  execFileSync(process.execPath, [fileURLToPath(new URL('../../scripts/build-server.mjs', import.meta.url))], { stdio: 'inherit' });
}
