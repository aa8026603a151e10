import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { loadFontBook, loadOutlines } from '../../src/font/book.js';
import { glyphIdFor } from '../../src/font/metrics.js';
import { encodeSubset } from '../../src/font/subset.js';

const fonts = loadFontBook(join(dirname(fileURLToPath(import.meta.url)), '../../fonts'));
const TEXT = '北碚区教育专刊，“双减”落地——2025年9月10日《重庆日报》AI课堂STEM 98.6%！';

describe('TrueType subsets written directly', () => {
  it.each(fonts.ids)('writes the bytes fontkit writes for the same glyphs (%s)', (id) => {
    const face = fonts.get(id);
    const whole = fontkit.create(readFileSync(face.file)) as fontkit.Font;
    // .notdef first, then glyphs in first-use order (as PDFKit's subset numbers them).
    const glyphs = [0];
    for (const ch of TEXT) {
      const gid = glyphIdFor(whole, ch.codePointAt(0)!);
      if (!glyphs.includes(gid)) glyphs.push(gid);
    }
    const reference = whole.createSubset() as unknown as { includeGlyph(gid: number): number; encode(): Uint8Array };
    for (const g of glyphs.slice(1)) reference.includeGlyph(g);
    loadOutlines(face.font, glyphs);
    const ours = encodeSubset(face.font, glyphs);
    expect(ours).not.toBeNull();
    expect(Buffer.from(ours!).equals(Buffer.from(reference.encode()))).toBe(true);
  });

  it('leaves a glyph list it cannot copy as is to fontkit', () => {
    const face = fonts.get('serif');
    // A gid past the font's last glyph has no loca entry.
    expect(encodeSubset(face.font, [0, 1_000_000])).toBeNull();
  });
});
