import { balancePage, floatsLeft, score } from './balance.js';
import { FLOW_DEFAULTS, fillPage, isDone } from './flow.js';
import type { BlockUnit, FlowState, Grid, PageFill, Unit } from './types.js';
import { blockUnit } from './shapes.js';

/**
 * The article's last page turn. A layout editor never lets a page carry only a float, nor
 * turns the page between a figure and the text that refers to it. When the page just
 * filled would leave the next one floats, a byline or a few lines, without the body text a
 * page needs (two lines per column):
 *
 * 1. everything is fitted on this page, its figures and those still to come capped at one
 *    height, the largest that fits (placeholders have no size of their own; pictures keep
 *    their proportions and most of their size), and the page is balanced as a last page;
 * 2. else this page gives up text, evenly at the foot of its columns, until the last page
 *    carries text with its floats and balances level (or as well as it can).
 *
 * Returns this page's fill (in case 1 balanced, the article done), or null when there is
 * nothing to mend or no way was found (the flow's own result stands).
 */
export function mendLastTurn(units: readonly Unit[], grid: Grid, reserved: number, start: FlowState, full: PageFill): PageFill | null {
  if (isDone(full.end, units) || !stranded(units, full.end, grid)) return null;
  return fitHere(units, grid, reserved, start) ?? moveTextOn(units, grid, reserved, start);
}

/** Fewest lines of body text the last page must carry beside its floats: two per column. */
function leastText(grid: Grid): number {
  return grid.columns * FLOW_DEFAULTS.minLinesAfter;
}

/** What remains after `s` (floats, a byline, a few lines) has fewer lines of body text than a last page needs. */
function stranded(units: readonly Unit[], s: FlowState, grid: Grid): boolean {
  return textLeft(units, s) < leastText(grid);
}

/** Body lines still to set after `s` (the closing byline and credit do not count). */
function textLeft(units: readonly Unit[], s: FlowState): number {
  let n = 0;
  for (let i = s.unit; i < units.length; i++) {
    const u = units[i]!;
    if (u.kind === 'text' && !u.whole) n += u.lines.length - (i === s.unit ? s.line : 0);
  }
  return n;
}

/** Case 1: all that is left on this page, every shrinkable float capped at the same depth, the largest cap that fits. */
function fitHere(units: readonly Unit[], grid: Grid, reserved: number, start: FlowState): PageFill | null {
  const shrinkable = floatsLeft(units, start).filter((i) => (units[i] as BlockUnit).shrink);
  if (shrinkable.length === 0) return null;
  const block = (i: number): BlockUnit => units[i] as BlockUnit;
  const tallest = Math.max(...shrinkable.map((i) => Math.max(...block(i).variants.map((v) => v.slots))));
  const least = Math.min(...shrinkable.map((i) => Math.min(...block(i).shrink!(0).map((v) => v.slots))));
  for (let cap = tallest - 1; cap >= least; cap--) {
    const capped = units.map((u, i): Unit => (shrinkable.includes(i) ? blockUnit({ ...block(i), variants: block(i).shrink!(cap) }) : u));
    if (!isDone(fillPage(capped, grid, reserved, start, {}, true).end, capped)) continue;
    return balancePage(capped, grid, reserved, start, fillPage(capped, grid, reserved, start));
  }
  return null;
}

/** Usable cuts tried at most (each balances a trial last page); the first level one ends the search. */
const MAX_CUTS = 40;

/**
 * Case 2: column limits for this page from one line short in the last column to evenly
 * shorter columns, until the next page holds enough text and ends the article; the first
 * level last page wins, else the best balanced one seen.
 */
function moveTextOn(units: readonly Unit[], grid: Grid, reserved: number, start: FlowState): PageFill | null {
  const cols = grid.columns;
  let best: { limits: number[]; score: number } | null = null;
  let tries = 0;
  for (let h = grid.lines; h > reserved + 1 && tries < MAX_CUTS; h--) {
    for (let k = cols - 1; k >= 0 && tries < MAX_CUTS; k--) {
      const limits = Array.from({ length: cols }, (_, c) => (c < k ? h : h - 1));
      const here = fillPage(units, grid, reserved, start, limits, true);
      // Moving text on must leave this page something and the next one the whole rest.
      if (here.end.unit === start.unit && here.end.line === start.line) return finish(best, units, grid, reserved, start);
      if (textLeft(units, here.end) < leastText(grid)) continue;
      const next = fillPage(units, grid, 0, here.end, {}, true);
      if (!isDone(next.end, units)) return finish(best, units, grid, reserved, start);
      tries++;
      const last = balancePage(units, grid, 0, here.end, next);
      const sc = score(last, [], grid, 0);
      if (!best || sc < best.score) best = { limits, score: sc };
      if (sc === 0) return finish(best, units, grid, reserved, start);
    }
  }
  return finish(best, units, grid, reserved, start);
}

function finish(best: { limits: number[] } | null, units: readonly Unit[], grid: Grid, reserved: number, start: FlowState): PageFill | null {
  return best ? fillPage(units, grid, reserved, start, best.limits) : null;
}
