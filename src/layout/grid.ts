import type { Line } from '../model/line.js';
import type { DrawOp, TextRole } from '../model/page.js';
import type { TextStyle } from '../model/style.js';
import type { Pt } from '../model/units.js';
import type { PageTemplate, Templates } from '../template/types.js';
import type { Grid } from './types.js';

/**
 * Share of the em box above the baseline. CJK faces centre ideographs in an em box
 * that sits 0.88 em above and 0.12 em below the baseline (Noto/Source Han metrics), so a
 * line is centred in its grid line by putting the em box in the middle of the pitch.
 */
export const EM_ASCENT = 0.88;

/** The body grid of an article template, in pt. */
export function gridOf(tpl: PageTemplate, templates: Templates): Grid {
  const g = tpl.grid!;
  const body = templates.styles[g.style]!;
  const em = body.size;
  const colWidth = g.columnChars * em;
  const gutter = g.gutterChars * em;
  const typeWidth = g.columns * colWidth + (g.columns - 1) * gutter;
  const colX = Array.from({ length: g.columns }, (_, i) => g.left + i * (colWidth + gutter));
  return { columns: g.columns, lines: g.lines, pitch: body.leading, em, colWidth, gutter, left: g.left, top: g.top, typeWidth, colX };
}

/** Top of grid line `slot`. */
export function slotTop(grid: Grid, slot: number): Pt {
  return grid.top + slot * grid.pitch;
}

/** Width of a block spanning `span` columns (gutters inside it included). */
export function spanWidth(grid: Grid, span: number): Pt {
  return span * grid.colWidth + (span - 1) * grid.gutter;
}

/** Baseline of a line of `size` centred in a line box of height `box` starting at `top`. */
export function baselineIn(top: Pt, box: Pt, size: Pt): Pt {
  return top + (box - size) / 2 + EM_ASCENT * size;
}

/** One composed line as a text op; `x` is the measure's left edge (composition has aligned the line within it), `y` the baseline. */
export function lineOp(line: Line, style: TextStyle, x: Pt, y: Pt, role: TextRole, struct?: string): DrawOp {
  const op: DrawOp = { op: 'text', x, y, size: line.size, color: style.color, glyphs: line.glyphs, role };
  if (struct !== undefined) op.struct = struct;
  return op;
}

/** Stack lines from `top` at the style's leading; returns the ops and the height used. */
export function stackLines(lines: Line[], style: TextStyle, x: Pt, top: Pt, role: TextRole, struct?: string): { ops: DrawOp[]; height: Pt } {
  const ops = lines.map((l, i) => lineOp(l, style, x, baselineIn(top + i * style.leading, style.leading, style.size), role, struct));
  return { ops, height: lines.length * style.leading };
}
