import { runAdminCommand } from './admin-command';
import { runAuditCommand } from './audit-command';
import { runChecksCommand } from './checks-command';
import { runBackupCommand } from './backup-command';
import { runEventsCommand } from './events-command';
import { runExportCommand } from './export-command';
import { runImportCommand } from './import-command';
import { runLensCommand } from './lens-command';
import { runTemplatesCommand } from './templates-command';

/** `plumbline <command>`: serve the API, administer identities, or work with lens files. */
const usage = `usage: plumbline <command>
  serve                      start the API (same as npm start; settings from the environment, see README)
  lens validate FILE...      check lens files against the lens format; exit 1 if any is invalid
  lens template              print the lens template to start a custom lens from
  templates apply ...        apply a review template's answers to existing workloads (plumbline templates help)
  admin <verb> ...           administer accounts, users, keys and policies (plumbline admin help)
  audit lookup ...           an account's audit trail, newest first, as JSON (plumbline audit help)
  events targets <verb> ...  webhook and NDJSON file targets of events, their delivery state (plumbline events targets help)
  export lens-review|workload  a lens review as CSV, Markdown or PDF, or a workload as JSON (plumbline export help)
  import workload FILE       create a new workload from an exported workload file (plumbline import help)
  checks import ...          a scanner's findings (Prowler json-ocsf or JSON lines) as a workload's checks (plumbline checks help)
  backup FILE                copy the SQLite store to FILE while serving (plumbline backup help)
  restore FILE               with the server stopped, put a backup back in place of the SQLite store`;

const [command, ...rest] = process.argv.slice(2);
const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
const err = (s: string) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`);

/** The commands run with their arguments, both output streams and the environment. */
const withEnvironment: Record<string, (args: string[], out: (s: string) => void, err: (s: string) => void, env: NodeJS.ProcessEnv) => Promise<number>> = {
  admin: runAdminCommand,
  audit: runAuditCommand,
  events: runEventsCommand,
  import: runImportCommand,
  checks: runChecksCommand,
  templates: runTemplatesCommand,
};

if (command === 'serve') {
  await import('../main');
} else if (command !== undefined && Object.hasOwn(withEnvironment, command)) {
  process.exitCode = await withEnvironment[command]!(rest, out, err, process.env);
} else if (command === 'export') {
  process.exitCode = await runExportCommand(rest, (data) => process.stdout.write(data), err, process.env);
} else if (command === 'backup' || command === 'restore') {
  process.exitCode = await runBackupCommand(command, rest, out, err, process.env);
} else if (command === 'lens') {
  process.exitCode = await runLensCommand(rest, out, err);
} else {
  err(usage);
  process.exitCode = command === undefined || command === 'help' || command === '--help' ? 0 : 2;
}
