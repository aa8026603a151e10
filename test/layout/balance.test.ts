import { describe, expect, it } from 'vitest';
import { balancePage, fillPage, layoutArticle } from '../../src/layout/index.js';
import { isDone } from '../../src/layout/flow.js';
import { gridOf } from '../../src/layout/grid.js';
import type { BlockUnit, BlockVariant, FlowState, LayoutContext, PageFill, TextUnit, Unit } from '../../src/layout/types.js';
import type { Article, Block } from '../../src/model/article.js';
import type { DrawOp } from '../../src/model/page.js';
import { article, fakeComposer, figure, noReport, para, rng, templates, text, texts } from './fake.js';

const tpl = templates.pages.feature!;
const grid = gridOf(tpl, templates);
const body = templates.styles.body!;
const source = { file: 'synthetic.md', line: 1 };

/** A paragraph of exactly `n` lines (the fake composer breaks every 12 characters). */
function lines(n: number, tag: number): TextUnit {
  const ls = fakeComposer.compose({ text: text(n * 12, tag), style: body, measure: grid.colWidth });
  expect(ls.length).toBe(n);
  return { kind: 'text', lines: ls, style: body, role: 'P', struct: `t/${tag}`, source };
}

/** A float drawn as one frame exactly its variant's size, so the test can read back where it went. */
function float(struct: string, sizes: Array<[span: number, slots: number]>): BlockUnit {
  const variants = sizes.map(([span, slots]): BlockVariant => ({
    span,
    slots,
    draw: (x, top): DrawOp[] => [{ op: 'rect', x, y: top, width: span * grid.colWidth + (span - 1) * grid.gutter, height: slots * grid.pitch, lineWidth: 0 }],
  }));
  return { kind: 'block', variants, float: true, keepNext: 0, struct, source };
}

/** Grid map of a filled page: per column, per grid line, 'T' text, a float's struct, or '' empty. */
function cells(units: readonly Unit[], f: PageFill): string[][] {
  const map = Array.from({ length: grid.columns }, () => Array.from({ length: grid.lines }, () => ''));
  for (const p of f.placed) {
    if (!p.float) {
      map[p.col]![p.slot] = 'T';
      continue;
    }
    const r = p.ops.find((o): o is Extract<DrawOp, { op: 'rect' }> => o.op === 'rect')!;
    const span = Math.round((r.width + grid.gutter) / (grid.colWidth + grid.gutter));
    const slots = Math.round(r.height / grid.pitch);
    for (let c = p.col; c < p.col + span; c++) for (let s = p.slot; s < p.slot + slots; s++) map[c]![s] = `F${p.col}:${p.slot}`;
  }
  expect(units.length).toBeGreaterThan(0);
  return map;
}

/**
 * What the last page must look like: level columns (≤ 1 line apart, shorter ones on the
 * right), no hole in any column, and every float at the top or the foot of each column it
 * spans, never with text both above and below it.
 */
function expectBalanced(units: readonly Unit[], f: PageFill): string[][] {
  expect(isDone(f.end, units)).toBe(true);
  const hs = f.heights;
  expect(Math.max(...hs) - Math.min(...hs), `depths ${hs}`).toBeLessThanOrEqual(1);
  expect(hs.every((h, i) => i === 0 || h <= hs[i - 1]!), `depths ${hs}`).toBe(true);
  const map = cells(units, f);
  map.forEach((col, c) => {
    const used = col.slice(f.reserved, hs[c]);
    expect(used.includes(''), `hole in column ${c}: ${used.join(' ')}`).toBe(false);
    const firstText = used.indexOf('T');
    const lastText = used.lastIndexOf('T');
    // Between the first and the last text line of a column there is only text.
    expect(used.slice(firstText, lastText + 1).every((x) => x === 'T'), `float mid-column ${c}: ${used.join(' ')}`).toBe(true);
  });
  return map;
}

