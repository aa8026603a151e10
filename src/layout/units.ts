import type { Article } from '../model/article.js';
import type { DrawOp } from '../model/page.js';
import type { PageTemplate } from '../template/types.js';
import { composeText, styleOf } from './compose.js';
import { blockUnit, textUnit } from './shapes.js';
import { figureUnit } from './figures.js';
import { stackLines } from './grid.js';
import { panelUnits } from './panels.js';
import { restyle, type TextStyle } from '../model/style.js';
import type { Line } from '../model/line.js';
import { breaksInsideQuote } from '../compose/display.js';
import { FLOW_DEFAULTS } from './flow.js';
import type { BlockUnit, Grid, LayoutContext, TextUnit, Unit } from './types.js';

/** Extra space a section head takes beyond its lines, in grid lines; ⅔ of it goes above. */
const HEAD_SPACE = 0.8;
const HEAD_ABOVE_SHARE = 2 / 3;

/** Structure id of block `i` of an article: ties all lines of one paragraph together. */
export function structId(article: Article, i: number): string {
  return `${article.id}/${i}`;
}

/**
 * Article blocks → flow units, composed once at the template's column measure. Block
 * `skip` (the lead the headline band already set, or -1) is left out.
 */
export function buildUnits(article: Article, tpl: PageTemplate, grid: Grid, ctx: LayoutContext, skip: number): Unit[] {
  const body = styleOf(ctx, tpl.grid!.style);
  const units: Unit[] = [];
  article.blocks.forEach((b, i) => {
    const struct = structId(article, i);
    if (i === skip) return;
    switch (b.kind) {
      case 'paragraph': {
        const lines = composeText(ctx, b.text, body, grid.colWidth, b.source);
        const marker = b.quote ? quoteMarker(ctx, body) : null;
        units.push(textUnit(lines, body, 'P', struct, b.source, marker ? { marker } : {}));
        break;
      }
      case 'heading':
        units.push(headingUnit(b.lines, struct, b.source, tpl, grid, ctx));
        break;
      case 'lead':
        // A lead too long for the band runs in the columns, on the body grid.
        b.paragraphs.forEach((p, j) => {
          const lead = restyle(styleOf(ctx, tpl.lead!.style), { leading: grid.pitch });
          units.push(textUnit(composeText(ctx, p, lead, grid.colWidth, b.source), lead, 'Lead', `${struct}.${j}`, b.source));
        });
        break;
      case 'figure':
        units.push(figureUnit(b, struct, article.id, tpl, grid, ctx));
        break;
      case 'panel':
        units.push(...panelUnits(b, struct, article.id, tpl, grid, ctx));
        break;
    }
  });
  const kept = units.filter((u) => u.kind === 'block' || u.lines.length > 0);
  const close = closingUnit(article, tpl, grid, ctx);
  // Right after the last paragraph, before any floats that end the copy: the byline closes the
  // text; a figure that ends the copy goes below it or atop a column, never between.
  if (close) {
    let at = kept.length;
    while (at > 0 && isFloat(kept[at - 1]!)) at--;
    kept.splice(kept[at - 1]?.kind === 'text' ? at : kept.length, 0, close);
  }
  return kept;
}

const isFloat = (u: Unit): boolean => u.kind === 'block' && u.float;

/**
 * Byline and photo credit close the article, flush right in their own styles, as one unit
 * that is never split and stands in the same column as at least the last two lines of
 * the text before it (never a credit alone at the head of a column).
 */
