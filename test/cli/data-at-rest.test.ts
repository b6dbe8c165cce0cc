import { execFile } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CreateWorkloadCommand, ListWorkloadsCommand, type WellArchitectedClient } from '@aws-sdk/client-wellarchitected';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runBackupCommand } from '../../src/cli/backup-command';
import { collectPages } from '../support/paging';
import { startServer } from '../support/server';

/**
 * Data at rest (issue 16): the data directory is private to the server's user (also
 * when an older version left it readable), and `plumbline backup` copies the SQLite
 * store while the server is busy writing, so that a restore of it holds every write
 * acknowledged before the backup began.
 */

const BIN = fileURLToPath(new URL('../../bin/plumbline.js', import.meta.url));
const run = promisify(execFile);
const mode = (file: string) => statSync(file).mode & 0o777;

async function backupCommand([verb, ...args]: string[], env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runBackupCommand(verb as 'backup' | 'restore', args, (s) => out.push(s), (s) => err.push(s), env);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function workloadNames(client: WellArchitectedClient): Promise<Set<string>> {
  const pages = await collectPages(async (NextToken) => {
    const page = await client.send(new ListWorkloadsCommand({ NextToken, MaxResults: 50 }));
    return { items: page.WorkloadSummaries, NextToken: page.NextToken };
  });
  return new Set(pages.flat().map((w) => w.WorkloadName!));
}

describe('data at rest (sqlite)', () => {
  const cleanup: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });
  afterAll(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('keeps the data directory 0700 and its files 0600, narrowing what an older version left open', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'plumbline-modes-'));
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    // As an older version left it: a readable directory, database and events directory.
    chmodSync(dataDir, 0o755);
    writeFileSync(path.join(dataDir, 'old-notes.txt'), 'left by an older version', { mode: 0o644 });
    mkdirSync(path.join(dataDir, 'events'), { mode: 0o755 });
    writeFileSync(path.join(dataDir, 'events', 'out.ndjson'), '{}\n', { mode: 0o644 });
    chmodSync(path.join(dataDir, 'events', 'out.ndjson'), 0o644);

    const server = await startServer('sqlite', { PLUMBLINE_DATA_DIR: dataDir });
    cleanup.push(() => server.close());
    await server.client.send(new CreateWorkloadCommand({ WorkloadName: 'Private', Description: 'written to disk', Environment: 'PRODUCTION', Lenses: ['wellarchitected'] }));

    expect(mode(dataDir)).toBe(0o700);
    expect(mode(path.join(dataDir, 'events'))).toBe(0o700);
    for (const file of ['plumbline.db', 'plumbline.db-wal', 'plumbline.db-shm', 'master.key', 'old-notes.txt', 'events/out.ndjson']) {
      expect(mode(path.join(dataDir, file)), file).toBe(0o600);
    }
  });

  it('restores a backup taken under write load with every write acknowledged before it began', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'plumbline-backup-'));
    cleanup.push(() => rmSync(work, { recursive: true, force: true }));
    const dataDir = path.join(work, 'data');
    const server = await startServer('sqlite', { PLUMBLINE_DATA_DIR: dataDir });
    cleanup.push(() => server.close());

    const acknowledged: string[] = [];
    let writing = true;
    let next = 0;
    const writer = async () => {
      while (writing) {
        const name = `Load ${next++}`;
        await server.client.send(new CreateWorkloadCommand({ WorkloadName: name, Description: 'written during a backup', Environment: 'PREPRODUCTION', Lenses: ['wellarchitected'] }));
        acknowledged.push(name);
      }
    };
    const writers = [writer(), writer(), writer(), writer()];
    while (acknowledged.length < 40) await new Promise((resolve) => setImmediate(resolve));

    const before = [...acknowledged];
    const file = path.join(work, 'plumbline-backup.db');
    const backup = await run(process.execPath, [BIN, 'backup', file], { env: { ...process.env, PLUMBLINE_DATA_DIR: dataDir } });
    const duringBackup = acknowledged.length - before.length;
    writing = false;
    await Promise.all(writers);
    expect(backup.stdout).toMatch(/Backed up .*plumbline\.db to .*plumbline-backup\.db/);
    expect(backup.stdout).toMatch(/master key/);
    // The load went on while the backup ran: the backup did not stop the server's writes.
    expect(duringBackup).toBeGreaterThan(0);
    expect(mode(file)).toBe(0o600);
    expect(await backupCommand(['backup', file], { PLUMBLINE_DATA_DIR: dataDir })).toMatchObject({ code: 1, err: expect.stringMatching(/already exists/) });

    // A new data directory: the backup restored into it, with the master key kept beside the backup.
    const restoredDir = path.join(work, 'restored');
    mkdirSync(restoredDir, { mode: 0o700 });
    copyFileSync(path.join(dataDir, 'master.key'), path.join(restoredDir, 'master.key'));
    const restore = await run(process.execPath, [BIN, 'restore', file], { env: { ...process.env, PLUMBLINE_DATA_DIR: restoredDir } });
    expect(restore.stdout).toMatch(/Restored/);
    const restored = await startServer('sqlite', { PLUMBLINE_DATA_DIR: restoredDir });
    cleanup.push(() => restored.close());
    const names = await workloadNames(restored.client);
    expect(before.filter((name) => !names.has(name))).toEqual([]);
    // Nothing in it that was never written.
    expect([...names].filter((name) => !acknowledged.includes(name))).toEqual([]);
  });

  it('refuses a missing store, restoring something that is not a Plumbline database, PostgreSQL stores and bad usage', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'plumbline-backup-'));
    cleanup.push(() => rmSync(work, { recursive: true, force: true }));
    const notDatabase = path.join(work, 'notes.db');
    writeFileSync(notDatabase, 'not a database');
    const env = { PLUMBLINE_DATA_DIR: path.join(work, 'data') };
    expect(await backupCommand(['backup', path.join(work, 'new.db')], env)).toMatchObject({ code: 1, err: expect.stringMatching(/no Plumbline database/) });
    expect(await backupCommand(['restore', notDatabase], env)).toMatchObject({ code: 1, err: expect.stringMatching(/cannot be read as a Plumbline database/) });
    const postgres = { ...env, PLUMBLINE_DATABASE_URL: 'postgres://x@127.0.0.1/y' };
    expect(await backupCommand(['backup', path.join(work, 'new.db')], postgres)).toMatchObject({ code: 1, err: expect.stringMatching(/pg_dump/) });
    expect(await backupCommand(['backup'], env)).toMatchObject({ code: 2 });
  });
});
