import { describe, expect, it } from 'vitest';
import { layoutArticle } from '../../src/layout/index.js';
import type { Article, Block } from '../../src/model/article.js';
import type { DrawOp } from '../../src/model/page.js';
import { article, box, columnOf, fakeContext, featureGrid, featureTpl, figure, firstBaseline, head, overlaps, para, rng, templates, texts } from './fake.js';

const ctx = fakeContext;
const tpl = featureTpl;
const grid = featureGrid;
const body = templates.styles.body!;
const base0 = firstBaseline;

const colOf = columnOf;
const slotOf = (y: number): number => (y - base0) / grid.pitch;

/** A random feature: paragraphs of 1–12 lines, heads (one or two lines) and figures. */
function randomArticle(seed: number, withFigures = true): Article {
  const r = rng(seed);
  const blocks: Block[] = [];
  const n = 20 + Math.floor(r() * 40);
  for (let i = 0; i < n; i++) {
    const x = r();
    if (x < 0.12 && blocks.length && blocks[blocks.length - 1]!.kind === 'paragraph') blocks.push(r() < 0.5 ? head('小标题一') : head('短标签', '较长的一行小标题文字在这里'));
    else if (withFigures && x < 0.17) blocks.push(figure(`图为第${i}幅图片的说明文字`));
    else blocks.push(para(Math.max(4, Math.floor(r() * 12 * 12)), i));
  }
  return article(`r${seed}`, blocks);
}

const seeds = Array.from({ length: 30 }, (_, i) => i + 1);

