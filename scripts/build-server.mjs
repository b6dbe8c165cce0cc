#!/usr/bin/env node
// Builds the server and the CLI to plain JavaScript in dist/ (run by `npm install` and `npm test`):
// every module of src/ but the tests, transpiled one to one by esbuild, so that dist/ mirrors src/
// and the data files read beside the code (the API models, the lenses, the templates) are copied
// to the same places. Production runs this with plain Node; tsx is only for development and tests.
import { build } from 'esbuild';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = path.join(root, 'src');
const out = path.join(root, 'dist');

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? walk(file) : [file];
  });
}

const files = walk(src);
const modules = files.filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !path.basename(f).includes('-test-'));
rmSync(out, { recursive: true, force: true });
await build({ entryPoints: modules, outdir: out, outbase: src, format: 'esm', platform: 'node', target: 'node20', bundle: false, sourcemap: true, logLevel: 'warning' });
for (const file of files.filter((f) => !f.endsWith('.ts'))) cpSync(file, path.join(out, path.relative(src, file)));

// Node's ES modules need the file a relative import names: './model' is './model.js' or './model/index.js'.
const specifier = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*)\2/g;
for (const file of walk(out).filter((f) => f.endsWith('.js'))) {
  const text = readFileSync(file, 'utf8');
  const fixed = text.replace(specifier, (whole, lead, quote, spec) => {
    if (/\.(js|json|mjs|cjs)$/.test(spec)) return whole;
    const base = path.resolve(path.dirname(file), spec);
    const target = existsSync(`${base}.js`) ? `${spec}.js` : existsSync(path.join(base, 'index.js')) ? `${spec}/index.js` : undefined;
    if (!target) throw new Error(`${path.relative(root, file)}: cannot resolve ${spec}`);
    return `${lead}${quote}${target}${quote}`;
  });
  if (fixed !== text) writeFileSync(file, fixed);
}
console.log(`built ${modules.length} modules into dist/`);
