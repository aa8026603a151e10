import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutArticle, layoutBooklet } from '../../src/layout/index.js';
import { InputError } from '../../src/model/source.js';
import type { DrawOp } from '../../src/model/page.js';
import { article, fakeComposer, figure, head, noReport, para, templates, texts } from './fake.js';

const opts = { seedsDir: '/nonexistent-seeds', report: noReport };
const feature = (id: string, n: number) => article(id, [head('小标题'), ...Array.from({ length: n }, (_, i) => para(200, i))], { district: id });

describe('booklet', () => {
  it('pads to a multiple of 4 pages: cover, contents, features, blank pages, back page last', () => {
    for (let n = 1; n <= 6; n++) {
      const b = layoutBooklet(Array.from({ length: n }, (_, i) => feature(`a${i}`, 3 + i * 7)), templates, fakeComposer, opts);
      expect(b.pages.length % 4).toBe(0);
      expect(b.pages[0]!.kind).toBe('cover');
      expect(b.pages[1]!.kind).toBe('contents');
      const articles = b.pages.filter((p) => p.kind === 'article');
      expect(new Set(articles.map((p) => p.articleId)).size).toBe(n);
      const tail = b.pages.slice(2 + articles.length);
      if (tail.length) expect(tail.at(-1)!.kind).toBe('back');
      expect(tail.every((p) => p.kind === 'blank' || p.kind === 'back')).toBe(true);
    }
  });

  it('links each contents entry to its article’s first page and bookmarks titles and heads', () => {
    const b = layoutBooklet([feature('x', 30), feature('y', 2)], templates, fakeComposer, { ...opts, date: '2025-10-20' });
    const links = b.pages[1]!.ops.filter((o): o is Extract<DrawOp, { op: 'link' }> => o.op === 'link');
    expect(links.map((l) => b.pages[l.page]!.articleId)).toEqual(['x', 'y']);
    for (const l of links) expect(b.pages[l.page - 1]!.articleId).not.toBe(b.pages[l.page]!.articleId);
    const first = b.pages[links[0]!.page]!;
    expect(first.bookmarks[0]).toMatchObject({ title: '测试标题x', level: 1 });
    expect(first.bookmarks.some((m) => m.level === 2 && m.title === '小标题')).toBe(true);
    expect(b.meta).toMatchObject({ lang: 'zh-CN', date: '2025-10-20' });
    expect(b.meta.keywords).toContain('x');
    // Running heads carry the date and district; article pages have printed folios.
    const heads = texts(first.ops).filter((o) => o.role === 'Artifact').map((o) => o.glyphs.map((g) => g.text).join(''));
    expect(heads.some((h) => h.includes('2025年10月20日'))).toBe(true);
    expect(heads).toContain('x');
    expect(first.folio).toBe(links[0]!.page + 1);
  });

  it('rejects an unknown template naming the article and its line', () => {
    const a = { ...feature('bad', 1), meta: { title: 't', template: 'nope' }, source: { file: 'bad.md', line: 3 } };
    try {
      layoutBooklet([a], templates, fakeComposer, opts);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).format()).toMatch(/^bad\.md:3: article bad: unknown template 'nope'/);
    }
  });
});

describe('figures from the seeds folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'banmian-seeds-'));
  mkdirSync(join(dir, 'images'));
  // A 4×3 PNG: signature and IHDR are all layout reads.
  const png = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(png, 0);
  png.writeUInt32BE(13, 8);
  png.write('IHDR', 12, 'ascii');
  png.writeUInt32BE(400, 16);
  png.writeUInt32BE(300, 20);
  writeFileSync(join(dir, 'images', 'ok.png'), png);
  writeFileSync(join(dir, 'images', 'bad.jpg'), 'not a jpeg');
  const ctx = { templates, composer: fakeComposer, seedsDir: dir, report: noReport };

  it('places an existing picture inside its frame, keeping its proportions', () => {
    const [page] = layoutArticle(article('img', [para(100, 1), figure('说明', 'images/ok.png'), para(100, 2)]), ctx);
    const img = page!.ops.find((o): o is Extract<DrawOp, { op: 'image' }> => o.op === 'image')!;
    expect(img.file).toBe(join(dir, 'images', 'ok.png'));
    expect(img.height / img.width).toBeCloseTo(0.75, 6);
  });

  it.each([
    ['../outside.png', /outside the seeds folder/],
    ['images/missing.png', /not found/],
    ['images/bad.jpg', /not a readable JPEG or PNG/],
  ])('rejects %s with the article and line', (src, message) => {
    const a = article('f', [figure('说明', src)]);
    const line = (a.blocks[0] as { source: { line: number } }).source.line;
    expect(() => layoutArticle(a, ctx)).toThrow(message);
    try {
      layoutArticle(a, ctx);
    } catch (e) {
      expect((e as InputError).source).toEqual({ file: 'synthetic.md', line });
      expect((e as Error).message).toContain('article f');
    }
  });

  it('throws, naming article, paragraph and amount, for a panel paragraph taller than any column', () => {
    const a = article('p', [{ kind: 'panel', title: '数据', paragraphs: ['很'.repeat(20000)], source: { file: 'p.md', line: 9 } }]);
    expect(() => layoutArticle(a, ctx)).toThrow(/article p: panel paragraph 1 \(20000 characters\)/);
  });
});
