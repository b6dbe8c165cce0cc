import { runLensCommand } from './lens-command';

/** `plumbline <command>`: serve the API, or work with lens files. */
const usage = `usage: plumbline <command>
  serve                      start the API (same as npm start; settings from the environment, see README)
  lens validate FILE...      check lens files against the lens format; exit 1 if any is invalid
  lens template              print the lens template to start a custom lens from`;

const [command, ...rest] = process.argv.slice(2);
const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
const err = (s: string) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`);

if (command === 'serve') {
  await import('../main');
} else if (command === 'lens') {
  process.exitCode = await runLensCommand(rest, out, err);
} else {
  err(usage);
  process.exitCode = command === undefined || command === 'help' || command === '--help' ? 0 : 2;
}
