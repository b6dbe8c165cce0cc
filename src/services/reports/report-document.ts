import PDFDocument from 'pdfkit';
import { RISKS, type Risk, type RiskCounts } from '../../domain/review/risk';
import { REPORT_RISK_ORDER, RISK_COLORS, RISK_LABELS, tocLine } from '../../domain/report/layout';
import { typesetUnicode } from './unicode-typesetting';
import { FONT } from './unicode-text';

/**
 * A report being typeset with pdfkit: A4 pages, Noto Sans with the faces of
 * other scripts beside it (src/services/reports/unicode-text.ts), a table of contents
 * filled in once the content's pages are known, and "Page N of M" footers.
 * Blocks that must not be split (headings with their first lines, a chart, a
 * table row) ask for room first and start a new page when it is not there.
 */

export interface TocEntry {
  title: string;
  level: 1 | 2;
  page: number;
}

const MARGIN = 56;
const FOOTER_GAP = 28;
export { FONT };
const TEXT_COLOR = '#16191f';
const MUTED = '#5f6b7a';

export interface TableColumn {
  title: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

const RISK_COLUMN_TITLES: Record<Risk, string> = { HIGH: 'High', MEDIUM: 'Medium', NONE: 'None', NOT_APPLICABLE: 'N/A', UNANSWERED: 'Unanswered' };

/** A right-aligned column per risk, worst first (REPORT_RISK_ORDER); `widths` in that order. */
export function riskColumns(widths: readonly number[], titles: Partial<Record<Risk, string>> = {}): TableColumn[] {
  return REPORT_RISK_ORDER.map((risk, i) => ({ title: titles[risk] ?? RISK_COLUMN_TITLES[risk], width: widths[i], align: 'right' }));
}

/** A row's cells under riskColumns(). */
export const riskCells = (counts: RiskCounts) => REPORT_RISK_ORDER.map((risk) => String(counts[risk]));

export class ReportDocument {
  readonly doc: PDFKit.PDFDocument;
  private readonly toc: TocEntry[] = [];
  private tocPageIndexes: number[] = [];

