import type { Block } from '../model/article.js';
import type { Line } from '../model/line.js';
import { InputError } from '../model/source.js';
import type { DrawOp } from '../model/page.js';
import type { TextStyle } from '../model/style.js';
import type { PageTemplate } from '../template/types.js';
import { composeText, styleOf } from './compose.js';
import { spanWidth, stackLines } from './grid.js';
import { blockUnit } from './shapes.js';
import type { BlockUnit, BlockVariant, Grid, LayoutContext } from './types.js';

type PanelBlock = Extract<Block, { kind: 'panel' }>;

/** Outside space above the box and below it, and inner padding, in grid lines. */
const GAP_ABOVE = 0.25;
const GAP_BELOW = 0.45;
const PAD = 0.5;

/**
 * A boxed data panel (sidebar) as one or more floats. A panel taller than a column is
 * split between paragraphs into several boxes (the title heads the first), so nothing is
 * ever dropped; a single paragraph taller than a column is an input error.
 */
export function panelUnits(block: PanelBlock, struct: string, articleId: string, tpl: PageTemplate, grid: Grid, ctx: LayoutContext): BlockUnit[] {
  const whole = panelUnit(block.title, block.paragraphs, 0, block, struct, tpl, grid, ctx);
  if (whole) return [whole];
  const units: BlockUnit[] = [];
  let title = block.title;
  let from = 0;
  while (from < block.paragraphs.length) {
    // The longest run of paragraphs from `from` that still fits a column.
    let to = from + 1;
    let unit = panelUnit(title, block.paragraphs.slice(from, to), from, block, `${struct}.${from}`, tpl, grid, ctx);
    if (!unit) {
      const chars = block.paragraphs[from]!.length;
      throw new InputError(`article ${articleId}: panel paragraph ${from + 1} (${chars} characters) is taller than a column`, block.source);
    }
    while (to < block.paragraphs.length) {
      const next = panelUnit(title, block.paragraphs.slice(from, to + 1), from, block, `${struct}.${from}`, tpl, grid, ctx);
      if (!next) break;
      unit = next;
      to++;
    }
    units.push(unit);
    title = undefined;
    from = to;
  }
  return units;
}

function panelUnit(title: string | undefined, paragraphs: string[], first: number, block: PanelBlock, struct: string, tpl: PageTemplate, grid: Grid, ctx: LayoutContext): BlockUnit | null {
  const spec = tpl.panel!;
  const titleStyle = styleOf(ctx, spec.titleStyle);
  const style = styleOf(ctx, spec.style);
  const L = grid.pitch;
  const inset = spec.insetChars * grid.em;
  const variants: BlockVariant[] = [];
  for (let span = Math.min(spec.span, grid.columns); span >= 1; span--) {
    const width = spanWidth(grid, span);
    const measure = width - 2 * inset;
    const groups: Array<{ lines: Line[]; style: TextStyle; role: 'H3' | 'P'; struct: string }> = [];
    if (title) groups.push({ lines: composeText(ctx, title, titleStyle, measure, block.source), style: titleStyle, role: 'H3', struct: `${struct}.title` });
    paragraphs.forEach((p, i) => groups.push({ lines: composeText(ctx, p, style, measure, block.source), style, role: 'P', struct: `${struct}.p${first + i}` }));
    const content = groups.reduce((h, g) => h + g.lines.length * g.style.leading, 0);
    const boxHeight = content + 2 * PAD * L;
    const slots = Math.ceil((GAP_ABOVE * L + boxHeight + GAP_BELOW * L) / L);
    if (slots > grid.lines) continue;
    // Spread the rounding evenly above and below the content, inside the box.
    const box = slots * L - (GAP_ABOVE + GAP_BELOW) * L;
    variants.push({
      span,
      slots,
      draw: (x, top) => {
        const y0 = top + GAP_ABOVE * L;
        const ops: DrawOp[] = [{ op: 'rect', x, y: y0, width, height: box, fill: spec.box.fill, stroke: spec.box.stroke, lineWidth: spec.box.lineWidth }];
        let y = y0 + (box - content) / 2;
        for (const g of groups) {
          const r = stackLines(g.lines, g.style, x + inset, y, g.role, g.struct);
          ops.push(...r.ops);
          y += r.height;
        }
        return ops;
      },
    });
  }
  return variants.length ? blockUnit({ variants, float: true, keepNext: 0, struct, source: block.source }) : null;
}
