import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../src/render/index.js';
import { fonts, sampleBooklet } from './fixtures.js';

const trailerId = (pdf: Uint8Array): string => {
  const s = Buffer.from(pdf).toString('latin1');
  // The last /ID: in the trailer, or in the cross-reference stream's dictionary (object streams).
  const m = [...s.matchAll(/\/ID \[<([0-9a-f]+)> <([0-9a-f]+)>\]/g)].at(-1);
  if (!m) throw new Error('no /ID in the trailer');
  return m[1]!;
};

describe('deterministic output', () => {
  for (const edition of ['screen', 'print'] as const) {
    it(`${edition}: two builds are byte-identical`, async () => {
      const a = await renderPdf(sampleBooklet(), fonts(), { edition });
      const b = await renderPdf(sampleBooklet(), fonts(), { edition });
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    });

    it(`${edition}: one changed character changes the file and its /ID`, async () => {
      const a = await renderPdf(sampleBooklet(), fonts(), { edition });
      const b = await renderPdf(sampleBooklet({ body: '版面编排：新闻标题与正文，读者复制粘贴应得原字。' }), fonts(), { edition });
      expect(trailerId(a)).toMatch(/^[0-9a-f]{32}$/);
      expect(trailerId(a)).not.toBe(trailerId(b));
    });
  }

  it('a moved glyph changes the /ID even when the text is the same', async () => {
    const a = sampleBooklet();
    const b = sampleBooklet();
    const op = b.pages[2]!.ops[3]!;
    if (op.op !== 'text') throw new Error('fixture');
    op.glyphs[3] = { ...op.glyphs[3]!, x: op.glyphs[3]!.x + 0.5 };
    const ida = trailerId(await renderPdf(a, fonts(), { edition: 'screen' }));
    const idb = trailerId(await renderPdf(b, fonts(), { edition: 'screen' }));
    expect(ida).not.toBe(idb);
  });

  it('dates come from the options or the issue date, never the clock', async () => {
    const pdf = Buffer.from(await renderPdf(sampleBooklet(), fonts(), { edition: 'screen' })).toString('latin1');
    expect(pdf).toContain('(D:20250402000000Z)');
    const given = Buffer.from(
      await renderPdf(sampleBooklet(), fonts(), { edition: 'screen', creationDate: new Date(Date.UTC(2024, 11, 31, 8, 30)) }),
    ).toString('latin1');
    expect(given).toContain('(D:20241231083000Z)');
    expect(given).toContain('<xmp:CreateDate>2024-12-31T08:30:00Z</xmp:CreateDate>');
  });
});
