import { describe, expect, it } from 'vitest';
import type { Booklet } from '../../src/model/page.js';
import { renderPdf } from '../../src/render/index.js';
import { fonts, page, palette, run, textOp } from './fixtures.js';
import { qdf, save } from './tools.js';

const booklet = (lines: string[]): Booklet => ({
  meta: { title: 't', subject: '', author: '', keywords: [], lang: 'zh-CN', date: '2025-01-01' },
  pages: [page(lines.map((l, i) => textOp(l, 40, 60 + i * 20)))],
  palette,
});

/** The decoded font programs (FontFile2 streams) of a PDF, by font name. */
function fontPrograms(pdf: Uint8Array): Map<string, string> {
  const file = save(pdf, 'subset');
  const out = new Map<string, string>();
  // Font descriptors sit in object streams: read them from the expanded (QDF) file.
  const raw = qdf(file);
  for (const obj of raw.split(/\nendobj\n/).filter((o) => o.includes('/Type /FontDescriptor'))) {
    const name = /\/FontName \/([A-Z]{6}\+[\w-]+)/.exec(obj);
    const program = /\/FontFile2 (\d+) 0 R/.exec(obj);
    if (!name || !program) continue;
    const data = run('qpdf', [`--show-object=${program[1]}`, '--filtered-stream-data', `${file}.qdf`]);
    out.set(name[1]!, Buffer.from(data, 'utf8').toString('base64'));
  }
  return out;
}

describe('font subsets', () => {
  it('do not depend on the order the glyphs first appear in', async () => {
    const a = fontPrograms(await renderPdf(booklet(['天地玄黄', '宇宙洪荒']), fonts(), { edition: 'screen' }));
    const b = fontPrograms(await renderPdf(booklet(['宇宙洪荒', '黄玄地天']), fonts(), { edition: 'screen' }));
    expect(a.size).toBe(1);
    expect([...b.values()]).toEqual([...a.values()]);
  });

  it('are re-encoded when a rebuild needs a new glyph', async () => {
    const a = fontPrograms(await renderPdf(booklet(['天地玄黄']), fonts(), { edition: 'screen' }));
    const bPdf = await renderPdf(booklet(['天地玄黄日']), fonts(), { edition: 'screen' });
    const b = fontPrograms(bPdf);
    expect([...b.values()][0]!.length).toBeGreaterThan([...a.values()][0]!.length);
    // The new glyph is drawn, not just copied: its outline adds dark pixels.
    const file = save(bPdf, 'newglyph');
    const ink = (f: string) => Number(run('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-sDEVICE=inkcov', '-o', '-', f]).trim().split(/\s+/)[3]);
    const without = save(await renderPdf(booklet(['天地玄黄']), fonts(), { edition: 'screen' }), 'noglyph');
    expect(ink(file)).toBeGreaterThan(ink(without));
  });
});

describe('subset glyphs copied without decoding their outlines', () => {
  it('give the same font program as fontkit decoding every glyph', async () => {
    const { readFileSync } = await import('node:fs');
    const fontkit = await import('fontkit');
    const { fastAddGlyph } = await import('../../src/render/pdfGlyphs.js');
    const { loadOutlines } = await import('../../src/font/book.js');
    const face = fonts().get('serif');
    const whole = fontkit.create(readFileSync(face.file)) as import('fontkit').Font;
    const text = '版面编排：新闻标题与正文，“读者”复制粘贴——应得原字。AQ 2025';
    const gids = [...new Set([...text].map((ch) => whole.glyphForCodePoint(ch.codePointAt(0)!).id))].sort((a, b) => a - b);
    const encode = (font: import('fontkit').Font, fast: boolean) => {
      const s = font.createSubset() as unknown as { includeGlyph(g: number): number; encode(): Uint8Array };
      if (fast) fastAddGlyph(s as unknown as Parameters<typeof fastAddGlyph>[0]);
      for (const g of gids) s.includeGlyph(g);
      return Buffer.from(s.encode());
    };
    loadOutlines(face.font, [0, ...gids]);
    const fast = encode(face.font, true);
    expect(fast.equals(encode(whole, false))).toBe(true);
    expect(fast.length).toBeGreaterThan(1000);
  });
});
