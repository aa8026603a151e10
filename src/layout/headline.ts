import type { Article } from '../model/article.js';
import type { Line } from '../model/line.js';
import type { Bookmark, DrawOp } from '../model/page.js';
import { restyle, type TextStyle } from '../model/style.js';
import type { PageTemplate } from '../template/types.js';
import { composeText, styleOf } from './compose.js';
import { slotTop, stackLines } from './grid.js';
import type { Grid, LayoutContext } from './types.js';
import { structId } from './units.js';

/** The headline band (and lead) across all columns of an article's first page. */
export interface Band {
  /** Grid lines it takes at the top of every column. */
  slots: number;
  ops: DrawOp[];
  bookmarks: Bookmark[];
  /** False when the lead is too long for the band and must run in the columns. */
  leadInBand: boolean;
}

/** A band may take at most this share of the column depth; a longer lead flows in the columns. */
const MAX_BAND_SHARE = 0.5;
/** Gap between kicker, title and subtitle, in ems of the smaller neighbour. */
const HEAD_GAP = 0.35;
/** Space the band's foot rule takes, in grid lines. */
const RULE_ZONE = 0.8;

/**
 * 主题 size by rank: the largest of the template's sizes that sets in at most titleMaxLines
 * lines. A headline's spaces separate its phrases (江北 落实“双减”… 喜人变化…), so a title
 * that needs two lines is broken at the space nearest its middle when both halves fit.
 */
export function fitTitle(ctx: LayoutContext, text: string, base: TextStyle, sizes: number[], maxLines: number, measure: number): { style: TextStyle; lines: Line[] } {
  const candidates = sizes.length ? [...sizes].sort((a, b) => b - a) : [base.size];
  let last: { style: TextStyle; lines: Line[] } | undefined;
  for (const size of candidates) {
    const style = restyle(base, { size, leading: (base.leading / base.size) * size });
    const lines = composeText(ctx, text, style, measure);
    if (lines.length === 1) return { style, lines };
    const phrased = maxLines >= 2 ? atPhrase(ctx, text, style, measure) : null;
    if (phrased) return { style, lines: phrased };
    last = { style, lines };
    if (lines.length <= maxLines) return last;
  }
  return last!;
}

/** Two lines broken at the space nearest the middle, each set whole; null if none fits. */
function atPhrase(ctx: LayoutContext, text: string, style: TextStyle, measure: number): Line[] | null {
  const spaces = [...text.matchAll(/[ \u3000]+/g)].map((m) => ({ at: m.index!, end: m.index! + m[0].length }));
  spaces.sort((a, b) => Math.abs(a.at - text.length / 2) - Math.abs(b.at - text.length / 2));
  for (const sp of spaces) {
    const first = composeText(ctx, text.slice(0, sp.at), style, measure);
    const second = composeText(ctx, text.slice(sp.end), style, measure);
    if (first.length === 1 && second.length === 1) return [...first, ...second];
  }
  return null;
}

export function headlineBand(article: Article, tpl: PageTemplate, grid: Grid, ctx: LayoutContext): Band {
  const spec = tpl.headline!;
  const L = grid.pitch;
  const x = grid.left;
  const w = grid.typeWidth;
  const ops: DrawOp[] = [];
  const struct = `${article.id}/head`;
  let y = grid.top;
  const { meta } = article;
  if (meta.kicker) {
    const s = styleOf(ctx, spec.kicker);
    const r = stackLines(composeText(ctx, meta.kicker, s, w, article.source), s, x, y, 'P', `${struct}.kicker`);
    ops.push(...r.ops);
    y += r.height + HEAD_GAP * s.size;
  }
  const title = fitTitle(ctx, meta.title, styleOf(ctx, spec.title), spec.titleSizes, spec.titleMaxLines, w);
  const t = stackLines(title.lines, title.style, x, y, 'H1', `${struct}.title`);
  ops.push(...t.ops);
  y += t.height;
  if (meta.subtitle) {
    const s = styleOf(ctx, spec.subtitle);
    const text = spec.subtitlePrefix && !/^[—-]/.test(meta.subtitle) ? spec.subtitlePrefix + meta.subtitle : meta.subtitle;
    y += HEAD_GAP * s.size;
    const r = stackLines(composeText(ctx, text, s, w, article.source), s, x, y, 'P', `${struct}.subtitle`);
    ops.push(...r.ops);
    y += r.height;
  }
  let slots = Math.ceil((y - grid.top + RULE_ZONE * L) / L);
  if (spec.rule) {
    const ry = slotTop(grid, slots) - 0.4 * L;
    ops.push({ op: 'rule', x1: x, y1: ry, x2: x + w, y2: ry, width: spec.rule.width, color: spec.rule.color });
  }
  const bookmarks: Bookmark[] = [{ title: meta.title, level: 1, y: grid.top }];

  const lead = leadBlock(article, tpl, grid, ctx, slots);
  const leadInBand = !!lead && slots + lead.slots <= Math.floor(grid.lines * MAX_BAND_SHARE);
  if (lead && leadInBand) {
    ops.push(...lead.ops);
    slots += lead.slots;
  }
  return { slots, ops, bookmarks, leadInBand: leadInBand || !lead };
}

/**
 * 导语 across the type area under the heads; a labelled lead (核心提示) is boxed with its
 * label on top, an unlabelled one gets a rule under it. Whole grid lines either way.
 */
function leadBlock(article: Article, tpl: PageTemplate, grid: Grid, ctx: LayoutContext, fromSlot: number): { slots: number; ops: DrawOp[] } | null {
  const index = article.blocks.findIndex((b) => b.kind === 'lead');
  const block = article.blocks[index];
  if (!block || block.kind !== 'lead') return null;
  const spec = tpl.lead!;
  const L = grid.pitch;
  const boxed = !!block.label && !!spec.box;
  const inset = boxed ? spec.insetChars * grid.em : 0;
  const x = grid.left + inset;
  const measure = grid.typeWidth - 2 * inset;
  const style = styleOf(ctx, spec.style);
  const labelStyle = styleOf(ctx, spec.labelStyle);
  const top = slotTop(grid, fromSlot);
  const pad = boxed ? 0.5 * L : 0;
  const ops: DrawOp[] = [];
  let y = top + pad;
  const struct = structId(article, index);
  if (block.label) {
    const r = stackLines(composeText(ctx, block.label, labelStyle, measure, block.source), labelStyle, x, y, 'Lead', `${struct}.label`);
    ops.push(...r.ops);
    y += r.height;
  }
  block.paragraphs.forEach((p, j) => {
    const r = stackLines(composeText(ctx, p, style, measure, block.source), style, x, y, 'Lead', `${struct}.${j}`);
    ops.push(...r.ops);
    y += r.height;
  });
  const bottom = y + pad;
  const slots = Math.ceil((bottom - top + 0.6 * L) / L);
  if (boxed) {
    const b = spec.box!;
    ops.unshift({ op: 'rect', x: grid.left, y: top, width: grid.typeWidth, height: bottom - top, fill: b.fill, stroke: b.stroke, lineWidth: b.lineWidth });
  } else if (spec.rule) {
    const ry = top + slots * L - 0.35 * L;
    ops.push({ op: 'rule', x1: grid.left, y1: ry, x2: grid.left + grid.typeWidth, y2: ry, width: spec.rule.width, color: spec.rule.color });
  }
  return { slots, ops };
}
