import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/**
 * The benchmarks measure the server, not its throttles: a load generator on one key
 * would be refused as an abusive client is (src/api/throttle.ts).
 */
const UNTHROTTLED = {
  PLUMBLINE_THROTTLE_READS: '0',
  PLUMBLINE_THROTTLE_WRITES: '0',
  PLUMBLINE_THROTTLE_EXPENSIVE: '0',
  PLUMBLINE_THROTTLE_UNAUTHENTICATED: '0',
  PLUMBLINE_MAX_IN_FLIGHT: '0',
  PLUMBLINE_MAX_DELAY_MS: '0',
};

/**
 * Starts a server script in its own process and resolves with its URL once it says it
 * is listening. Plumbline itself (src/main.ts) runs as users run it, built
 * (dist/main.js, from `npm run build:server`); the baselines run through tsx.
 * BENCH_PROFILE=DIR writes CPU profiles of each process in DIR/<script name>/ (one per
 * thread: the largest is the main thread's), sampling every BENCH_PROFILE_INTERVAL
 * microseconds (default 1000).
 */
export function startProcess(script: string, env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const profile = process.env.BENCH_PROFILE
      ? ['--cpu-prof', `--cpu-prof-interval=${process.env.BENCH_PROFILE_INTERVAL ?? 1000}`, `--cpu-prof-dir=${path.join(process.env.BENCH_PROFILE, path.basename(script, '.ts'))}`]
      : [];
    const entry = script === 'src/main.ts' ? ['dist/main.js'] : ['--import', 'tsx', script];
    const child = spawn(process.execPath, [...profile, ...entry], { env: { ...process.env, ...UNTHROTTLED, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(?:LISTENING|Plumbline listening on) (http\S+)/.exec(out);
      if (m) resolve({ child, url: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}: ${out}`)));
  });
}

/** The root credentials and region of the Plumbline every benchmark starts. */
export const BENCH_REGION = 'us-east-1';
export const BENCH_CREDENTIALS = { accessKeyId: 'PLMBBENCHROOTKEY0001', secretAccessKey: 'bench-root-secret-0123456789' };

/**
 * A Plumbline of the benchmark's own: its data directory, SQLite unless a database URL
 * is given, the benchmark's root credentials, logging only warnings. `env` adds or
 * overrides settings (PORT defaults to a free one).
 */
export function startPlumbline(dataDir: string, databaseUrl?: string, env: Record<string, string> = {}) {
  return startProcess('src/main.ts', {
    PORT: '0',
    PLUMBLINE_DATA_DIR: dataDir,
    PLUMBLINE_ROOT_ACCESS_KEY_ID: BENCH_CREDENTIALS.accessKeyId,
    PLUMBLINE_ROOT_SECRET_ACCESS_KEY: BENCH_CREDENTIALS.secretAccessKey,
    PLUMBLINE_LOG_LEVEL: 'warn',
    PLUMBLINE_DATABASE_URL: databaseUrl ?? '',
    ...env,
  });
}
