import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startCheckpointer } from './checkpointer';
import { openStore, WAL_AUTOCHECKPOINT_PAGES } from './database';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The accounts in the database file alone, as a copy without its WAL sees them: what checkpoints have written there. */
function accountsInDatabaseFile(dir: string): string[] {
  const copy = path.join(dir, 'copy.db');
  copyFileSync(path.join(dir, 'plumbline.db'), copy);
  const db = new SQLite(copy, { readonly: true });
  try {
    return (db.prepare('select id from accounts order by id').all() as Array<{ id: string }>).map((r) => r.id);
  } catch {
    // Not even the tables have reached the file yet.
    return [];
  } finally {
    db.close();
  }
}

const waitFor = async (check: () => boolean, ms = 3000) => {
  const until = Date.now() + ms;
  while (!check() && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  return check();
};

describe('WAL checkpoints on their own thread', () => {
  it('moves committed changes into the database file while the server connection only commits', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plumbline-checkpoint-'));
    dirs.push(dir);
    const store = await openStore({ dataDir: dir });
    try {
      // A few pages, far below the server connection's own checkpoint threshold.
      expect(WAL_AUTOCHECKPOINT_PAGES).toBeGreaterThan(100);
      for (let i = 0; i < 20; i++) {
        await store.db.insertInto('accounts').values({ id: `2000000000${String(i).padStart(2, '0')}`, organization_id: null, organizational_unit_id: null, created_at: i }).execute();
      }
      expect(await waitFor(() => accountsInDatabaseFile(dir).length === 20)).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('reports a checkpoint that cannot run once, and stops cleanly', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plumbline-checkpoint-'));
    dirs.push(dir);
    const messages: string[] = [];
    // A directory is not a database: every tick fails the same way.
    const checkpointer = startCheckpointer(dir, (message) => messages.push(message), 20);
    await waitFor(() => messages.length > 0);
    await new Promise((r) => setTimeout(r, 100));
    await checkpointer.stop();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/checkpoint/);
  });
});
