import { breakLines, FONT, fontOf, type Face, facesFor, hasRightToLeft, isRightToLeftParagraph, runsOf, visualText, type FontStyle } from './unicode-text';

/**
 * Every doc.text() of the report, whichever code calls it, goes through here:
 * the text is put in visual order, split into runs by the face that covers
 * them and written run after run (pdfkit's `continued`), so that one line may
 * mix scripts. doc.font(style) picks the style, the run its face.
 */
export function typesetUnicode(doc: PDFKit.PDFDocument): void {
  const plainFont = doc.font.bind(doc);
  const plainText = doc.text.bind(doc) as (text: string, x?: number, y?: number, options?: PDFKit.Mixins.TextOptions) => PDFKit.PDFDocument;
  const registered = new Set<string>();
  let style: FontStyle = 'regular';
  const useFace = (face: Face) => {
    if (!registered.has(face.name)) {
      // pdfkit takes an opened fontkit font as well as a file (its types know only the latter).
      doc.registerFont(face.name, fontOf(face) as unknown as string);
      registered.add(face.name);
    }
    plainFont(face.name);
  };
  doc.font = ((name: string, ...rest: unknown[]) => {
    if (name in FONT) {
      style = name as FontStyle;
      useFace(facesFor(style)[0]);
      return doc;
    }
    return (plainFont as (...args: unknown[]) => PDFKit.PDFDocument)(name, ...rest);
  }) as typeof doc.font;
  const writeRuns = (text: string, x: number | null, y: number | null, opts: PDFKit.Mixins.TextOptions) => {
    const runs = runsOf(visualText(text), facesFor(style));
    if (runs.length === 0) runs.push({ face: facesFor(style)[0], text: '' });
    runs.forEach((run, i) => {
      useFace(run.face);
      const last = i === runs.length - 1;
      // null, not undefined: pdfkit reads an undefined x as "options follow".
      plainText(run.text, (i === 0 ? x : null) as number, (i === 0 ? y : null) as number, { ...opts, continued: last ? opts.continued : true });
    });
  };
  const widthOf = (text: string) =>
    runsOf(text, facesFor(style)).reduce((sum, run) => {
      useFace(run.face);
      return sum + doc.widthOfString(run.text);
    }, 0);
  doc.text = ((text: unknown, x?: unknown, y?: unknown, options?: unknown) => {
    // doc.text(text, options) is pdfkit's other form.
    if (typeof x === 'object' && x !== null) return doc.text(text as string, null as unknown as number, null as unknown as number, x as PDFKit.Mixins.TextOptions);
    const content = String(text ?? '');
    const opts = { ...((options ?? {}) as PDFKit.Mixins.TextOptions) };
    const first = { x: (x ?? null) as number | null, y: (y ?? null) as number | null };
    if (!hasRightToLeft(content) || !opts.width || opts.continued || opts.lineBreak === false) {
      writeRuns(content, first.x, first.y, opts);
    } else {
      // Right-to-left text is broken into lines here, in reading order, then each line reordered and placed.
      const align = opts.align ?? (isRightToLeftParagraph(content) ? 'right' : 'left');
      const left = first.x ?? doc.x;
      let top = first.y ?? doc.y;
      for (const line of breakLines(content, opts.width, widthOf)) {
        const height = doc.currentLineHeight(true) + (opts.lineGap ?? 0);
        if (top + height > doc.page.height - doc.page.margins.bottom) {
          doc.addPage();
          top = doc.page.margins.top;
        }
        const runs = runsOf(visualText(line), facesFor(style));
        const free = opts.width - widthOf(visualText(line));
        let x = left + (align === 'right' ? free : align === 'center' ? free / 2 : 0);
        for (const run of runs) {
          useFace(run.face);
          plainText(run.text, x, top, { lineBreak: false, link: opts.link });
          x += doc.widthOfString(run.text);
        }
        top += height;
      }
      doc.x = left;
      doc.y = top;
    }
    useFace(facesFor(style)[0]);
    return doc;
  }) as typeof doc.text;
}
