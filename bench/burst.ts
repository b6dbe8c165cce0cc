import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateWorkloadCommand, WellArchitectedClient } from '@aws-sdk/client-wellarchitected';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { DEFAULT_THROTTLE } from '../src/api/throttle';
import { throttleSettingNames } from '../src/config';
import { spawnBurst, type Percentiles } from '../test/support/burst-load';
import { BENCH_CREDENTIALS, BENCH_REGION, startPlumbline } from './processes';

/**
 * npm run bench:burst: a built Plumbline with its throttles at their defaults, and a
 * burst against it from a process of its own: BURST_CONNECTIONS (default 1,000)
 * keep-alive connections, opened at once, each replaying one signed GetWorkload of
 * one access key for BURST_SECONDS (default 10), with a client timeout of
 * BURST_TIMEOUT_MS (default 10,000). Prints how many calls got 200, 429 and anything
 * else, how many timed out, the latency percentiles of each, and the kernel's counters
 * of dropped and retransmitted connection attempts meanwhile. SQLite, the default store.
 */

const CONNECTIONS = Number(process.env.BURST_CONNECTIONS ?? 1000);
const SECONDS = Number(process.env.BURST_SECONDS ?? 10);
const TIMEOUT_MS = Number(process.env.BURST_TIMEOUT_MS ?? 10_000);

// The defaults, unless this run's environment sets one (PLUMBLINE_THROTTLE_READS=50 npm run bench:burst).
const THROTTLES = Object.fromEntries(throttleSettingNames(DEFAULT_THROTTLE).map(([name, value]) => [name, process.env[name] ?? String(value)]));

/** The kernel's counters (Linux, the whole machine) that tell where connections wait: drops at the listen queue, SYN and other retransmissions, packets the softnet backlog dropped. */
const KERNEL_COUNTERS = ['ListenOverflows', 'ListenDrops', 'TCPReqQFullDrop', 'SyncookiesSent', 'SyncookiesFailed', 'TCPSynRetrans', 'TCPTimeouts', 'RetransSegs', 'softnetDropped'];

function kernelCounters(): Record<string, number> | undefined {
  try {
    const counters: Record<string, number> = {};
    for (const file of ['/proc/net/netstat', '/proc/net/snmp']) {
      const lines = readFileSync(file, 'utf8').split('\n');
      for (let i = 0; i + 1 < lines.length; i += 2) {
        const names = lines[i].split(/\s+/);
        const values = lines[i + 1].split(/\s+/);
        names.forEach((name, j) => KERNEL_COUNTERS.includes(name) && (counters[name] = Number(values[j])));
      }
    }
    // The second column of each CPU's line: packets dropped because its input backlog (net.core.netdev_max_backlog) was full.
    counters.softnetDropped = readFileSync('/proc/net/softnet_stat', 'utf8')
      .trim()
      .split('\n')
      .reduce((sum, cpu) => sum + parseInt(cpu.split(' ')[1], 16), 0);
    return counters;
  } catch {
    return undefined;
  }
}

const line = (name: string, p: Percentiles) => `  ${name.padEnd(22)} ${String(p.count).padStart(7)}   p50 ${p.p50} ms, p90 ${p.p90} ms, p99 ${p.p99} ms, max ${p.max} ms`;

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'plumbline-bench-burst-'));
  const { child, url } = await startPlumbline(dataDir, undefined, THROTTLES);
  try {
    const client = new WellArchitectedClient({ endpoint: url, region: BENCH_REGION, credentials: BENCH_CREDENTIALS });
    const { WorkloadId } = await client.send(
      new CreateWorkloadCommand({ WorkloadName: 'burst', Description: 'The burst benchmark', Environment: 'PRODUCTION', Lenses: ['wellarchitected'] }),
    );
    const { hostname, port } = new URL(url);
    const signer = new SignatureV4({ service: 'wellarchitected', region: BENCH_REGION, credentials: BENCH_CREDENTIALS, sha256: Hash.bind(null, 'sha256') });
    const signed = await signer.sign(new HttpRequest({ method: 'GET', protocol: 'http:', hostname, port: Number(port), path: `/workloads/${WorkloadId}`, headers: { host: `${hostname}:${port}` } }));
    const kernelBefore = kernelCounters();
    const result = await spawnBurst({ url, connections: CONNECTIONS, seconds: SECONDS, timeoutMs: TIMEOUT_MS, request: { method: 'GET', path: `/workloads/${WorkloadId}`, headers: signed.headers as Record<string, string> } });
    const kernelAfter = kernelCounters();

    console.log(`burst: ${CONNECTIONS} connections × ${SECONDS} s, one access key, GetWorkload, client timeout ${TIMEOUT_MS} ms, reads ${THROTTLES.PLUMBLINE_THROTTLE_READS}/s, max delay ${THROTTLES.PLUMBLINE_MAX_DELAY_MS} ms`);
    console.log(`  sent ${result.sent} in ${result.elapsedSeconds.toFixed(1)} s on ${result.connectionsOpened} connections; load generator ${result.clientCpuUsPerRequest} µs CPU per request`);
    console.log(`  200 ${result.ok}   429 ${result.throttled}   other ${result.other}   timeouts ${result.timeouts} ${JSON.stringify(result.timeoutsAt)}   connection errors ${JSON.stringify(result.errors)}`);
    console.log(line('200 latency', result.latency.ok));
    console.log(line('429 latency', result.latency.throttled));
    console.log(line('on a new connection', result.firstOnConnection));
    console.log(line('on a kept connection', result.reused));
    console.log(line('connect', result.connect));
    if (kernelBefore && kernelAfter) {
      const deltas = KERNEL_COUNTERS.map((name) => `${name} +${kernelAfter[name] - kernelBefore[name]}`);
      console.log(`  kernel (whole machine): ${deltas.join(', ')}`);
    }
    for (const kind of result.kinds) {
      console.log(`  ${String(kind.count).padStart(7)} × ${kind.status} ${kind.errorType ?? ''} ${kind.message ?? ''}${kind.members.length ? ` {${kind.members.join(', ')}}` : ''}`);
    }
  } finally {
    child.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