describe('balancing a last page with one figure and one panel', () => {
  // 江北 (001), its last page: five paragraphs, the “双减” panel (2 × 15 or 1 × 29), a
  // placeholder figure (2 × 11 or 1 × 6), byline and credit; nothing carried in.
  const units: Unit[] = [
    lines(3, 1),
    lines(16, 2),
    lines(3, 3),
    lines(21, 4),
    lines(14, 5),
    float('panel', [[2, 15], [1, 29]]),
    float('figure', [[2, 11], [1, 6]]),
    { ...lines(2, 6), role: 'Byline', whole: true, keepWithPrev: 2 },
  ];
  const start: FlowState = { unit: 0, line: 0, pending: [] };

  it('is level, with each float at the top or foot of the columns it spans', () => {
    const full = fillPage(units, grid, 0, start);
    const f = balancePage(units, grid, 0, start, full);
    expect(f).not.toBe(full);
    const map = expectBalanced(units, f);
    // Both fit side by side at the preferred span, so neither is stacked on the other.
    const floatsIn = map.map((col) => new Set(col.filter((x) => x.startsWith('F'))).size);
    expect(floatsIn, `floats per column`).toEqual([1, 1, 1, 1]);
    // Byline and credit right after the last paragraph, in its column.
    const last = f.placed.filter((p) => !p.float && p.ops.some((o) => o.op === 'text' && o.struct === 't/5')).at(-1)!;
    const by = f.placed.filter((p) => !p.float && p.ops.some((o) => o.op === 'text' && o.role === 'Byline'));
    expect(by.map((p) => [p.col, p.slot])).toEqual([
      [last.col, last.slot + 1],
      [last.col, last.slot + 2],
    ]);
  });
});

describe('any last page with one figure and one panel', () => {
  const ctx: LayoutContext = { templates, composer: fakeComposer, seedsDir: '/nonexistent-seeds', report: noReport };
  const colOf = (x: number): number => grid.colX.findIndex((cx) => x >= cx - 0.01 && x < cx + grid.colWidth);
  const slotOf = (y: number): number => Math.floor((y - grid.top) / grid.pitch);
  type Rect = Extract<DrawOp, { op: 'rect' }>;

  /** Paragraphs, then a panel and a figure in the last stretch, so both land on the last page. */
  function feature(seed: number): Article {
    const r = rng(seed);
    const blocks: Block[] = [];
    const n = 6 + Math.floor(r() * 30);
    const panelAt = n - 1 - Math.floor(r() * 4);
    const figureAt = n - 1 - Math.floor(r() * 4);
    for (let i = 0; i < n; i++) {
      blocks.push(para(Math.max(4, Math.floor(r() * 200)), i));
      if (i === panelAt) blocks.push({ kind: 'panel', title: '数据看成效', paragraphs: Array.from({ length: 2 + Math.floor(r() * 5) }, (_, k) => text(20 + Math.floor(r() * 60), 100 + k)), source });
      if (i === figureAt) blocks.push(figure(`图为第${i}幅图片的说明文字`));
    }
    return article(`P${seed}`, blocks, { credit: '图片由区教委提供' });
  }

  it('never leaves a float mid-column with text both above and below it', () => {
    let both = 0;
    let level = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const page = layoutArticle(feature(seed), ctx).at(-1)!;
      const frames = page.ops.filter((o): o is Rect => o.op === 'rect');
      if (frames.length < 2) continue;
      both++;
      const inFrame = (o: { x: number; y: number }): boolean => frames.some((f) => o.x >= f.x - 0.01 && o.x < f.x + f.width && o.y > f.y && o.y < f.y + f.height);
      const body = texts(page.ops).filter((o) => (o.role === 'P' || o.role === 'Byline') && !inFrame(o) && colOf(o.x) >= 0);
      const depth = Array.from({ length: grid.columns }, () => 0);
      for (const o of body) depth[colOf(o.x)] = Math.max(depth[colOf(o.x)]!, slotOf(o.y) + 1);
      for (const f of frames) {
        const top = slotOf(f.y);
        // A figure's caption sits under its frame, inside the float's grid lines.
        const caption = texts(page.ops).filter((o) => o.role === 'Caption' && o.x >= f.x - 0.01 && o.x < f.x + f.width && o.y > f.y + f.height && o.y < f.y + f.height + 4 * grid.pitch);
        const bottom = Math.max(Math.ceil((f.y + f.height - grid.top) / grid.pitch - 1e-6), ...caption.map((o) => slotOf(o.y) + 1));
        for (let c = colOf(f.x); c < grid.columns && grid.colX[c]! < f.x + f.width; c++) {
          depth[c] = Math.max(depth[c]!, bottom);
          const above = body.some((o) => colOf(o.x) === c && slotOf(o.y) < top);
          const below = body.some((o) => colOf(o.x) === c && slotOf(o.y) >= bottom);
          expect(above && below, `seed ${seed}: float at line ${top} in column ${c}`).toBe(false);
        }
      }
      if (Math.max(...depth) - Math.min(...depth) <= 1 && depth.every((d, i) => i === 0 || d <= depth[i - 1]!)) level++;
    }
    expect(both).toBeGreaterThan(20);
    // Measured: 42 of 45 such pages level with the short columns on the right; the other
    // three have too little text left to stand beside both floats (9–18 lines).
    expect(level / both).toBeGreaterThan(0.9);
  });
});

