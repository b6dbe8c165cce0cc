import { describe, expect, it } from 'vitest';
import { breakLines, facesFor, isRightToLeftParagraph, REPLACEMENT, runsOf, visualLine } from './unicode-text';

describe('text in every script for the PDF reports', () => {
  it('chooses a face per run of text, and U+FFFD where no face covers a character', () => {
    const runs = runsOf('Zürich Ελλάδα 東京 שלום 🚀 한', facesFor('regular'));
    const faceOf = (text: string) => runs.find((r) => r.text.includes(text))?.face.name;
    expect(faceOf('Zürich')).toMatch(/^noto-sans-latin/);
    expect(faceOf('Ελλάδα')).toMatch(/^noto-sans-greek/);
    expect(faceOf('東')).toMatch(/^noto-sans-sc-/);
    expect(faceOf('שלום')).toMatch(/^noto-sans-hebrew-hebrew/);
    // Hangul is in a face's declared range but not in its file: replaced too, never drawn as a box.
    expect(runs.map((r) => r.text).join('')).toBe(`Zürich Ελλάδα 東京 שלום ${REPLACEMENT} ${REPLACEMENT}`);
  });

  it('leaves left-to-right lines alone and reorders right-to-left ones word by word', () => {
    expect(visualLine('Zürich — Привет')).toBe('Zürich — Привет');
    // Words in visual order (right to left), each left in logical order for the shaper to reverse.
    expect(visualLine('שלום עולם 123')).toBe('123 עולם שלום');
    // A left-to-right paragraph with a Hebrew phrase keeps its own order around it.
    expect(visualLine('Notes: שלום עולם.')).toBe('Notes: עולם שלום.');
    expect(isRightToLeftParagraph('שלום world')).toBe(true);
    expect(isRightToLeftParagraph('world שלום')).toBe(false);
  });

  it('breaks lines in reading order before they are reordered', () => {
    const measure = (text: string) => text.length;
    expect(breakLines('אחת שתיים שלוש ארבע', 9, measure)).toEqual(['אחת שתיים', 'שלוש ארבע']);
    expect(breakLines('a\nbb cc', 2, measure)).toEqual(['a', 'bb', 'cc']);
  });
});
