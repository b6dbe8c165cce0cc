#!/usr/bin/env node
// The plumbline command: the CLI built to plain JavaScript in dist/ (by `npm install`, or
// `npm run build`), run by this same Node process. No transpiler in production.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('plumbline: the CLI is not built yet; run `npm run build` (npm install does it)\n');
  process.exit(2);
}
await import(cli.href);
