import { readFile } from 'node:fs/promises';
import { describeFinding } from '../domain/lens/lens-finding';
import { validateLensJson } from '../domain/lens/validate';
import type { LensDocument } from '../domain/lens/types';

const USAGE = ['usage: plumbline lens validate FILE...', '       plumbline lens template'].join('\n');

// Read at run time, not imported, so `lens template` prints the file exactly as written.
const TEMPLATE_URL = new URL('../lenses/template.json', import.meta.url);

/**
 * `plumbline lens ...`; `args` are the words after `lens`. Returns the exit code:
 * 0 all files valid, 1 a file invalid or unreadable, 2 bad usage.
 */
export async function runLensCommand(
  args: string[],
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand === 'validate' && rest.length > 0) return validateFiles(rest, out, err);
  if (subcommand === 'template' && rest.length === 0) {
    out((await readFile(TEMPLATE_URL, 'utf8')).trimEnd());
    return 0;
  }
  err(USAGE);
  return 2;
}

async function validateFiles(files: string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  let exitCode = 0;
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      err(`${file}: cannot read: ${error instanceof Error ? error.message : String(error)}`);
      exitCode = 1;
      continue;
    }
    const { lens, findings, warnings } = validateLensJson(text);
    // Warnings are what the hosted service accepts but an author should fix; they never fail a file.
    for (const warning of warnings) out(`${file}: warning: ${warning.path}: ${describeFinding(warning)}`);
    if (lens) {
      out(`${file}: valid (${summarize(lens)})${warnings.length ? ` with ${count(warnings.length, 'warning')}` : ''}`);
      continue;
    }
    exitCode = 1;
    for (const finding of findings) out(`${file}: error: ${finding.path}: ${describeFinding(finding)}`);
  }
  return exitCode;
}

function summarize(lens: LensDocument): string {
  const questions = lens.pillars.flatMap((pillar) => pillar.questions);
  const choices = questions.reduce((total, question) => total + question.choices.length, 0);
  return [count(lens.pillars.length, 'pillar'), count(questions.length, 'question'), count(choices, 'choice')].join(', ');
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