  constructor(title: string, private readonly footerLabel: string) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: MARGIN, bottom: MARGIN + FOOTER_GAP, left: MARGIN, right: MARGIN },
      bufferPages: true,
      info: { Title: title, Creator: 'Plumbline', Producer: 'Plumbline' },
      displayTitle: true,
      pdfVersion: '1.7',
    });
    typesetUnicode(this.doc);
    this.doc.font(FONT.regular).fontSize(10).fillColor(TEXT_COLOR);
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page unless `height` points fit below the cursor. */
  ensureRoom(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  /** Reserves pages for the table of contents, written by finish(). */
  reserveContents(pages: number): void {
    for (let i = 0; i < pages; i++) {
      this.doc.addPage();
      this.tocPageIndexes.push(this.doc.bufferedPageRange().start + this.doc.bufferedPageRange().count - 1);
    }
  }

  /** A section heading, listed in the contents and the PDF outline; level 1 starts a page. */
  heading(title: string, level: 1 | 2, options: { newPage?: boolean } = {}): void {
    const doc = this.doc;
    if (level === 1 && options.newPage !== false) doc.addPage();
    else this.ensureRoom(level === 1 ? 90 : 70);
    const range = doc.bufferedPageRange();
    this.toc.push({ title, level, page: range.start + range.count });
    if (level === 2) doc.moveDown(0.6);
    doc.font(FONT.bold).fontSize(level === 1 ? 20 : 14).fillColor(TEXT_COLOR).text(title, this.left, doc.y, { width: this.width });
    doc.moveDown(level === 1 ? 0.6 : 0.3);
    doc.font(FONT.regular).fontSize(10);
  }

  paragraph(text: string, options: { color?: string; font?: string; size?: number; indent?: number; link?: string } = {}): void {
    const indent = options.indent ?? 0;
    this.doc
      .font(options.font ?? FONT.regular)
      .fontSize(options.size ?? 10)
      .fillColor(options.color ?? TEXT_COLOR)
      .text(text, this.left + indent, this.doc.y, { width: this.width - indent, lineGap: 2, link: options.link });
    this.doc.fillColor(TEXT_COLOR).font(FONT.regular).fontSize(10);
  }

  /** A label and its value on one line, the value wrapping beside the label. */
  field(label: string, value: string, labelWidth = 130): void {
    const doc = this.doc;
    doc.font(FONT.regular).fontSize(10);
    this.ensureRoom(Math.max(doc.heightOfString(value, { width: this.width - labelWidth }), 12));
    const top = doc.y;
    doc.font(FONT.bold).fillColor(MUTED).text(label, this.left, top, { width: labelWidth - 8 });
    doc.font(FONT.regular).fillColor(TEXT_COLOR).text(value, this.left + labelWidth, top, { width: this.width - labelWidth, lineGap: 2 });
    doc.x = this.left;
    doc.moveDown(0.3);
  }

  /** A small coloured label, e.g. a question's risk. */
  badge(risk: Risk, x: number, y: number): void {
    const doc = this.doc;
    const label = RISK_LABELS[risk];
    doc.font(FONT.bold).fontSize(8);
    const w = doc.widthOfString(label) + 10;
    doc.roundedRect(x, y, w, 13, 3).fill(RISK_COLORS[risk]);
    doc.fillColor('#ffffff').text(label, x + 5, y + 3, { lineBreak: false });
    doc.fillColor(TEXT_COLOR).font(FONT.regular).fontSize(10);
  }

  /** One horizontal bar per row, split by risk, with the counts written beside it. */
  riskChart(rows: { label: string; counts: RiskCounts }[]): void {
    const doc = this.doc;
    const labelWidth = 150;
    const barWidth = this.width - labelWidth - 10;
    const rowHeight = 22;
    this.ensureRoom(rows.length * rowHeight + 40);
    const max = Math.max(1, ...rows.map((r) => RISKS.reduce((sum, k) => sum + r.counts[k], 0)));
    for (const row of rows) {
      const y = doc.y;
      doc.font(FONT.regular).fontSize(9).fillColor(TEXT_COLOR).text(row.label, this.left, y + 4, { width: labelWidth - 6, height: rowHeight, ellipsis: true, lineBreak: false });
      let x = this.left + labelWidth;
      for (const risk of REPORT_RISK_ORDER) {
        const n = row.counts[risk];
        if (!n) continue;
        const w = (n / max) * barWidth;
        doc.rect(x, y + 2, w, 14).fill(RISK_COLORS[risk]);
        if (w >= 14) doc.fillColor('#ffffff').font(FONT.bold).fontSize(8).text(String(n), x, y + 5.5, { width: w, align: 'center', lineBreak: false });
        x += w;
      }
      doc.x = this.left;
      doc.y = y + rowHeight;
    }
    this.legend();
  }

  private legend(): void {
    const doc = this.doc;
    const y = doc.y + 4;
    let x = this.left;
    doc.font(FONT.regular).fontSize(8);
    for (const risk of REPORT_RISK_ORDER) {
      doc.rect(x, y, 9, 9).fill(RISK_COLORS[risk]);
      doc.fillColor(TEXT_COLOR).text(RISK_LABELS[risk], x + 13, y + 1, { lineBreak: false });
      x += 13 + doc.widthOfString(RISK_LABELS[risk]) + 16;
    }
    doc.x = this.left;
    doc.y = y + 22;
    doc.fontSize(10);
  }

  /** A table whose rows are kept whole; the header repeats on every page it spans. */
  table(columns: TableColumn[], rows: string[][]): void {
    const doc = this.doc;
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const drawRow = (cells: string[], header: boolean) => {
      doc.font(header ? FONT.bold : FONT.regular).fontSize(9);
      const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i] - 8 }))) + 8;
      const y = doc.y;
      if (header) doc.rect(this.left, y, this.width, height).fill('#eef1f4');
      let x = this.left;
      cells.forEach((cell, i) => {
        doc.fillColor(TEXT_COLOR).text(cell, x + 4, y + 4, { width: widths[i] - 8, align: columns[i].align ?? 'left' });
        x += widths[i];
      });
      doc.moveTo(this.left, y + height).lineTo(this.left + this.width, y + height).lineWidth(0.5).strokeColor('#d1d5db').stroke();
      doc.x = this.left;
      doc.y = y + height;
      return height;
    };
    const header = columns.map((c) => c.title);
    this.ensureRoom(60);
    drawRow(header, true);
    for (const row of rows) {
      doc.font(FONT.regular).fontSize(9);
      const height = Math.max(...row.map((c, i) => doc.heightOfString(c, { width: widths[i] - 8 }))) + 8;
      if (doc.y + height > this.bottom) {
        doc.addPage();
        drawRow(header, true);
      }
      drawRow(row, false);
    }
    doc.moveDown(0.5);
    doc.font(FONT.regular).fontSize(10);
  }

  /** Writes the contents and footers, and returns the finished PDF. */
  async finish(): Promise<Buffer> {
    const doc = this.doc;
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise<void>((resolve, reject) => {
      doc.on('end', resolve);
      doc.on('error', reject);
    });
    this.writeContents();
    this.writeOutline();
    this.writeFooters();
    doc.end();
    await ended;
    return Buffer.concat(chunks);
  }

  private writeContents(): void {
    if (!this.tocPageIndexes.length) return;
    const doc = this.doc;
    const perPage = Math.floor((doc.page.height - 2 * MARGIN - FOOTER_GAP - 60) / 18);
    this.tocPageIndexes.forEach((pageIndex, n) => {
      doc.switchToPage(pageIndex);
      doc.x = this.left;
      doc.y = MARGIN;
      if (n === 0) doc.font(FONT.bold).fontSize(20).fillColor(TEXT_COLOR).text('Contents', this.left, MARGIN).moveDown(0.8);
      for (const entry of this.toc.slice(n * perPage, (n + 1) * perPage)) {
        const indent = entry.level === 1 ? 0 : 16;
        doc.font(entry.level === 1 ? FONT.bold : FONT.regular).fontSize(entry.level === 1 ? 11 : 10);
        const y = doc.y;
        const line = tocLine(entry.title, entry.page, (s) => doc.widthOfString(s), this.width - indent);
        doc.fillColor(TEXT_COLOR).text(line.title, this.left + indent, y, { lineBreak: false });
        doc.fillColor(MUTED).text(line.leader, this.left + indent + line.titleWidth, y, { lineBreak: false });
        doc.fillColor(TEXT_COLOR).text(String(entry.page), this.left, y, { width: this.width, align: 'right', lineBreak: false });
        doc.x = this.left;
        doc.y = y + 18;
      }
    });
  }

  private writeOutline(): void {
    let parent: PDFKit.PDFOutline | undefined;
    for (const entry of this.toc) {
      this.doc.switchToPage(entry.page - 1);
      if (entry.level === 1) parent = this.doc.outline.addItem(entry.title);
      else (parent ?? this.doc.outline).addItem(entry.title);
    }
  }

  private writeFooters(): void {
    const doc = this.doc;
    const { start, count } = doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      if (i === 0) continue; // the cover
      doc.switchToPage(i);
      // Writing inside the bottom margin would otherwise open a new page.
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      const y = doc.page.height - MARGIN - 4;
      doc.moveTo(this.left, y - 6).lineTo(this.left + this.width, y - 6).lineWidth(0.5).strokeColor('#d1d5db').stroke();
      doc.font(FONT.regular).fontSize(8).fillColor(MUTED);
      doc.text(this.footerLabel, this.left, y, { width: this.width * 0.7, lineBreak: false, ellipsis: true });
      doc.text(`Page ${i + 1} of ${count}`, this.left, y, { width: this.width, align: 'right', lineBreak: false });
      doc.page.margins.bottom = bottom;
    }
  }
}