function closingUnit(article: Article, tpl: PageTemplate, grid: Grid, ctx: LayoutContext): TextUnit | null {
  const n = article.blocks.length;
  const lines: TextUnit['lines'] = [];
  const perLine: NonNullable<TextUnit['perLine']> = [];
  for (const [text, style, k] of [[article.meta.byline, tpl.byline!.style, 0], [article.meta.credit, tpl.credit!.style, 1]] as const) {
    if (!text) continue;
    const s = styleOf(ctx, style);
    // Each closing line takes one grid line, whatever its style's leading.
    for (const l of composeText(ctx, text, s, grid.colWidth, article.source)) {
      lines.push(l);
      perLine.push({ style: s, struct: `${article.id}/${n + k}` });
    }
  }
  if (lines.length === 0) return null;
  return textUnit(lines, perLine[0]!.style, 'Byline', perLine[0]!.struct, article.source, { perLine, whole: true, keepWithPrev: FLOW_DEFAULTS.minLinesAfter });
}

/** The ornament's face and colour: a sans-bold chevron in the accent colour. */
const MARKER_STYLE = { face: 'sans-bold', color: 'accent' } as const;

/**
 * The raw copy's block-quote marker `>` set in the first-line indent as a chevron
 * ornament (sans bold, accent colour), centred in the indent.
 */
function quoteMarker(ctx: LayoutContext, body: TextStyle): TextUnit['marker'] | null {
  const style = restyle(body, { ...MARKER_STYLE, align: 'start', indent: 0, tracking: 0 });
  const [line] = composeText(ctx, '>', style, body.size * Math.max(1, body.indent));
  if (!line) return null;
  const room = body.size * body.indent;
  const dx = Math.max(0, (room - line.width) / 2);
  // Written out, not spread: a spread copy is another hidden class to the code that draws lines.
  const glyphs = line.glyphs.map((g) => ({ face: g.face, gid: g.gid, x: g.x + dx, dy: g.dy, advance: g.advance, text: g.text }));
  return { line: { glyphs, size: line.size, measure: line.measure, width: line.width, start: line.start, end: line.end, last: line.last }, style };
}

/** Smallest step a head may shrink by, in pt, and how far above body size it must stay. */
const HEAD_STEP = 0.5;
const HEAD_OVER_BODY = 1;

/**
 * Compose a head's lines; when a line would break inside a quoted phrase (“百花齐放”), try
 * the head a step smaller, down to body size + 1 pt, and keep the first size that does not.
 */
function fitHeading(texts: string[], base: TextStyle, grid: Grid, ctx: LayoutContext, source: BlockUnit['source']): { style: TextStyle; lines: Line[] } {
  const compose = (style: TextStyle): Line[][] => texts.map((t) => composeText(ctx, t, style, grid.colWidth, source));
  const quoted = (groups: Line[][]): boolean => groups.some((g, i) => breaksInsideQuote(texts[i]!, g.slice(0, -1).map((l) => l.end)));
  const first = compose(base);
  if (!quoted(first)) return { style: base, lines: first.flat() };
  for (let size = base.size - HEAD_STEP; size >= grid.em + HEAD_OVER_BODY - 1e-9; size -= HEAD_STEP) {
    const style = restyle(base, { size, leading: (base.leading / base.size) * size });
    const groups = compose(style);
    if (!quoted(groups)) return { style, lines: groups.flat() };
  }
  return { style: base, lines: first.flat() };
}

/** A 小标题 (one or two lines) as a unit in whole grid lines, kept with what follows. */
function headingUnit(texts: string[], struct: string, source: BlockUnit['source'], tpl: PageTemplate, grid: Grid, ctx: LayoutContext): BlockUnit {
  const { style, lines } = fitHeading(texts, styleOf(ctx, tpl.heading!.style), grid, ctx, source);
  const height = lines.length * style.leading;
  const slots = Math.ceil((height + HEAD_SPACE * grid.pitch) / grid.pitch);
  const above = (slots * grid.pitch - height) * HEAD_ABOVE_SHARE;
  return blockUnit({
    float: false,
    keepNext: tpl.heading!.minLinesAfter,
    struct,
    source,
    variants: [
      {
        span: 1,
        slots,
        draw: (x, top): DrawOp[] => stackLines(lines, style, x, top + above, 'H2', struct).ops,
        bookmarks: (top) => [{ title: texts.join(' '), level: 2, y: top }],
      },
    ],
  });
}
