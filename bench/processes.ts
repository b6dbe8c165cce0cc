import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/**
 * Starts a TypeScript server script in its own process and resolves with its URL
 * once it says it is listening. BENCH_PROFILE=DIR writes CPU profiles of each process
 * in DIR/<script name>/ (one per thread: the largest is the main thread's), sampling every
 * BENCH_PROFILE_INTERVAL microseconds (default 1000).
 */
export function startProcess(script: string, env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const profile = process.env.BENCH_PROFILE
      ? ['--cpu-prof', `--cpu-prof-interval=${process.env.BENCH_PROFILE_INTERVAL ?? 1000}`, `--cpu-prof-dir=${path.join(process.env.BENCH_PROFILE, path.basename(script, '.ts'))}`]
      : [];
    const child = spawn(process.execPath, [...profile, '--import', 'tsx', script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(?:LISTENING|Plumbline listening on) (http\S+)/.exec(out);
      if (m) resolve({ child, url: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}: ${out}`)));
  });
}
