import type { DrawOp, TextRole } from '../model/page.js';
import type { Pt } from '../model/units.js';
import { restyle } from '../model/style.js';
import type { ChromeAlign, ChromeItem, PageTemplate } from '../template/types.js';
import { composeText, styleOf } from './compose.js';
import { baselineIn } from './grid.js';
import type { LayoutContext } from './types.js';

/** Values for `{token}`s on one page. */
export type Tokens = Record<string, string>;

/** One article as a list (cover, contents) shows it. */
export interface Entry {
  tokens: Tokens;
  /** Index of the article's first page in Booklet.pages. */
  pageIndex: number;
}

/** Replace `{name}` by its value ('' when unknown) and tidy separators left by empty values. */
export function fillTokens(text: string, tokens: Tokens): string {
  return text
    .replace(/\{(\w+)\}/g, (_, k: string) => tokens[k] ?? '')
    .replace(/^[\s　·|]+|[\s　·|]+$/g, '')
    .replace(/　{2,}/g, '　');
}

/** Resolve outer/inner by page side: odd folios are rectos (right-hand pages). */
function side(align: ChromeAlign, pageNumber: number): 'start' | 'center' | 'end' {
  const recto = pageNumber % 2 === 1;
  if (align === 'outer') return recto ? 'end' : 'start';
  if (align === 'inner') return recto ? 'start' : 'end';
  return align;
}

/** A single chrome line: composed, then placed by the item's alignment (not the style's). */
function textLine(ctx: LayoutContext, text: string, styleName: string, x: Pt, y: Pt, width: Pt, align: ChromeAlign, pageNumber: number, role: TextRole = 'Artifact'): { ops: DrawOp[]; width: Pt } {
  const style = styleOf(ctx, styleName);
  const lines = composeText(ctx, text, restyle(style, { align: 'start', indent: 0 }), width);
  const ops: DrawOp[] = [];
  let widest = 0;
  lines.forEach((line, i) => {
    const a = side(align, pageNumber);
    const slack = Math.max(0, width - line.width);
    const dx = a === 'center' ? slack / 2 : a === 'end' ? slack : 0;
    ops.push({ op: 'text', x: x + dx, y: y + i * style.leading, size: line.size, color: style.color, glyphs: line.glyphs, role });
    widest = Math.max(widest, line.width);
  });
  return { ops, width: widest };
}

/** Draw a template's furniture for one page. Lists get one entry per article. */
export function drawChrome(tpl: PageTemplate, ctx: LayoutContext, tokens: Tokens, pageNumber: number, entries: Entry[] = []): DrawOp[] {
  const ops: DrawOp[] = [];
  for (const item of tpl.chrome) ops.push(...drawItem(item, ctx, tokens, pageNumber, entries));
  return ops;
}

function drawItem(item: ChromeItem, ctx: LayoutContext, tokens: Tokens, pageNumber: number, entries: Entry[]): DrawOp[] {
  switch (item.kind) {
    case 'rule':
      return [{ op: 'rule', x1: item.x1, y1: item.y1, x2: item.x2, y2: item.y2, width: item.width, color: item.color }];
    case 'rect':
      return [{ op: 'rect', x: item.x, y: item.y, width: item.width, height: item.height, fill: item.box.fill, stroke: item.box.stroke, lineWidth: item.box.lineWidth }];
    case 'text': {
      const text = fillTokens(item.text, tokens);
      return text ? textLine(ctx, text, item.style, item.x, item.y, item.width, item.align, pageNumber).ops : [];
    }
    case 'list':
      return entries.flatMap((e, i) => drawEntry(item, ctx, { ...tokens, ...e.tokens }, e.pageIndex, item.y + i * item.step, pageNumber));
  }
}

/** One list entry: text, then optionally a leader rule and the page number flush right, and a link. */
function drawEntry(item: Extract<ChromeItem, { kind: 'list' }>, ctx: LayoutContext, tokens: Tokens, pageIndex: number, y: Pt, pageNumber: number): DrawOp[] {
  const ops: DrawOp[] = [];
  const style = styleOf(ctx, item.style);
  let measure = item.width;
  if (item.page) {
    const pageText = fillTokens(item.page.text, tokens);
    const p = textLine(ctx, pageText, item.page.style, item.x, y, item.width, 'end', pageNumber);
    ops.push(...p.ops);
    measure = item.width - p.width - 2 * style.size;
  }
  // A label (the district) in a fixed-width slot before the text, so titles align.
  let x = item.x;
  const labelOps: DrawOp[] = [];
  if (item.label) {
    const label = fillTokens(item.label.text, tokens);
    if (label) labelOps.push(...textLine(ctx, label, item.label.style, x, y, item.label.width, 'start', pageNumber, 'P').ops);
    x += item.label.width;
    measure -= item.label.width;
  }
  // Entries are content (the table of contents), not page furniture.
  const t = textLine(ctx, fillTokens(item.text, tokens), item.style, x, y, measure, item.align, pageNumber, 'P');
  ops.unshift(...labelOps, ...t.ops);
  if (item.sub && t.ops.length === 1) {
    // The subtitle only where there is room: one line, within the entry's measure and step.
    const sub = fillTokens(item.sub.text, tokens);
    const subStyle = styleOf(ctx, item.sub.style);
    const subY = y + style.leading * 0.5 + subStyle.size;
    if (sub && subY + subStyle.size * 0.5 < y + item.step - style.size) {
      const s = textLine(ctx, sub, item.sub.style, x, subY, measure, item.align, pageNumber, 'P');
      if (s.ops.length === 1) ops.push(...s.ops);
    }
  }
  if (item.page?.leader && t.ops.length === 1) {
    const ly = y - 0.3 * style.size;
    const x1 = x + t.width + style.size;
    const x2 = x + measure + style.size;
    if (x2 > x1) ops.push({ op: 'rule', x1, y1: ly, x2, y2: ly, width: item.page.leader.width, color: item.page.leader.color });
  }
  if (item.link) {
    const top = y - baselineIn(0, style.leading, style.size);
    ops.push({ op: 'link', x: item.x, y: top, width: item.width, height: style.leading * Math.max(1, t.ops.length), page: pageIndex });
  }
  return ops;
}
