import { describe, expect, it } from 'vitest';
import type { PlacedGlyph } from '../../src/model/line.js';
import type { Booklet, DrawOp } from '../../src/model/page.js';
import { renderPdf } from '../../src/render/index.js';
import { fonts, page, palette } from './fixtures.js';

/** ~20 pages × 1,250 glyphs of body text over ~2,600 distinct ideographs, 4 columns a page. */
export function bigBooklet(pages = 20, perLine = 25, lines = 50): Booklet {
  const face = fonts().get('serif');
  const cmap = face.font;
  const size = 9;
  let n = 0;
  const out = [];
  for (let p = 0; p < pages; p++) {
    const ops: DrawOp[] = [];
    let made = 0;
    for (let col = 0; col < 4; col++) {
      for (let l = 0; l < Math.ceil(lines / 4) && made < lines; l++, made++) {
        const glyphs: PlacedGlyph[] = [];
        for (let i = 0; i < perLine; i++) {
          const cp = 0x4e00 + ((n++ * 37) % 2600);
          const g = cmap.glyphForCodePoint(cp);
          glyphs.push({ face: 'serif', gid: g.id, x: i * 9.1, dy: 0, advance: 9, text: String.fromCodePoint(cp) });
        }
        ops.push({ op: 'text', x: 30 + col * 100, y: 40 + l * 15, size, color: 'text', role: 'P', glyphs, struct: `p${p}-${col}` });
      }
      ops.push({ op: 'rule', x1: 125 + col * 100, y1: 30, x2: 125 + col * 100, y2: 500, width: 0.25, color: 'text' });
    }
    out.push(page(ops, { folio: p + 1, bookmarks: [{ title: `第${p + 1}篇`, level: 1, y: 30 }] }));
  }
  return { meta: { title: '性能', subject: '', author: '', keywords: [], lang: 'zh-CN', date: '2025-04-02' }, pages: out, palette };
}

describe('render speed', () => {
  it('writes ~25,000 glyphs on 20 pages quickly once fonts are decoded', async () => {
    const b = bigBooklet();
    const glyphs = b.pages.reduce((s, p) => s + p.ops.reduce((t, o) => t + (o.op === 'text' ? o.glyphs.length : 0), 0), 0);
    expect(glyphs).toBe(25_000);
    // Warm-up: first decode of the font tables and glyph outlines.
    await renderPdf(b, fonts(), { edition: 'screen' });
    await renderPdf(b, fonts(), { edition: 'print' });
    const times: Record<string, number> = {};
    for (const edition of ['screen', 'print'] as const) {
      const t0 = performance.now();
      const pdf = await renderPdf(b, fonts(), { edition });
      times[edition] = performance.now() - t0;
      expect(pdf.length).toBeGreaterThan(100_000);
    }
    // Generous bound for a loaded 2-core CI box; typical figures are in the renderer's README notes.
    expect(times.screen!).toBeLessThan(1000);
    expect(times.print!).toBeLessThan(1000);
  });
});
