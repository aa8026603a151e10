import { describe, expect, it } from 'vitest';
import { layoutArticle } from '../../src/layout/index.js';
import type { Article, Block } from '../../src/model/article.js';
import type { DrawOp } from '../../src/model/page.js';
import { article, columnOf, fakeContext, featureGrid, figure, firstBaseline, head, para, rng, text, texts } from './fake.js';

const ctx = fakeContext;
const grid = featureGrid;
const base0 = firstBaseline;
const colOf = columnOf;
const slotOf = (y: number): number => Math.round((y - base0) / grid.pitch);
const source = { file: 'synthetic.md', line: 1 };
type Text = Extract<DrawOp, { op: 'text' }>;
type Rect = Extract<DrawOp, { op: 'rect' }>;
/** Fewest body lines a page after the first carries (two per column). */
const LEAST = 2 * grid.columns;

/** Body lines of the article's own paragraphs (not panel text, captions, heads or byline). */
const bodyLines = (ops: DrawOp[]): Text[] => texts(ops).filter((o) => o.role === 'P' && /^[^/]+\/\d+$/.test(o.struct ?? ''));
const show = (t: Text): string => t.glyphs.map((g) => g.text).join('');

/** A feature like 103_captions: a picture first, many captioned figures, a figure last. */
function captioned(seed: number): Article {
  const r = rng(seed);
  const blocks: Block[] = [figure('图为开幕式上的民族舞蹈表演')];
  const n = 4 + Math.floor(r() * 14);
  for (let i = 0; i < n; i++) {
    const x = r();
    if (x < 0.3) blocks.push(figure(`▲第${i}幅图片的说明文字`));
    else if (x < 0.38 && blocks.at(-1)?.kind === 'paragraph') blocks.push(head('短标签', '较长的一行小标题文字'), para(30 + Math.floor(r() * 100), 100 + i));
    else blocks.push(para(20 + Math.floor(r() * 160), i));
  }
  if (blocks.at(-1)?.kind !== 'figure') blocks.push(figure('▲最后一幅图片的说明文字'));
  return article(`C${seed}`, blocks, { credit: '图片由区教委提供' });
}

/** Text a little over a page, then a data panel (which cannot shrink) to close it. */
function panelled(seed: number): Article {
  const r = rng(seed);
  const blocks: Block[] = [];
  const n = 8 + Math.floor(r() * 12);
  for (let i = 0; i < n; i++) blocks.push(para(40 + Math.floor(r() * 140), i));
  blocks.push({ kind: 'panel', title: '数据看成效', paragraphs: [text(60, 101), text(50, 102)], source });
  return article(`Q${seed}`, blocks, { credit: '图片由区教委提供' });
}

/** What every article must keep whatever the page turns: all text once, in order; byline right after it; every float. */
function expectWhole(a: Article, pages: ReturnType<typeof layoutArticle>): void {
  const ops = pages.flatMap((p) => p.ops);
  a.blocks.forEach((b, i) => {
    if (b.kind === 'paragraph') expect(bodyLines(ops).filter((o) => o.struct === `${a.id}/${i}`).map(show).join(''), `${a.id} paragraph ${i}`).toBe(b.text);
  });
  const figures = a.blocks.filter((b) => b.kind === 'figure').length;
  expect(texts(ops).filter((o) => o.role === 'Artifact').length, `${a.id} figures`).toBe(figures);
  const last = pages.at(-1)!;
  const by = texts(last.ops).filter((o) => o.role === 'Byline');
  expect(by.map(show)).toEqual(['本报记者 王五', '图片由区教委提供']);
  const lastPara = `${a.id}/${a.blocks.map((b) => b.kind).lastIndexOf('paragraph')}`;
  const before = bodyLines(last.ops).filter((o) => o.struct === lastPara && colOf(o.x) === colOf(by[0]!.x));
  expect(before.length, `${a.id}: lines of the last paragraph above the byline`).toBeGreaterThanOrEqual(2);
  expect(slotOf(before.at(-1)!.y), `${a.id}: byline right after the last paragraph`).toBe(slotOf(by[0]!.y) - 1);
  expect(slotOf(by[1]!.y)).toBe(slotOf(by[0]!.y) + 1);
}

describe('an article’s last page turn', () => {
  it('never carries a page of floats, a byline or a few lines alone', () => {
    let mended = 0;
    for (let s = 1; s <= 120; s++) {
      const a = captioned(s);
      const pages = layoutArticle(a, ctx);
      pages.slice(1).forEach((p, i) => expect(bodyLines(p.ops).length, `${a.id} page ${i + 2}`).toBeGreaterThanOrEqual(LEAST));
      expectWhole(a, pages);
      if (pages.length === 1 && a.blocks.filter((b) => b.kind === 'figure').length >= 5) mended++;
    }
    expect(mended).toBeGreaterThan(10);
  });

  it('fits a 103_captions-like feature on its page by shrinking placeholders, none below three picture lines', () => {
    // Seed 1: before, the page held the text and four figures and the last one went on alone.
    const a = captioned(1);
    const pages = layoutArticle(a, ctx);
    expect(pages.length).toBe(1);
    const frames = pages[0]!.ops.filter((o): o is Rect => o.op === 'rect');
    expect(frames.length).toBe(a.blocks.filter((b) => b.kind === 'figure').length);
    for (const f of frames) expect(f.height).toBeGreaterThanOrEqual(3 * grid.pitch - 1e-6);
    // Shrunk as little as it takes: at least one keeps more than the least size.
    expect(frames.some((f) => f.height > 3 * grid.pitch + 1)).toBe(true);
    expectWhole(a, pages);
  });

  it('carries text on with a float that cannot shrink, taken evenly from the foot of the previous page’s columns', () => {
    let moved = 0;
    for (let s = 1; s <= 60; s++) {
      const a = panelled(s);
      const pages = layoutArticle(a, ctx);
      expectWhole(a, pages);
      if (pages.length < 2) continue;
      const last = pages.at(-1)!;
      const lines = bodyLines(last.ops);
      expect(lines.length, `${a.id}`).toBeGreaterThanOrEqual(LEAST);
      moved++;
      // The page before ends its columns level (within a line): the text was taken from every column's foot.
      const depth = Array.from({ length: grid.columns }, () => 0);
      for (const o of bodyLines(pages.at(-2)!.ops)) depth[colOf(o.x)] = Math.max(depth[colOf(o.x)]!, slotOf(o.y) + 1);
      expect(Math.max(...depth) - Math.min(...depth), `${a.id} page before: ${depth}`).toBeLessThanOrEqual(2);
    }
    expect(moved).toBeGreaterThan(10);
  });
});
