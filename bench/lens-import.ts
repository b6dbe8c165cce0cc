import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateLensVersionCommand, ImportLensCommand, WellArchitectedClient } from '@aws-sdk/client-wellarchitected';
import { validateLensJson } from '../src/domain/lens/validate';
import { BENCH_CREDENTIALS, BENCH_REGION, startPlumbline } from './processes';

/**
 * npm run bench:lens: builds a valid lens of about 490 KB (10 pillars, 200
 * questions, 1,400 choices), then measures validateLensJson on it next to a bare
 * JSON.parse of the same text (the yardstick, measured in the same run), and
 * ImportLens round trips through the SDK against a real Plumbline started as
 * bench/run.ts starts it (its own data, SQLite), plus publishing the result.
 */

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 30);
const TARGET_BYTES = 490_000;
// Practices per question besides "None of these": leaves room in 490 KB for realistic text.
const CHOICES = 6;
const region = BENCH_REGION;
const credentials = BENCH_CREDENTIALS;

function buildLens(padding: number): string {
  const text = (n: number, what: string) => `${what} ${'x'.repeat(Math.max(0, n))}`.slice(0, 2048);
  const pillars = Array.from({ length: 10 }, (_, p) => ({
    id: `pillar_${p}`,
    name: `Pillar ${p}`,
    questions: Array.from({ length: 20 }, (_, q) => {
      const id = `p${p}_q${q}`;
      const choices = Array.from({ length: CHOICES }, (_, c) => ({
        id: `${id}_c${c}`,
        title: `Practice ${c} of question ${q}`,
        description: text(padding, 'Why this practice matters.'),
        helpfulResource: { displayText: 'More about this practice', url: `https://example.com/${id}/${c}` },
        improvementPlan: { displayText: text(padding / 2, 'How to adopt it.'), url: `https://example.com/${id}/${c}/plan` },
      }));
      return {
        id,
        title: `Question ${q} of pillar ${p}?`,
        description: 'A question of the benchmark lens.',
        choices: [...choices, { id: `${id}_no`, title: 'None of these' }],
        riskRules: [
          { condition: `${id}_c0 && ${id}_c1 && (${id}_c2 || ${id}_c3)`, risk: 'NO_RISK' },
          { condition: `${id}_c0 || !${id}_c4`, risk: 'MEDIUM_RISK' },
          { condition: 'default', risk: 'HIGH_RISK' },
        ],
      };
    }),
  }));
  return JSON.stringify({ schemaVersion: '2021-11-01', name: 'Benchmark lens', description: 'A large valid lens for the import benchmark.', pillars });
}

/** The padding that brings the lens closest to TARGET_BYTES from below. */
function lensOfTargetSize(): string {
  let low = 0;
  let high = 400;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (Buffer.byteLength(buildLens(mid)) <= TARGET_BYTES) low = mid;
    else high = mid - 1;
  }
  return buildLens(low);
}

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { min: sorted[0], p50: at(0.5), p90: at(0.9) };
}

async function time(fn: () => unknown | Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const started = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return samples;
}

const text = lensOfTargetSize();
const bytes = Buffer.byteLength(text);
const check = validateLensJson(text);
if (!check.lens) throw new Error(`the benchmark lens is invalid: ${check.findings.slice(0, 3).map((f) => `${f.path}: ${f.message}`).join('; ')}`);

const parse = percentiles(await time(() => JSON.parse(text)));
const validate = percentiles(await time(() => validateLensJson(text)));

const dataDir = mkdtempSync(path.join(tmpdir(), 'plumbline-bench-lens-'));
let server: ChildProcess | undefined;
try {
  const started = await startPlumbline(dataDir);
  server = started.child;
  const client = new WellArchitectedClient({ endpoint: started.url, region, credentials });
  const token = () => randomBytes(8).toString('hex');
  const first = await client.send(new ImportLensCommand({ JSONString: text, ClientRequestToken: token() }));
  // Later imports replace the draft of the same lens, so the 15-lens quota never interferes.
  const imports = percentiles(await time(() => client.send(new ImportLensCommand({ JSONString: text, LensAlias: first.LensArn, ClientRequestToken: token() }))));
  let version = 0;
  const publishes = percentiles(
    await time(async () => {
      await client.send(new ImportLensCommand({ JSONString: text, LensAlias: first.LensArn, ClientRequestToken: token() }));
      await client.send(new CreateLensVersionCommand({ LensAlias: first.LensArn!, LensVersion: `1.${version++}`, ClientRequestToken: token() }));
    }),
  );

  const row = (name: string, p: { min: number; p50: number; p90: number }) =>
    `${name.padEnd(34)} ${p.min.toFixed(1).padStart(8)} ${p.p50.toFixed(1).padStart(8)} ${p.p90.toFixed(1).padStart(8)}`;
  console.log(`\nlens: ${bytes} bytes, ${check.lens.pillars.length} pillars, 200 questions, ${200 * (CHOICES + 1)} choices; ${ITERATIONS} iterations each\n`);
  console.log(`${'measured'.padEnd(34)} ${'min ms'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p90 ms'.padStart(8)}`);
  console.log(row('JSON.parse (yardstick)', parse));
  console.log(row('validateLensJson', validate));
  console.log(row('ImportLens round trip (SDK, SQLite)', imports));
  console.log(row('ImportLens + CreateLensVersion', publishes));
  console.log(`\nvalidateLensJson / JSON.parse (p50) = ${(validate.p50 / parse.p50).toFixed(1)}`);
} finally {
  server?.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
