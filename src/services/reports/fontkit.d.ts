/** The little of fontkit (pdfkit's font reader) the report code uses; the package ships no types. */
declare module 'fontkit' {
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string): unknown;
  }
  export function openSync(path: string): Font;
}