describe('flow on the baseline grid', () => {
  it('puts every body line of every column on one grid', () => {
    for (const s of seeds) {
      for (const page of layoutArticle(randomArticle(s), ctx)) {
        for (const o of texts(page.ops).filter((o) => o.role === 'P' && o.size === body.size)) {
          const k = slotOf(o.y);
          expect(Math.abs(k - Math.round(k)), `seed ${s} y=${o.y}`).toBeLessThan(1e-6);
          expect(colOf(o.x)).toBeGreaterThanOrEqual(0);
        }
      }
    }
  });

  it('keeps a head with at least two lines of what follows, never last in a column', () => {
    let heads = 0;
    for (const s of seeds) {
      const a = randomArticle(s);
      layoutArticle(a, ctx).forEach((page) => {
        const ts = texts(page.ops);
        for (const h of ts.filter((o) => o.role === 'H2')) {
          const [id, idx] = h.struct!.split('/');
          const nextStruct = `${id}/${Number(idx) + 1}`;
          const next = a.blocks[Number(idx) + 1];
          if (!next || next.kind !== 'paragraph') continue;
          if (ts.filter((o) => o.struct === h.struct).at(-1) !== h) continue;
          heads++;
          const total = Math.ceil(Array.from(next.text).length / 12);
          const after = ts.filter((o) => o.struct === nextStruct && colOf(o.x) === colOf(h.x) && o.y > h.y);
          expect(after.length, `seed ${s} head ${h.struct}`).toBeGreaterThanOrEqual(Math.min(2, total));
          expect(slotOf(after[0]!.y) - slotOf(h.y)).toBeLessThan(2);
        }
      });
    }
    expect(heads).toBeGreaterThan(20);
  });

  it('leaves no single line of a paragraph alone at a column head or foot', () => {
    let splits = 0;
    for (const s of seeds) {
      const pages = layoutArticle(randomArticle(s), ctx);
      const pieces = new Map<string, Map<string, number>>();
      pages.forEach((page, p) => {
        for (const o of texts(page.ops).filter((o) => o.role === 'P')) {
          const m = pieces.get(o.struct!) ?? new Map<string, number>();
          const key = `${p}:${colOf(o.x)}`;
          m.set(key, (m.get(key) ?? 0) + 1);
          pieces.set(o.struct!, m);
        }
      });
      for (const [struct, m] of pieces) {
        if (m.size < 2) continue;
        splits++;
        for (const [where, n] of m) expect(n, `seed ${s} ${struct} @${where}`).toBeGreaterThanOrEqual(2);
      }
    }
    expect(splits).toBeGreaterThan(30);
  });

  /** Line counts of the columns of a page (body, heads and byline), by grid line. */
  function columnHeights(ops: DrawOp[]): number[] {
    const heights = Array.from({ length: grid.columns }, () => 0);
    for (const o of texts(ops).filter((o) => o.role === 'P' || o.role === 'H2' || o.role === 'Byline')) {
      const c = grid.colX.findIndex((cx) => o.x >= cx - 0.01 && o.x < cx + grid.colWidth);
      heights[c] = Math.max(heights[c]!, Math.round(slotOf(o.y)) + 1);
    }
    return heights;
  }

  it('balances the columns of an article’s last page: within one line where the keep rules allow', () => {
    const spreads: number[] = [];
    for (const s of Array.from({ length: 60 }, (_, i) => i + 1)) {
      const r = rng(s);
      const a = article(`b${s}`, Array.from({ length: 8 + Math.floor(r() * 30) }, (_, i) => para(12 * (5 + Math.floor(r() * 8)), i)));
      const heights = columnHeights(layoutArticle(a, ctx).at(-1)!.ops);
      spreads.push(Math.max(...heights) - Math.min(...heights));
      // Never more than three lines apart, unless the page holds too little to give every
      // column two lines (the byline keeps two lines of text with it, unsplit).
      const total = heights.reduce((x, y) => x + y, 0);
      if (total >= 3 * grid.columns) expect(spreads.at(-1), `seed ${s}: ${heights}`).toBeLessThanOrEqual(3);
    }
    // Widow rules (≥ 2 lines each side of a split) sometimes forbid a one-line balance; mostly they do not.
    expect(spreads.filter((d) => d <= 1).length / spreads.length).toBeGreaterThan(0.5);
  });

  it('balances last pages with heads and short paragraphs far better than a greedy fill', () => {
    let within = 0;
    const n = 100;
    for (let s = 1; s <= n; s++) {
      const heights = columnHeights(layoutArticle(randomArticle(s, false), ctx).at(-1)!.ops);
      const spread = Math.max(...heights) - Math.min(...heights);
      if (spread <= 1) within++;
      expect(spread, `seed ${s}: ${heights}`).toBeLessThan(grid.lines / 4);
    }
    expect(within / n).toBeGreaterThan(0.4);
  });

  it('sizes figures in whole grid lines: placeholder, mark and caption, text resumes on the grid below', () => {
    const a = article('fig', [para(200, 1), figure('图为学生在课堂上'), para(400, 2)]);
    const [page] = layoutArticle(a, ctx);
    const rect = page!.ops.find((o): o is Extract<DrawOp, { op: 'rect' }> => o.op === 'rect')!;
    expect(rect).toBeDefined();
    expect(rect.width).toBeCloseTo(2 * grid.colWidth + grid.gutter, 6);
    const ts = texts(page!.ops);
    expect(ts.some((o) => o.role === 'Artifact' && o.glyphs.map((g) => g.text).join('') === '图片')).toBe(true);
    const caption = ts.filter((o) => o.role === 'Caption');
    expect(caption.map((o) => o.glyphs.map((g) => g.text).join('')).join('')).toBe('图为学生在课堂上');
    // The figure's grid lines: from the line its top falls in to the line after its caption.
    const first = Math.floor((rect.y - grid.top) / grid.pitch);
    const capBottom = Math.max(...caption.map((o) => box(o).y2));
    const below = ts.filter((o) => o.role === 'P' && o.x === rect.x && o.y > capBottom);
    expect(below.length).toBeGreaterThan(0);
    const nextLineTop = box(below[0]!).y1;
    expect(nextLineTop).toBeGreaterThan(capBottom);
    expect(slotOf(below[0]!.y)).toBeGreaterThan(first);
    expect(Number.isInteger(Math.round(slotOf(below[0]!.y) * 1e6) / 1e6)).toBe(true);
  });

  it('flows overset text to continuation pages from the same template, without a new headline', () => {
    const a = article('long', Array.from({ length: 60 }, (_, i) => para(150, i)));
    const pages = layoutArticle(a, ctx);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(texts(pages[0]!.ops).filter((o) => o.role === 'H1').length).toBeGreaterThan(0);
    for (const p of pages.slice(1)) {
      expect(p.template.name).toBe('feature');
      expect(texts(p.ops).some((o) => o.role === 'H1')).toBe(false);
      const top = texts(p.ops).find((o) => o.role === 'P')!;
      expect(slotOf(top.y)).toBeCloseTo(0, 6);
      expect(top.x).toBeCloseTo(grid.colX[0]!, 6);
    }
  });

  it('sets every paragraph’s text exactly once, in order', () => {
    for (const s of seeds.slice(0, 10)) {
      const a = randomArticle(s);
      const ops = layoutArticle(a, ctx).flatMap((p) => texts(p.ops));
      a.blocks.forEach((b, i) => {
        const got = ops.filter((o) => o.struct === `${a.id}/${i}`).map((o) => o.glyphs.map((g) => g.text).join('')).join('');
        if (b.kind === 'paragraph') expect(got, `seed ${s} block ${i}`).toBe(b.text);
        if (b.kind === 'heading') expect(got).toBe(b.lines.join(''));
        if (b.kind === 'figure') expect(got).toBe(b.caption);
      });
    }
  });

  it('never overlaps two text runs and keeps every op on the page', () => {
    for (const s of seeds) {
      for (const page of layoutArticle(randomArticle(s), ctx)) {
        const boxes = texts(page.ops).map(box);
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!), `seed ${s} ops ${i} ${j}`).toBe(false);
        for (const o of page.ops) {
          const r = o.op === 'text' ? box(o) : o.op === 'rule' ? { x1: o.x1, y1: o.y1, x2: o.x2, y2: o.y2 } : { x1: o.x, y1: o.y, x2: o.x + o.width, y2: o.y + o.height };
          expect(r.x1).toBeGreaterThanOrEqual(0);
          expect(r.y1).toBeGreaterThanOrEqual(0);
          expect(r.x2).toBeLessThanOrEqual(tpl.width);
          expect(r.y2).toBeLessThanOrEqual(tpl.height);
        }
        // Body text never runs into a figure frame or across a column rule.
        const frames = page.ops.filter((o): o is Extract<DrawOp, { op: 'rect' }> => o.op === 'rect').map((o) => ({ x1: o.x, y1: o.y, x2: o.x + o.width, y2: o.y + o.height }));
        const rules = page.ops.filter((o): o is Extract<DrawOp, { op: 'rule' }> => o.op === 'rule' && o.x1 === o.x2).map((o) => ({ x1: o.x1 - 0.1, y1: o.y1, x2: o.x1 + 0.1, y2: o.y2 }));
        for (const o of texts(page.ops).filter((o) => o.role === 'P')) {
          for (const f of [...frames, ...rules]) expect(overlaps(box(o), f), `seed ${s} ${o.struct}`).toBe(false);
        }
      }
    }
  });
});
