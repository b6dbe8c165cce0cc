import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';
import { openStore, WAL_AUTOCHECKPOINT_PAGES } from '../src/store/database';

/**
 * The benchmark's yardstick: a bare Fastify route running the same SQL as
 * Plumbline, on Plumbline's own schema and storage settings, with none of its
 * protocol, authentication, validation or domain work. The write is what
 * UpdateAnswer does (read the workload, its lens review and the answer; upsert
 * the answer; update the lens review and the workload, in one transaction); the
 * read is what ListWorkloads does (a page of 51 workloads and their lens reviews).
 */
const dir = mkdtempSync(path.join(tmpdir(), 'plumbline-baseline-'));
const store = await openStore({ dataDir: dir });
await store.close();
const db = new SQLite(path.join(dir, 'plumbline.db'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('foreign_keys = ON');
db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);

const now = Date.now();
const counts = JSON.stringify({ UNANSWERED: 57, HIGH: 0, MEDIUM: 0, NONE: 0, NOT_APPLICABLE: 0 });
db.prepare(`insert into accounts values ('111122223333', null, null, ?)`).run(now);
const insertWorkload = db.prepare(
  `insert into workloads (id, account_id, arn, name, name_key, description, environment, improvement_status, account_ids, aws_regions,
     non_aws_regions, pillar_priorities, applications, is_review_owner_update_acknowledged, risk_counts, created_at, updated_at)
   values (?, '111122223333', ?, ?, ?, 'Benchmark workload', 'PRODUCTION', 'NOT_APPLICABLE', '[]', '[]', '[]', '[]', '[]', 0, ?, ?, ?)`,
);
const insertReview = db.prepare(`insert into lens_reviews values (?, 'wellarchitected', '2024-11-06', 1, 0, null, '{}', ?, ?)`);
db.transaction(() => {
  for (let i = 0; i < 1000; i++) {
    const id = `item${String(i).padStart(4, '0')}`;
    insertWorkload.run(id, `arn:${id}`, `Bench workload ${i}`, `benchworkload${i}`, counts, now, now);
    insertReview.run(id, counts, now);
  }
})();

const selectWorkload = db.prepare('select * from workloads where id = ?');
const selectReview = db.prepare('select * from lens_reviews where workload_id = ? and lens_key = ?');
const selectAnswer = db.prepare('select * from answers where workload_id = ? and lens_key = ? and question_id = ?');
const upsertAnswer = db.prepare(
  `insert into answers values (?, 'wellarchitected', ?, ?, '{}', ?, 1, null, 'MEDIUM', ?)
   on conflict (workload_id, lens_key, question_id) do update set selected_choices = excluded.selected_choices, notes = excluded.notes, updated_at = excluded.updated_at`,
);
const updateReview = db.prepare(`update lens_reviews set risk_counts = ?, updated_at = ? where workload_id = ? and lens_key = 'wellarchitected'`);
const updateWorkload = db.prepare('update workloads set risk_counts = ?, updated_at = ? where id = ?');
const write = db.transaction((id: string, question: string, body: { SelectedChoices?: string[]; Notes?: string }) => {
  selectWorkload.get(id);
  const review = selectReview.get(id, 'wellarchitected') as { risk_counts: string };
  selectAnswer.get(id, 'wellarchitected', question);
  upsertAnswer.run(id, question, JSON.stringify(body.SelectedChoices ?? []), body.Notes ?? null, Date.now());
  updateReview.run(review.risk_counts, Date.now(), id);
  updateWorkload.run(review.risk_counts, Date.now(), id);
});
const page = db.prepare("select * from workloads where account_id = '111122223333' order by name_key, id limit 51");
const reviewsOf = db.prepare(`select * from lens_reviews where workload_id in (${Array(50).fill('?').join(',')}) and active = 1`);

const app = Fastify();
app.patch('/baseline/:item/:question', async (request) => {
  const { item, question } = request.params as { item: string; question: string };
  write(item, question, request.body as { SelectedChoices?: string[]; Notes?: string });
  return { ok: true };
});
app.post('/baseline/list', async () => {
  const items = page.all() as Array<{ id: string }>;
  const ids = items.slice(0, 50).map((w) => w.id);
  return { items, reviews: reviewsOf.all(...ids) };
});
const address = await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
process.stdout.write(`LISTENING ${address}\n`);
