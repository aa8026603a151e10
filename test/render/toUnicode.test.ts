import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { toUnicodeCmapText } from '../../src/render/toUnicode.js';

/** PDFKit's own `EmbeddedFont.toUnicodeCmap`, run on a stand-in font: the text it ends its object with. */
function pdfkitText(unicode: number[][]): string {
  const EmbeddedFont = pdfkitEmbeddedFont();
  let text = '';
  const font = Object.create(EmbeddedFont.prototype) as { unicode: number[][]; document: unknown; toUnicodeCmap(): unknown };
  font.unicode = unicode;
  font.document = { ref: () => ({ end: (chunk: string) => (text = chunk) }) };
  font.toUnicodeCmap();
  return text;
}

/** PDFKit does not export its font classes: the class of a font it embedded. */
function pdfkitEmbeddedFont(): { prototype: object } {
  const doc = new PDFDocument({ autoFirstPage: false });
  const probe = { layout() {}, createSubset: () => ({}), getGlyph: () => ({ advanceWidth: 0 }), unitsPerEm: 1000, bbox: {} };
  doc.font(probe as unknown as string);
  return (doc as unknown as { _font: { constructor: { prototype: object } } })._font.constructor;
}

/** A deterministic pseudo-random glyph table: BMP, astral and empty entries, several words each. */
function randomUnicode(n: number, seed: number): number[][] {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) >>> 0) >>> 8) / 0x1000000;
  return Array.from({ length: n }, () => {
    const k = Math.floor(next() * 4);
    return Array.from({ length: k }, () => (next() < 0.2 ? 0x10000 + Math.floor(next() * 0xfffff) : Math.floor(next() * 0x10000)));
  });
}

describe('the ToUnicode CMap text', () => {
  it.each([
    ['one glyph', [[0]]],
    ['a ligature and an empty entry', [[0], [0x66, 0x69], []]],
    ['astral characters', [[0], [0x20000], [0x2ebe0, 0x4e00]]],
  ])('is PDFKit’s for %s', (_, unicode) => {
    expect(toUnicodeCmapText(unicode)).toBe(pdfkitText(unicode));
  });

  it.each([1, 255, 256, 257, 513, 4000])('is PDFKit’s for %i random glyphs (ranges of 256)', (n) => {
    const unicode = randomUnicode(n, n);
    expect(toUnicodeCmapText(unicode)).toBe(pdfkitText(unicode));
  });
});
