import Fastify from 'fastify';
import pg from 'pg';

/**
 * The PostgreSQL yardstick (npm run bench -- --store postgres): a bare Fastify
 * route per measured call, each doing the least SQL that call's data needs, on
 * Plumbline's own database (BASELINE_DATABASE_URL) and rows, with none of its
 * protocol, authentication, access rules, audit or domain work:
 *
 * - write: one upsert of an answer row (the workload and question of the
 *   request), one statement, no transaction;
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

const app = Fastify();
app.removeAllContentTypeParsers();
app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
app.patch('/baseline/:workload/:question', async (request) => {
  const { workload, question } = request.params as { workload: string; question: string };
  const body = JSON.parse(request.body as string) as { SelectedChoices?: string[]; Notes?: string };
  await pool.query({ ...upsert, values: [workload, question, JSON.stringify(body.SelectedChoices ?? []), body.Notes ?? null, Date.now()] });
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
const address = await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
process.stdout.write(`LISTENING ${address}\n`);
process.on('SIGTERM', () => process.exit(0));
