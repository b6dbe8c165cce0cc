import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import bidiFactory from 'bidi-js';
import * as fontkit from 'fontkit';

/**
 * Text in any of the scripts teams write notes in, for pdfkit: the Noto Sans
 * faces of the @fontsource packages (SIL Open Font License; WOFF files, which
 * pdfkit's fontkit reads and subsets, so a PDF embeds only the glyphs it uses).
 * Each package's CSS says which code points each face file covers, so the face
 * of every character is found among few candidates (and checked in the font
 * file): Latin, Greek and Cyrillic from Noto Sans, then Hebrew, Arabic and CJK. A character no face
 * covers (emoji) becomes U+FFFD, a visible replacement, never another letter.
 *
 * Right-to-left text is put in visual order with the Unicode bidirectional
 * algorithm (bidi-js). pdfkit shapes each word with fontkit, which itself
 * reverses the glyphs of a right-to-left word, so after reordering each such
 * word is turned back to logical order (also what Arabic joining needs).
 */

export type FontStyle = 'regular' | 'bold' | 'italic';

/** The styles report code asks for with doc.font(); each is a set of faces, chosen per run of text. */
export const FONT: Record<FontStyle, string> = { regular: 'regular', bold: 'bold', italic: 'italic' };

export interface Face {
  /** The name pdfkit registers the face under. */
  name: string;
  file: string;
  ranges: Array<[number, number]>;
  /** The font itself, opened the first time a character in its ranges needs checking. */
  font?: fontkit.Font;
}

const require = createRequire(import.meta.url);

/** Per style, the CSS files of each package, in the order faces are tried. */
const STYLE_CSS: Record<FontStyle, string[]> = {
  regular: ['@fontsource/noto-sans/400.css', '@fontsource/noto-sans-hebrew/400.css', '@fontsource/noto-sans-arabic/400.css', '@fontsource/noto-sans-sc/400.css'],
  bold: ['@fontsource/noto-sans/700.css', '@fontsource/noto-sans-hebrew/700.css', '@fontsource/noto-sans-arabic/700.css', '@fontsource/noto-sans-sc/700.css'],
  italic: ['@fontsource/noto-sans/400-italic.css', '@fontsource/noto-sans-hebrew/400.css', '@fontsource/noto-sans-arabic/400.css', '@fontsource/noto-sans-sc/400.css'],
};

function parseRanges(text: string): Array<[number, number]> {
  return text.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(from, 16), parseInt(to ?? from, 16)];
  });
}

/** The faces a fontsource CSS file declares: each WOFF file with its unicode-range. */
export function facesOfCss(cssPath: string): Face[] {
  const css = readFileSync(cssPath, 'utf8');
  const faces: Face[] = [];
  for (const block of css.split('@font-face').slice(1)) {
    const file = /url\(\.\/files\/([^)]+\.woff)\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (!file || !range) continue;
    faces.push({ name: file.replace(/\.woff$/, ''), file: path.join(path.dirname(cssPath), 'files', file), ranges: parseRanges(range) });
  }
  return faces;
}

/**
 * The faces of each style, read from the installed packages once: they are
 * files of the installation, the same for every report, so they are kept for
 * the life of the process rather than read again per PDF.
 */
const facesByStyle = new Map<FontStyle, Face[]>();
export function facesFor(style: FontStyle): Face[] {
  let faces = facesByStyle.get(style);
  if (!faces) {
    faces = STYLE_CSS[style].flatMap((css) => facesOfCss(require.resolve(css)));
    facesByStyle.set(style, faces);
  }
  return faces;
}

/**
 * The face's font, opened once: pdfkit embeds it in every report that uses it
 * (each with its own subset), and fontkit's glyph and layout caches then serve
 * every report rather than being built again for each one.
 */
export function fontOf(face: Face): fontkit.Font {
  face.font ??= fontkit.openSync(face.file);
  return face.font;
}

/** In the face's declared ranges and really drawn by it: a range may claim code points its file has no glyph for. */
function covers(face: Face, cp: number): boolean {
  return face.ranges.some(([from, to]) => cp >= from && cp <= to) && fontOf(face).hasGlyphForCodePoint(cp);
}
export const REPLACEMENT = '\uFFFD';

export interface Run {
  face: Face;
  text: string;
}

/** Splits text into runs of one face each; characters no face covers become U+FFFD. */
export function runsOf(text: string, faces: Face[]): Run[] {
  const runs: Run[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    let face = faces.find((f) => covers(f, cp));
    let out = ch;
    if (!face) {
      out = REPLACEMENT;
      face = faces.find((f) => covers(f, REPLACEMENT.codePointAt(0)!)) ?? faces[0];
    }
    const last = runs[runs.length - 1];
    if (last && last.face === face) last.text += out;
    else runs.push({ face, text: out });
  }
  return runs;
}

const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const RTL_WORD = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]+/g;
let bidi: ReturnType<typeof bidiFactory> | undefined;

/** One line of text in the order pdfkit should lay it out (see the module comment). */
export function visualLine(line: string): string {
  if (!RTL_LETTER.test(line)) return line;
  bidi ??= bidiFactory();
  const levels = bidi.getEmbeddingLevels(line);
  const chars = [...line];
  // getEmbeddingLevels works on UTF-16 units; the scripts reordered here are all in the BMP.
  if (chars.length !== line.length) return line;
  for (const [index, mirror] of bidi.getMirroredCharactersMap(line, levels.levels)) chars[index] = mirror;
  for (const [start, end] of bidi.getReorderSegments(line, levels)) {
    const flipped = chars.slice(start, end + 1).reverse();
    chars.splice(start, flipped.length, ...flipped);
  }
  return chars.join('').replace(RTL_WORD, (word) => [...word].reverse().join(''));
}

/** Text as pdfkit should receive it: each line (at explicit line breaks) in visual order. */
export const visualText = (text: string): string => text.split('\n').map(visualLine).join('\n');

export const hasRightToLeft = (text: string): boolean => RTL_LETTER.test(text);

/** Whether a paragraph's base direction is right to left (its first strong character is). */
export function isRightToLeftParagraph(text: string): boolean {
  if (!RTL_LETTER.test(text)) return false;
  bidi ??= bidiFactory();
  return bidi.getEmbeddingLevels(text).paragraphs[0]?.level === 1;
}

/**
 * Breaks text into lines of at most `width` (as `measure` gives it) in logical
 * order, at spaces, a word longer than a line standing alone. Right-to-left text
 * is broken here, before its lines are reordered: pdfkit would break the
 * reordered text and so put a paragraph's last words on its first line.
 */
export function breakLines(text: string, width: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/(?<=\s)/)) {
      if (line && measure((line + word).trimEnd()) > width) {
        lines.push(line.trimEnd());
        line = word.trimStart();
      } else line += word;
    }
    lines.push(line.trimEnd());
  }
  return lines;
}
