import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Booklet } from '../../src/model/page.js';
import type { Diagnostic } from '../../src/model/source.js';
import { mm } from '../../src/model/units.js';
import { renderPdf } from '../../src/render/index.js';
import { fonts, page, pngFile, run, sampleBooklet, textOp } from './fixtures.js';
import { assertWellFormedXml, contents, pdfinfo, qdf, save, xmp } from './tools.js';

const ICC = '/usr/share/color/icc/ghostscript/default_cmyk.icc';

/** Boxes of page 1 from `pdfinfo -box`: [x0, y0, x1, y1]. */
function box(info: string, name: string): number[] {
  const m = new RegExp(`Page\\s+1 ${name}:\\s+([-\\d.]+)\\s+([-\\d.]+)\\s+([-\\d.]+)\\s+([-\\d.]+)`).exec(info) ?? new RegExp(`${name}:\\s+([-\\d.]+)\\s+([-\\d.]+)\\s+([-\\d.]+)\\s+([-\\d.]+)`).exec(info);
  if (!m) throw new Error(`no ${name} in pdfinfo output`);
  return m.slice(1, 5).map(Number);
}

describe('print edition without a profile', () => {
  let pdf: Uint8Array;
  let file: string;
  const reports: Diagnostic[] = [];
  beforeAll(async () => {
    const b = sampleBooklet();
    // A rich-black head and a low-resolution RGB photo: both must be reported.
    b.pages[1]!.ops.push(textOp('富黑标题', 40, 250, { color: 'rich', size: 18, role: 'H2' }));
    b.pages[1]!.ops.push({ op: 'image', file: pngFile(40, 30), x: 40, y: 300, width: 200, height: 150 });
    pdf = await renderPdf(b, fonts(), { edition: 'print', report: (d) => reports.push(d) });
    file = save(pdf, 'print');
  });

  it('is valid PDF 1.6 and reports the missing output intent', () => {
    expect(Buffer.from(pdf.subarray(0, 8)).toString()).toBe('%PDF-1.6');
    expect(run('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors');
    expect(reports.some((r) => /no CMYK output profile/.test(r.message))).toBe(true);
    const q = qdf(file);
    expect(q).not.toContain('/OutputIntents');
    expect(q).not.toContain('GTS_PDFXVersion');
    expect(q).not.toContain('/Trapped');
  });

  it('has trim, bleed 3 mm outside it, and a slug on every page', () => {
    const info = pdfinfo(file);
    for (let p = 1; p <= 4; p++) expect(info).toMatch(new RegExp(`Page\\s+${p} TrimBox:`));
    const trim = box(info, 'TrimBox');
    const bleed = box(info, 'BleedBox');
    const media = box(info, 'MediaBox');
    const b = mm(3);
    expect(trim[0]! - bleed[0]!).toBeCloseTo(b, 1);
    expect(trim[1]! - bleed[1]!).toBeCloseTo(b, 1);
    expect(bleed[2]! - trim[2]!).toBeCloseTo(b, 1);
    expect(bleed[3]! - trim[3]!).toBeCloseTo(b, 1);
    expect(bleed[0]!).toBeGreaterThan(media[0]!);
    expect(trim[2]! - trim[0]!).toBeCloseTo(mm(148), 1);
    expect(trim[3]! - trim[1]!).toBeCloseTo(mm(210), 1);
  });

  it('uses only DeviceCMYK for text and rules, K100 text overprinting', () => {
    const c = contents(file, 2);
    expect(c).not.toMatch(/\brg\b|\bRG\b/);
    expect(c).toMatch(/0 0 0 1 k/);
    expect(c).toMatch(/0 0\.9 0\.8 0\.1 k/);
    // Every K100 text run sits under the overprint state; coloured text does not.
    const runs = [...c.matchAll(/q\n((?:\/GsOP gs\n)?)([\d. ]+) k\nBT/g)];
    // Pages 1 and 2: eleven runs, the two accent-coloured heads knock out.
    expect(runs.length).toBe(11);
    for (const m of runs) expect(m[1] !== '').toBe(m[2] === '0 0 0 1');
    expect(runs.filter((m) => m[1] !== '').length).toBe(9);
    const q = qdf(file);
    expect(q).toMatch(/\/OP true/);
    expect(q).toMatch(/\/op true/);
    expect(q).toMatch(/\/OPM 1/);
  });

  it('prints rich black text as plain K and says so', () => {
    const c = contents(file, 2);
    expect(c).not.toMatch(/0\.6 0\.4 0\.4 1 k/);
    expect(reports.some((r) => /rich black/.test(r.message))).toBe(true);
  });

  it('reports low-resolution and RGB images', () => {
    expect(reports.some((r) => /ppi/.test(r.message) && /img-40x30/.test(r.message))).toBe(true);
    expect(reports.some((r) => /is RGB/.test(r.message))).toBe(true);
  });

  it('has crop marks in the slug and no annotations', () => {
    const c = contents(file, 1);
    expect(c).toMatch(/0 0 0 1 K\n0\.25 w/);
    expect(qdf(file)).not.toContain('/Annots');
  });
});

describe('print edition with a CMYK profile', () => {
  const has = existsSync(ICC);
  it.runIf(has)('embeds one GTS_PDFX output intent and PDF/X Info keys', async () => {
    const pdf = await renderPdf(sampleBooklet(), fonts(), { edition: 'print', iccProfile: ICC });
    const file = save(pdf, 'pdfx');
    const q = qdf(file);
    expect(q.match(/\/S \/GTS_PDFX/g)?.length).toBe(1);
    expect(q).toMatch(/\/DestOutputProfile \d+ 0 R/);
    expect(q).toMatch(/\/N 4/);
    expect(run('mutool', ['show', file, 'trailer/Info/Trapped'])).toMatch(/^\/False$/m);
    expect(run('pdfinfo', [file])).toMatch(/PDF subtype:\s+PDF\/X-4/);
    const x = xmp(pdf);
    assertWellFormedXml(x);
    expect(x).toContain('<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>');
  });

  it('rejects a profile that is not CMYK', async () => {
    const rgb = '/usr/share/color/icc/ghostscript/default_rgb.icc';
    if (!existsSync(rgb)) return;
    await expect(renderPdf(sampleBooklet(), fonts(), { edition: 'print', iccProfile: rgb })).rejects.toThrow(/CMYK/);
  });
});

describe('print edition colour', () => {
  it('has no DeviceRGB anywhere when the input has no RGB images', async () => {
    const file = save(await renderPdf(sampleBooklet(), fonts(), { edition: 'print' }));
    const q = qdf(file);
    expect(q).not.toContain('/DeviceRGB');
    expect(q).toContain('/FontFile2');
  });
});

describe('a page of only artwork', () => {
  it('renders without fonts', async () => {
    const b: Booklet = { ...sampleBooklet(), pages: [page([{ op: 'rect', x: 0, y: 0, width: 100, height: 100, fill: 'accent' }])] };
    const file = save(await renderPdf(b, fonts(), { edition: 'print' }));
    expect(run('pdffonts', [file]).trim().split('\n').length).toBe(2);
  });
});

describe('black overprint on press', () => {
  it('keeps the tint under K100 text (Ghostscript CMYK render)', async () => {
    const b: Booklet = {
      ...sampleBooklet({ pages: 1 }),
      pages: [page([{ op: 'rect', x: 0, y: 0, width: 300, height: 300, fill: 'tint' }, textOp('黑', 50, 200, { size: 150, face: 'sans-black' })])],
    };
    const file = save(await renderPdf(b, fonts(), { edition: 'print' }));
    const pam = `${file}.pam`;
    run('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-sDEVICE=pamcmyk32', '-dOverprint=/simulate', '-r36', `-sOutputFile=${pam}`, file]);
    const buf = readFileSync(pam);
    const start = buf.indexOf('ENDHDR\n') + 7;
    let black = 0;
    let blackWithCyan = 0;
    for (let i = start; i + 3 < buf.length; i += 4) {
      if (buf[i + 3]! > 250) {
        black++;
        if (buf[i]! > 10) blackWithCyan++;
      }
    }
    expect(black).toBeGreaterThan(50);
    expect(blackWithCyan / black).toBeGreaterThan(0.9);
  });
});
