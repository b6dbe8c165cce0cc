import Fastify from 'fastify';
import pg from 'pg';
import { sendBatch } from '../src/store/pg-batch';

/**
 * The PostgreSQL yardstick (npm run bench -- --store postgres): a bare Fastify
 * route per measured call, each doing the least SQL that call's data needs, on
 * Plumbline's own database (BASELINE_DATABASE_URL) and rows, with none of its
 * protocol, authentication, access rules, audit or domain work:
 *
 * - write: one upsert of an answer row (the workload and question of the
 *   request), one statement, no transaction;
 * - transaction: the statements UpdateAnswer sends, as it sends them, with
 *   values worked out the least way (no rules): BEGIN, the workload's row lock
 *   and the lens review and answer reads in one round trip, then the answer
 *   upsert, both counts, the audit journal row and COMMIT in the next. Not the
 *   issue's yardstick: it shows what PostgreSQL itself can do with the work
 *   UpdateAnswer has to do, so that Plumbline's own share can be told apart;
 * - statement: likewise, the one statement GetWorkload, GetAnswer or ListAnswers
 *   sends (the rows the call's answer and access rule need, as JSON arrays);
 * - workload: the workload's row;
 * - answer: the answer's row;
 * - answers: a lens review's answer rows.
 *
 * Its pool has as many connections as Plumbline's (BASELINE_POOL_SIZE).
 */
const pool = new pg.Pool({ connectionString: process.env.BASELINE_DATABASE_URL, max: Number(process.env.BASELINE_POOL_SIZE ?? 10) });
pool.on('error', () => undefined);

const upsert = {
  name: 'baseline-upsert',
  text: `insert into answers (workload_id, lens_key, question_id, selected_choices, choice_answers, notes, is_applicable, reason, risk, updated_at)
         values ($1, 'wellarchitected', $2, $3, '{}', $4, 1, null, 'MEDIUM', $5)
         on conflict (workload_id, lens_key, question_id) do update set selected_choices = excluded.selected_choices,
           choice_answers = excluded.choice_answers, notes = excluded.notes, is_applicable = excluded.is_applicable,
           reason = excluded.reason, risk = excluded.risk, updated_at = excluded.updated_at`,
};

// The texts Plumbline's PostgreSQL unit of work sends for UpdateAnswer (src/store/postgres-unit.ts), named alike.
const LOCK = { name: 'tx-lock', text: 'select * from "workloads" where "id" = $1 for update' };
const READS = {
  name: 'tx-reads',
  text: `select (select coalesce(json_agg(t), '[]'::json) from (select * from "lens_reviews" where "workload_id" = $1 and "lens_key" = $2) t) as r0,
    (select coalesce(json_agg(t), '[]'::json) from (select * from "answers" where "workload_id" = $3 and "lens_key" = $4 and "question_id" = $5) t) as r1`,
};
const WRITES = {
  name: 'tx-writes',
  text: `with w0 as (insert into "answers" ("workload_id", "lens_key", "question_id", "selected_choices", "choice_answers", "notes", "is_applicable", "reason", "risk", "updated_at")
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict ("workload_id", "lens_key", "question_id") do update set "selected_choices" = "excluded"."selected_choices",
      "choice_answers" = "excluded"."choice_answers", "notes" = "excluded"."notes", "is_applicable" = "excluded"."is_applicable", "reason" = "excluded"."reason",
      "risk" = "excluded"."risk", "updated_at" = "excluded"."updated_at"),
    w1 as (update "lens_reviews" set "risk_counts" = $11, "updated_at" = $12 where "workload_id" = $13 and "lens_key" = $14),
    w2 as (update "workloads" set "risk_counts" = $15, "updated_at" = $16 where "id" = $17),
    w3 as (insert into "audit_journal" ("account_id", "event_id", "event_time", "event_name", "principal_arn", "resource_arn", "read_only", "error_code", "record")
      values ($18, $19, $20, $21, $22, $23, $24, $25, $26)) select 1`,
};
let events = 0;

