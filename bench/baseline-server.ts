import { randomUUID } from 'node:crypto';
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
 * the answer; update the lens review and the workload; append the call's audit
 * record - a row of the same size as Plumbline's - to the audit journal, all in
 * one transaction; and, like Plumbline's audit trail, move the journal into the
 * indexed audit_records every 200 ms); the read is what ListWorkloads does (a
 * page of 51 workloads and their lens reviews).
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
   on conflict (workload_id, lens_key, question_id) do update set selected_choices = excluded.selected_choices,
     choice_answers = excluded.choice_answers, notes = excluded.notes, is_applicable = excluded.is_applicable,
     reason = excluded.reason, risk = excluded.risk, updated_at = excluded.updated_at`,
);
const insertAudit = db.prepare(
  `insert into audit_journal (account_id, event_id, event_time, event_name, principal_arn, resource_arn, read_only, error_code, record)
   values ('111122223333', ?, ?, 'UpdateAnswer', 'arn:aws:iam::111122223333:root', ?, 0, null, ?)`,
);
// The audit trail's batch: every 200 ms, the journal's rows move into audit_records, inside SQLite.
const auditColumns = ['account_id', 'event_id', 'event_time', 'event_name', 'principal_arn', 'resource_arn', 'read_only', 'error_code', 'record']
  .map((c) => `"${c}"`)
  .join(', ');
const copyJournal = db.prepare(`insert into audit_records (${auditColumns}) select ${auditColumns} from audit_journal`);
const clearJournal = db.prepare('delete from audit_journal');
const moveJournal = db.transaction(() => {
  copyJournal.run();
  clearJournal.run();
});
setInterval(() => moveJournal(), 200).unref();
// The size of Plumbline's UpdateAnswer record (about 970 characters of JSON, free text redacted);
// `id` is the workload id padded to the 32 characters of Plumbline's ids.
const auditRecord = (id: string, question: string, eventId: string, time: number) =>
  JSON.stringify({
    eventVersion: '1.08',
    userIdentity: { type: 'Root', principalId: '111122223333', arn: 'arn:aws:iam::111122223333:root', accountId: '111122223333', accessKeyId: 'PLMBBENCHROOTKEY0001' },
    eventTime: new Date(time).toISOString().slice(0, 19) + 'Z',
    eventSource: 'wellarchitected.amazonaws.com',
    eventName: 'UpdateAnswer',
    awsRegion: 'us-east-1',
    sourceIPAddress: '127.0.0.1',
    userAgent: '',
    requestParameters: { WorkloadId: id, LensAlias: 'wellarchitected', QuestionId: question, SelectedChoices: '****', Notes: '****' },
    responseElements: { WorkloadId: id, LensAlias: 'wellarchitected', LensArn: 'arn:aws:wellarchitected::aws:lens/wellarchitected', Answer: '****' },
    requestID: eventId,
    eventID: eventId,
    readOnly: false,
    eventType: 'AwsApiCall',
    recipientAccountId: '111122223333',
    resources: [`arn:aws:wellarchitected:us-east-1:111122223333:workload/${id}`],
  });
const updateReview = db.prepare(`update lens_reviews set risk_counts = ?, updated_at = ? where workload_id = ? and lens_key = 'wellarchitected'`);
const updateWorkload = db.prepare('update workloads set risk_counts = ?, updated_at = ? where id = ?');
const write = db.transaction((id: string, question: string, body: { SelectedChoices?: string[]; Notes?: string }) => {
  selectWorkload.get(id);
  const review = selectReview.get(id, 'wellarchitected') as { risk_counts: string };
  selectAnswer.get(id, 'wellarchitected', question);
  upsertAnswer.run(id, question, JSON.stringify(body.SelectedChoices ?? []), body.Notes ?? null, Date.now());
  updateReview.run(review.risk_counts, Date.now(), id);
  updateWorkload.run(review.risk_counts, Date.now(), id);
  const eventId = randomUUID();
  const time = Date.now();
  const longId = id.padEnd(32, '0');
  insertAudit.run(eventId, time, `arn:aws:wellarchitected:us-east-1:111122223333:workload/${longId}`, auditRecord(longId, question, eventId, time));
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
// Exit normally on SIGTERM, so that a CPU profile (BENCH_PROFILE) is written.
process.on('SIGTERM', () => process.exit(0));
