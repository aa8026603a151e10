import type { DrawOp } from '../model/page.js';
import type { RuleSpec } from '../template/types.js';
import { slotTop } from './grid.js';
import type { Grid, PageFill } from './types.js';

/** Rules stop this far (in grid lines) short of the first and last line they run beside. */
const RULE_INSET = 0.15;

/**
 * 栏线: a hairline in the middle of each gutter, beside the lines of the two columns it
 * separates, broken where a figure or panel spans the gutter.
 */
export function columnRules(fill: PageFill, grid: Grid, rule: RuleSpec | undefined): DrawOp[] {
  if (!rule) return [];
  const ops: DrawOp[] = [];
  for (let g = 0; g < grid.columns - 1; g++) {
    const x = grid.colX[g]! + grid.colWidth + grid.gutter / 2;
    const end = Math.max(fill.heights[g] ?? 0, fill.heights[g + 1] ?? 0);
    let s = fill.reserved;
    while (s < end) {
      while (s < end && fill.crossed[g]![s]) s++;
      const from = s;
      while (s < end && !fill.crossed[g]![s]) s++;
      if (s > from) {
        const y1 = slotTop(grid, from) + RULE_INSET * grid.pitch;
        const y2 = slotTop(grid, s) - RULE_INSET * grid.pitch;
        ops.push({ op: 'rule', x1: x, y1, x2: x, y2, width: rule.width, color: rule.color });
      }
    }
  }
  return ops;
}