// The one statement each read sends (reads a service issues together go as one, each a JSON-array column).
const json = (select: string, column: string) => `(select coalesce(json_agg(t), '[]'::json) from (${select}) t) as ${column}`;
const READ_STATEMENTS: Record<string, { name: string; text: string; values: (workload: string, question: string) => unknown[] }> = {
  workload: {
    name: 'statement-workload',
    text: `select ${[
      json('select * from "workloads" where "id" = $1', 'r0'),
      json('select * from "lens_reviews" where "workload_id" = $1 order by "position"', 'r1'),
      json('select * from "workload_profiles" where "workload_id" = $1', 'r2'),
      json('select "tag_key", "tag_value" from "tags" where "resource_arn" = (select "arn" from "workloads" where "id" = $1) order by "tag_key"', 'r3'),
    ].join(', ')}`,
    values: (workload) => [workload],
  },
  answer: {
    name: 'statement-answer',
    text: `select ${[
      json(`select * from "answers" where "workload_id" = $1 and "lens_key" = 'wellarchitected' and "question_id" = $2`, 'r0'),
      json('select * from "workloads" where "id" = $1', 'r1'),
      json('select * from "lens_reviews" where "workload_id" = $1 order by "position"', 'r2'),
    ].join(', ')}`,
    values: (workload, question) => [workload, question],
  },
  answers: {
    name: 'statement-answers',
    text: `select ${[
      json(`select * from "answers" where "workload_id" = $1 and "lens_key" = 'wellarchitected'`, 'r0'),
      json('select * from "workloads" where "id" = $1', 'r1'),
      json('select * from "lens_reviews" where "workload_id" = $1 order by "position"', 'r2'),
      json('select * from "workload_profiles" where "workload_id" = $1', 'r3'),
    ].join(', ')}`,
    values: (workload) => [workload],
  },
};

const app = Fastify();
app.removeAllContentTypeParsers();
app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
app.patch('/baseline/:workload/:question', async (request) => {
  const { workload, question } = request.params as { workload: string; question: string };
  const body = JSON.parse(request.body as string) as { SelectedChoices?: string[]; Notes?: string };
  await pool.query({ ...upsert, values: [workload, question, JSON.stringify(body.SelectedChoices ?? []), body.Notes ?? null, Date.now()] });
  return { ok: true };
});
app.patch('/baseline-transaction/:workload/:question', async (request) => {
  const { workload, question } = request.params as { workload: string; question: string };
  const body = JSON.parse(request.body as string) as { SelectedChoices?: string[]; Notes?: string };
  const client = await pool.connect();
  try {
    const [locked, read] = await sendBatch(client, [{ text: 'begin', values: [] }, { ...LOCK, values: [workload] }, { ...READS, values: [workload, 'wellarchitected', workload, 'wellarchitected', question] }]).then((r) => r.slice(1));
    const counts = (locked.rows[0] as { risk_counts: string }).risk_counts;
    void read;
    const now = Date.now();
    const record = JSON.stringify({ eventName: 'UpdateAnswer', eventID: String(++events), requestParameters: body, workload, question, padding: 'x'.repeat(900) });
    await sendBatch(client, [
      {
        ...WRITES,
        values: [
          workload, 'wellarchitected', question, JSON.stringify(body.SelectedChoices ?? []), '{}', body.Notes ?? null, 1, null, 'MEDIUM', now,
          counts, now, workload, 'wellarchitected',
          counts, now, workload,
          '111122223333', `${process.pid}-${events}`, now, 'UpdateAnswer', 'arn:aws:iam::111122223333:root', `arn:aws:wellarchitected:us-east-1:111122223333:workload/${workload}`, 0, null, record,
        ],
      },
      { text: 'commit', values: [] },
    ]);
  } finally {
    client.release();
  }
  return { ok: true };
});
app.get('/baseline/workload/:workload', async (request) => {
  const { workload } = request.params as { workload: string };
  const { rows } = await pool.query({ name: 'baseline-workload', text: 'select * from workloads where id = $1', values: [workload] });
  return rows[0];
});
app.get('/baseline/answer/:workload/:question', async (request) => {
  const { workload, question } = request.params as { workload: string; question: string };
  const { rows } = await pool.query({
    name: 'baseline-answer',
    text: `select * from answers where workload_id = $1 and lens_key = 'wellarchitected' and question_id = $2`,
    values: [workload, question],
  });
  return rows[0] ?? {};
});
app.get('/baseline/answers/:workload', async (request) => {
  const { workload } = request.params as { workload: string };
  const { rows } = await pool.query({
    name: 'baseline-answers',
    text: `select * from answers where workload_id = $1 and lens_key = 'wellarchitected'`,
    values: [workload],
  });
  return rows;
});
app.get('/baseline-statement/:read/:workload/:question?', async (request) => {
  const { read, workload, question } = request.params as { read: string; workload: string; question?: string };
  const statement = READ_STATEMENTS[read];
  const { rows } = await pool.query({ name: statement.name, text: statement.text, values: statement.values(workload, question ?? '') });
  return rows[0];
});
const address = await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
process.stdout.write(`LISTENING ${address}\n`);
process.on('SIGTERM', () => process.exit(0));
