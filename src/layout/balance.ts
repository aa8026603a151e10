import { fillPage, isDone } from './flow.js';
import type { FlowState, Grid, PageFill, Unit } from './types.js';

/**
 * Balance an article's last page (clreq: columns end level; any shortfall is left at the
 * foot of the rightmost columns). Like Typst's balancing, re-run the page with targets:
 * column limits that start at H and fall by at most `SLACK` lines to the right. The
 * smallest H whose fill places everything with heights non-increasing and within one
 * line wins. Keep and widow rules can make a perfect split impossible; then the
 * non-increasing fill with the smallest spread is used.
 */
export function balancePage(units: readonly Unit[], grid: Grid, reserved: number, start: FlowState, full: PageFill): PageFill {
  const spread = (f: PageFill): number => Math.max(...f.heights) - Math.min(...f.heights);
  const ordered = (f: PageFill): boolean => f.heights.every((h, i) => i === 0 || h <= f.heights[i - 1]!);
  if (grid.columns === 1) return full;
  let best: number[] | null = null;
  let bestScore = score(full);
  const top = Math.max(...full.heights);
  // Trials only measure; the winner is filled once more with its ops.
  const fillWith = (limits: number[] | null): PageFill => (limits ? fillPage(units, grid, reserved, start, limits) : full);
  const need = areaNeeded(units, start);
  // No balanced page is shallower than the mean column: start just below it.
  const mean = full.heights.reduce((a, b) => a + b, 0) / grid.columns;
  for (let h = Math.max(reserved + 1, Math.floor(mean) - 1); h <= top; h++) {
    for (const limits of targets(h, grid.columns)) {
      // Every line takes one grid line and every block at least its smallest variant's area:
      // limits with less room than that cannot place everything, so skip the trial.
      let room = 0;
      for (const l of limits) room += Math.max(0, Math.min(grid.lines, l) - reserved);
      if (room < need) continue;
      const f = fillPage(units, grid, reserved, start, limits, true);
      if (!isDone(f.end, units)) continue;
      if (spread(f) <= 1 && ordered(f)) return fillWith(limits);
      const sc = score(f);
      if (sc < bestScore) {
        best = limits;
        bestScore = sc;
      }
    }
  }
  return fillWith(best);

  // Lower is better. clreq leaves any shortfall at the foot of the rightmost columns, so
  // an ordered page beats a more even one that is not; then the smaller spread wins.
  function score(f: PageFill): number {
    return spread(f) * 10 + (ordered(f) ? 0 : 15);
  }
}

/**
 * How far below H a column's limit may go. A limit is a ceiling, not a target: widow and
 * keep rules may end a column early, so a later column sometimes needs the higher limit.
 */
const SLACK = 3;

/** Column limits with maximum `h`, each within SLACK of it, most even (then most left-heavy) first. */
function targets(h: number, columns: number): number[][] {
  const out: number[][] = [];
  const walk = (prefix: number[]): void => {
    if (prefix.length === columns) {
      if (prefix.includes(h)) out.push(prefix);
      return;
    }
    for (let v = h; v >= Math.max(0, h - SLACK); v--) walk([...prefix, v]);
  };
  walk([]);
  const leftHeavy = (v: number[]): number => -v.reduce((a, x, i) => a + x * (columns - i), 0);
  return out.sort((a, b) => spreadOf(a) - spreadOf(b) || leftHeavy(a) - leftHeavy(b));
}

function spreadOf(v: number[]): number {
  return Math.max(...v) - Math.min(...v);
}

/** Grid lines (column × line cells) everything left from `start` occupies at the least. */
function areaNeeded(units: readonly Unit[], start: FlowState): number {
  const smallest = (u: Unit): number => (u.kind === 'text' ? u.lines.length : Math.min(...u.variants.map((v) => v.span * v.slots)));
  let n = 0;
  for (const i of start.pending) n += smallest(units[i]!);
  for (let i = start.unit; i < units.length; i++) n += smallest(units[i]!) - (i === start.unit && units[i]!.kind === 'text' ? start.line : 0);
  return n;
}
