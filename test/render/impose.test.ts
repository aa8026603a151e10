import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mm } from '../../src/model/units.js';
import { imposeBooklet, renderPdf, saddleOrder } from '../../src/render/index.js';
import { proofPages } from '../../src/render/proof.js';
import { fonts, run, sampleBooklet } from './fixtures.js';
import { save } from './tools.js';

describe('saddle-stitch order', () => {
  it('pairs outermost pages first, alternating sides', () => {
    expect(saddleOrder(8)).toEqual([
      [7, 0],
      [1, 6],
      [5, 2],
      [3, 4],
    ]);
    expect(saddleOrder(6)).toEqual([
      [null, 0],
      [1, null],
      [5, 2],
      [3, 4],
    ]);
  });
});

describe('imposeBooklet', () => {
  it('puts printer spreads 8|1, 2|7, 6|3, 4|5 on A3 landscape sheets, cut at the trim', async () => {
    const print = await renderPdf(sampleBooklet({ pages: 8 }), fonts(), { edition: 'print' });
    const imposed = await imposeBooklet(print);
    const file = save(imposed, 'imposed');
    const info = run('pdfinfo', [file]);
    expect(info).toMatch(/Pages:\s+4/);
    const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!;
    expect(Number(size[1])).toBeCloseTo(mm(420), 0);
    expect(Number(size[2])).toBeCloseTo(mm(297), 0);
    const half = Math.floor(mm(420) / 2);
    const folio = (sheet: number, left: boolean) => {
      const args = ['-f', String(sheet), '-l', String(sheet), '-x', left ? '0' : String(half), '-y', '0', '-W', String(half), '-H', '900', file, '-'];
      return /第(\d+)版/.exec(run('pdftotext', args))?.[1];
    };
    const got = [1, 2, 3, 4].map((s) => `${folio(s, true)}|${folio(s, false)}`);
    expect(got).toEqual(['8|1', '2|7', '6|3', '4|5']);
    expect(run('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors');
    // Fonts shared by all pages are copied once, not once per page.
    const fontsOf = (f: string) => run('pdffonts', [f]).trim().split('\n').length - 2;
    expect(run('pdfinfo', [file])).toMatch(/ModDate:.*2025/);
    expect(fontsOf(file)).toBe(fontsOf(save(print, 'press')));
    expect(imposed.length).toBeLessThan(print.length * 1.2);
    // A second later (the clock must not leak into the file through pdf-lib's metadata update).
    await new Promise((r) => setTimeout(r, 1100));
    const again = await imposeBooklet(print);
    expect(Buffer.from(again).equals(Buffer.from(imposed))).toBe(true);
  });
});

describe('proofPages', () => {
  it('writes a PNG per page and a contact sheet', async () => {
    const file = save(await renderPdf(sampleBooklet(), fonts(), { edition: 'screen' }), 'proof');
    const out = mkdtempSync(join(tmpdir(), 'banmian-proof-'));
    writeFileSync(join(out, 'page-9.png'), 'stale');
    const pngs = await proofPages(file, out);
    expect(pngs.map((p) => p.slice(out.length + 1))).toEqual(['page-1.png', 'page-2.png', 'page-3.png', 'page-4.png', 'contact.png']);
    for (const p of pngs) expect(existsSync(p)).toBe(true);
    expect(existsSync(join(out, 'page-9.png'))).toBe(false);
    expect(run('file', [pngs[4]!])).toMatch(/PNG image data/);
  });

  it('says to install poppler-utils when pdftoppm is missing', async () => {
    const file = save(await renderPdf(sampleBooklet({ pages: 1 }), fonts(), { edition: 'screen' }), 'proof');
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      await expect(proofPages(file, mkdtempSync(join(tmpdir(), 'banmian-proof-')))).rejects.toThrow(/install poppler-utils/);
    } finally {
      process.env.PATH = path;
    }
  });
});

describe('contact sheet', () => {
  it('shows pages on white paper (not filled black)', async () => {
    const { contactSheetPdf } = await import('../../src/render/proof.js');
    const src = await renderPdf(sampleBooklet({ pages: 2 }), fonts(), { edition: 'screen' });
    const file = save(await contactSheetPdf(src), 'contact');
    // Mean black coverage: mostly white pages on a light grey ground (a black fill gives ~0.9).
    const stats = run('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-sDEVICE=inkcov', '-o', '-', file]);
    const k = Number(stats.trim().split(/\s+/)[3]);
    expect(k).toBeLessThan(0.3);
  });
});
