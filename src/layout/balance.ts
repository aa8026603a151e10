import { fillPage, isDone } from './flow.js';
import type { FlowState, Grid, PageFill, Unit } from './types.js';

/**
 * Balance an article's last page (clreq: columns end level; any shortfall is left at the
 * foot of the rightmost columns). Like Typst's balancing, re-run the page with a target:
 * the first k columns may use H grid lines, the rest H − 1; the smallest H (then k) whose
 * fill places everything with heights non-increasing and within one line wins. Keep rules
 * can make a perfect split impossible; then the fill with the smallest spread is used.
 */
export function balancePage(units: readonly Unit[], grid: Grid, reserved: number, start: FlowState, full: PageFill): PageFill {
  const spread = (f: PageFill): number => Math.max(...f.heights) - Math.min(...f.heights);
  const ordered = (f: PageFill): boolean => f.heights.every((h, i) => i === 0 || h <= f.heights[i - 1]!);
  if (grid.columns === 1) return full;
  let best = full;
  let bestScore = score(full);
  const top = Math.max(...full.heights);
  for (let h = reserved + 1; h <= top; h++) {
    for (let k = 1; k <= grid.columns; k++) {
      const limits = Array.from({ length: grid.columns }, (_, i) => (i < k ? h : h - 1));
      const f = fillPage(units, grid, reserved, start, limits);
      if (!isDone(f.end, units)) continue;
      if (spread(f) <= 1 && ordered(f)) return f;
      const sc = score(f);
      if (sc < bestScore) {
        best = f;
        bestScore = sc;
      }
    }
  }
  return best;

  // Lower is better: spread first, then order violations.
  function score(f: PageFill): number {
    return spread(f) * 10 + (ordered(f) ? 0 : 5);
  }
}