describe('balancing decisions read back from the persistent cache', () => {
  it('keeps well-formed entries and drops anything else without throwing', async () => {
    const { balanceDecisions, restoreBalanceDecisions } = await import('../../src/layout/balance.js');
    const before = new Set(balanceDecisions().map(([k]) => k));
    restoreBalanceDecisions('not a list');
    restoreBalanceDecisions(null);
    restoreBalanceDecisions([
      ['restored-ok', { limits: [30, 30, 29, 29] }],
      ['restored-null', null],
      ['restored-fixed', { limits: [20, 20, 20, 20], fixed: [{ unit: 3, col: 2, slot: 5, variant: 0 }], grow: 4 }],
      ['bad-limits', { limits: [30, 'x'] }],
      ['bad-fixed', { fixed: [{ unit: -1, col: 0, slot: 0, variant: 0 }] }],
      ['bad-grow', { grow: 1.5 }],
      [42, null],
      'junk',
    ]);
    const added = new Map(balanceDecisions().filter(([k]) => !before.has(k)));
    expect([...added.keys()].sort()).toEqual(['restored-fixed', 'restored-null', 'restored-ok']);
    expect(added.get('restored-ok')).toEqual({ limits: [30, 30, 29, 29] });
  });
});

describe('the room bound that spares balancing its hopeless trial fills', () => {
  it('never skips a fill that would have ended the article: less room than content is never done', async () => {
    const { room } = await import('../../src/layout/balance.js');
    const next = rng(4242);
    const start: FlowState = { unit: 0, line: 0, pending: [] };
    let checked = 0;
    let hopeless = 0;
    for (let trial = 0; trial < 400; trial++) {
      const units: Unit[] = [];
      let content = 0;
      for (let i = 0; i < 2 + Math.floor(next() * 6); i++) {
        const n = 1 + Math.floor(next() * 30);
        units.push(lines(n, trial * 10 + i));
        content += n;
      }
      const reserved = Math.floor(next() * 8);
      const fixed = [];
      if (next() < 0.5) {
        const f = float(`f${trial}`, [[1 + Math.floor(next() * 2), 3 + Math.floor(next() * 8)]]);
        units.push(f);
        const v = f.variants[0]!;
        const col = Math.floor(next() * (grid.columns - v.span + 1));
        fixed.push({ unit: units.length - 1, variant: v, col, slot: Math.max(reserved, grid.lines - v.slots - Math.floor(next() * 10)) });
      }
      const depth = reserved + 1 + Math.floor(next() * (grid.lines - reserved));
      const limits = Array.from({ length: grid.columns }, () => Math.max(reserved, depth - Math.floor(next() * 3)));
      const f = fillPage(units, grid, reserved, start, { limits, fixed }, true);
      checked++;
      if (room(limits, fixed, grid.lines, reserved) < content) {
        hopeless++;
        expect(isDone(f.end, units), `limits ${limits}, reserved ${reserved}`).toBe(false);
      }
    }
    expect(checked).toBe(400);
    expect(hopeless).toBeGreaterThan(50);
  });
});
