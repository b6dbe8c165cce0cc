import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/** Reading PDFs back as text with poppler's pdftotext, for the report tests. */

export const hasPdftotext = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;

/** The text pdftotext reads from a PDF, without the direction marks it puts around right-to-left runs. */
export async function pdfText(pdf: Buffer): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'plumbline-pdf-'));
  try {
    const file = path.join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    // Asynchronously: the server producing PDFs runs in this process.
    const { stdout } = await promisify(execFile)('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    // Lines joined: a wrapped note reads as one.
    return stdout.replace(/[\u202a-\u202e\u200e\u200f]/g, '').replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
