import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { loadFontBook } from '../../src/font/book.js';
import { advanceWidth, horizontalMetrics } from '../../src/font/metrics.js';

const fonts = loadFontBook(join(dirname(fileURLToPath(import.meta.url)), '../../fonts'));

describe('advance widths from hmtx', () => {
  it('are what fontkit gives for every kind of glyph, in every face', () => {
    const text = '教育专刊，“北碚”——AQ 2025年…《》、。';
    for (const id of fonts.ids) {
      const font = fonts.get(id).font;
      // fontkit alone on the whole file as the reference: the book's font has its loca filled in by us.
      const reference = fontkit.create(readFileSync(fonts.get(id).file)) as fontkit.Font;
      const gids = [...text].map((ch) => font.glyphForCodePoint(ch.codePointAt(0)!).id);
      gids.push(0, font.numGlyphs - 1, Math.floor(font.numGlyphs / 2));
      for (const gid of gids) {
        const glyph = reference.getGlyph(gid) as unknown as { advanceWidth: number; _getMetrics(): { leftBearing: number } };
        expect([id, gid, advanceWidth(font, gid)]).toEqual([id, gid, glyph.advanceWidth]);
        expect([id, gid, horizontalMetrics(font, gid)]).toEqual([id, gid, { advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing }]);
      }
    }
  });
});
