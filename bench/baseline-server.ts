import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';

/**
 * The benchmark's yardstick: a bare Fastify route doing the same kind of SQLite
 * write (one answer row upserted, one counter row updated, in a transaction)
 * and read (a page of 50 rows) that Plumbline does, with none of its protocol,
 * authentication or domain work.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'plumbline-baseline-'));
const db = new SQLite(path.join(dir, 'baseline.db'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(`create table items (id text primary key, name text not null, counts text not null, updated_at integer not null);
         create table answers (item_id text, question_id text, body text not null, updated_at integer not null, primary key (item_id, question_id));`);
const insert = db.prepare('insert into items values (?, ?, ?, ?)');
for (let i = 0; i < 1000; i++) insert.run(`item${String(i).padStart(4, '0')}`, `Workload ${i}`, '{}', Date.now());

const upsert = db.prepare(
  'insert into answers values (?, ?, ?, ?) on conflict (item_id, question_id) do update set body = excluded.body, updated_at = excluded.updated_at',
);
const touch = db.prepare('update items set counts = ?, updated_at = ? where id = ?');
const write = db.transaction((item: string, question: string, body: string) => {
  upsert.run(item, question, body, Date.now());
  touch.run(body.slice(0, 20), Date.now(), item);
});
const page = db.prepare('select * from items order by id limit 50');

const app = Fastify();
app.patch('/baseline/:item/:question', async (request) => {
  const { item, question } = request.params as { item: string; question: string };
  write(item, question, JSON.stringify(request.body));
  return { ok: true };
});
app.post('/baseline/list', async () => ({ items: page.all() }));
const address = await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
process.stdout.write(`LISTENING ${address}\n`);
