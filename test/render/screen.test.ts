import { beforeAll, describe, expect, it } from 'vitest';
import type { Booklet } from '../../src/model/page.js';
import type { Diagnostic } from '../../src/model/source.js';
import { renderPdf } from '../../src/render/index.js';
import { BODY, fonts, page, palette, run, sampleBooklet, shape, textOp } from './fixtures.js';
import { assertWellFormedXml, chars, contents, pdfinfo, qdf, save, xmp } from './tools.js';

describe('screen edition', () => {
  let pdf: Uint8Array;
  let file: string;
  const reports: Diagnostic[] = [];
  beforeAll(async () => {
    pdf = await renderPdf(sampleBooklet(), fonts(), { edition: 'screen', report: (d) => reports.push(d) });
    file = save(pdf, 'screen');
  });

  it('is a valid PDF 1.7 without warnings', () => {
    expect(Buffer.from(pdf.subarray(0, 8)).toString()).toBe('%PDF-1.7');
    expect(run('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors');
    expect(reports).toEqual([]);
  });

  it('copies as the source text', () => {
    const text = run('pdftotext', ['-f', '1', '-l', '1', file, '-']);
    expect(text).toContain('春天的故事');
    expect(text).toContain(BODY);
    expect(text).toContain('第二行正文继续。');
  });

  it('puts each glyph at the x and baseline it was given', () => {
    const cs = chars(file, 1);
    const body = textOp(BODY, 40, 120, { tracking: 0.5 });
    if (body.op !== 'text') throw new Error('fixture');
    const got = cs.filter((c) => c.y === 120);
    expect(got.map((c) => c.c).join('')).toBe(BODY);
    got.forEach((c, i) => expect(c.x).toBeCloseTo(40 + body.glyphs[i]!.x, 1));
    const head = cs.filter((c) => c.y === 80);
    expect(head.map((c) => c.c).join('')).toBe('春天的故事');
    expect(head[0]!.x).toBeCloseTo(40, 2);
    expect(head[0]!.font).toBe('NotoSansSC-Bold');
    expect(head[0]!.color).toMatch(/^#c[78]1e28$/);
  });

  it('embeds each face once, subset, with ToUnicode', () => {
    const lines = run('pdffonts', [file]).trim().split('\n').slice(2);
    const names = lines.map((l) => l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
    expect(names.sort()).toEqual(['NotoSansSC-Bold', 'NotoSansSC-Regular', 'NotoSerifSC-Regular']);
    for (const l of lines) expect(l).toMatch(/CID TrueType\s+Identity-H\s+yes yes yes/);
    expect((qdf(file).match(/\/FontFile2/g) ?? []).length).toBe(3);
  });

  it('writes one TJ per text run with adjustments, not one Tm per glyph', () => {
    const c = contents(file, 1);
    // Five text ops on page 1: running head, head, two body lines, caption.
    expect((c.match(/ TJ/g) ?? []).length).toBe(5);
    expect((c.match(/ Tm/g) ?? []).length).toBe(5);
    // The 0.5 pt tracking at 10 pt is 50/1000 em, written as -50 between glyphs.
    expect(c).toMatch(/> ?-50 ?</);
  });

  it('has the outline: articles with nested section heads', () => {
    const outline = run('mutool', ['show', file, 'outline']);
    expect(outline).toMatch(/^-\t"文章1"\t#page=1&zoom=[^,]+,[^,]+,60/m);
    expect(outline).toMatch(/^\|\t\t"小标题0"\t#page=1/m);
    expect(outline).toMatch(/^-\t"文章2"\t#page=3/m);
  });

  it('has a link annotation to the target page', () => {
    const q = qdf(file);
    expect(q).toMatch(/\/Subtype \/Link/);
    const json = JSON.parse(run('qpdf', ['--json=2', '--json-key=pages', file])) as { pages: { object: string }[] };
    const page1 = run('qpdf', [`--show-object=${json.pages[0]!.object.split(' ')[0]}`, file]);
    const annots = /\/Annots \[ ([^\]]*) \]/.exec(page1)![1]!.match(/\d+ 0 R/g)!;
    expect(annots.length).toBe(1);
    const annot = run('qpdf', [`--show-object=${annots[0]!.split(' ')[0]}`, file]);
    expect(annot).toContain(`/Dest [ ${json.pages[3]!.object} /Fit ]`);
    expect(run('qpdf', [`--show-object=${json.pages[1]!.object.split(' ')[0]}`, file])).not.toContain('/Annots');
  });

  it('is tagged, in reading order, with artifacts for running heads', () => {
    expect(pdfinfo(file)).toMatch(/Tagged:\s+yes/);
    const q = qdf(file);
    for (const s of ['/S /Document', '/S /Art', '/S /H1', '/S /P', '/S /Caption', '/S /Link']) expect(q).toContain(s);
    const c = contents(file, 1);
    expect(c).toMatch(/\/Artifact <<\s*\/Type \/Pagination\s*>> BDC/);
    // Both lines of paragraph p0 are one marked-content sequence of its P element.
    const marked = [...c.matchAll(/\/P <<\s*\/MCID \d+\s*>> BDC([\s\S]*?)EMC/g)];
    expect(marked.length).toBe(1);
    expect(marked[0]![1]!.match(/\] TJ/g)?.length).toBe(2);
    expect(q).toMatch(/\/Lang \(zh-CN\)/);
  });

  it('has escaped, well-formed XMP and the same metadata in Info', () => {
    const info = run('pdfinfo', [file]);
    expect(info).toContain('Title:           版面 & <测试> 专刊');
    expect(info).toContain('Author:          本报编辑部');
    expect(info).toContain('Keywords:        新闻, A&B');
    const x = xmp(pdf);
    assertWellFormedXml(x);
    expect(x).toContain('版面 &#38; &#60;测试&#62; 专刊');
    expect(x).not.toContain('GTS_PDFXVersion');
  });

  it('paints RGB from the palette', () => {
    const c = contents(file, 1);
    expect(c).toMatch(/0\.784 0\.118 0\.157 rg/);
    expect(c).not.toMatch(/ k\n/);
  });
});

describe('glyph offsets and validity', () => {
  it('raises a glyph by dy without moving the ones after it', async () => {
    const glyphs = shape('上下左右', 'serif', 12);
    glyphs[1] = { ...glyphs[1]!, dy: 3 };
    const booklet: Booklet = { ...sampleBooklet({ pages: 1 }), pages: [page([{ op: 'text', x: 50, y: 100, size: 12, color: 'text', role: 'P', glyphs }])] };
    const file = save(await renderPdf(booklet, fonts(), { edition: 'screen' }));
    const cs = chars(file, 1);
    expect(cs.map((c) => c.y)).toEqual([100, 97, 100, 100]);
    cs.forEach((c, i) => expect(c.x).toBeCloseTo(50 + glyphs[i]!.x, 2));
  });

  it('both editions pass Ghostscript with errors and warnings fatal', async () => {
    for (const edition of ['screen', 'print'] as const) {
      const file = save(await renderPdf(sampleBooklet(), fonts(), { edition }));
      const out = run('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-sDEVICE=nullpage', '-dPDFSTOPONERROR', '-dPDFSTOPONWARNING', file]);
      expect(out).toBe('');
    }
  });
});

describe('glyphs shared by two code points', () => {
  it('copy as what each occurrence stands for', async () => {
    // U+2F47 (Kangxi radical ⽇) and U+65E5 (日) share one outline in Noto.
    const a = shape('⽇日', 'serif', 12);
    expect(a[0]!.gid).toBe(a[1]!.gid);
    const booklet: Booklet = {
      meta: { title: 't', subject: '', author: '', keywords: [], lang: 'zh-CN', date: '2025-01-01' },
      pages: [page([{ op: 'text', x: 50, y: 50, size: 12, color: 'text', role: 'P', glyphs: a }, textOp('日⽇日', 50, 80)])],
      palette,
    };
    const file = save(await renderPdf(booklet, fonts(), { edition: 'screen' }));
    const text = run('pdftotext', [file, '-']);
    expect(text).toContain('⽇日');
    expect(text).toContain('日⽇日');
  });
});
