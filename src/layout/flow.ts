import { baselineIn, lineOp, slotTop } from './grid.js';
import type { BlockUnit, BlockVariant, FillOptions, FlowState, Grid, PageFill, Placed, TextUnit, Unit } from './types.js';

/**
 * Declared flow rules. clreq and newspaper practice: no single line of a paragraph
 * alone at the top or foot of a column; a head keeps ≥ 2 lines after it (per template).
 */
export const FLOW_DEFAULTS = {
  /** Fewest lines of a split paragraph left at a column foot (orphan control). */
  minLinesBefore: 2,
  /** Fewest lines of a split paragraph carried to the next column head (widow control). */
  minLinesAfter: 2,
};

/** How many of `m` remaining lines go into a free run of `r` grid lines (0 = none, move on). */
export function takeLines(m: number, r: number): number {
  if (m <= r) return m;
  const t = Math.min(r, m - FLOW_DEFAULTS.minLinesAfter);
  return t >= FLOW_DEFAULTS.minLinesBefore ? t : 0;
}

/**
 * Lines of text unit `index` (with `m` left) to put into a free run of `r`, honouring a
 * following unit that must keep lines of this one with it (署名 after the last paragraph),
 * and this unit's own "never split" rule.
 */
export function takeFor(units: readonly Unit[], index: number, m: number, r: number): number {
  const u = units[index] as TextUnit;
  if (u.whole) return m <= r ? m : 0;
  const next = units[index + 1];
  if (next?.kind === 'text' && next.keepWithPrev) {
    if (m + next.lines.length <= r) return m;
    // The follower does not fit here: leave enough of this unit to go with it.
    const t = Math.min(r, m - Math.max(next.keepWithPrev, FLOW_DEFAULTS.minLinesAfter));
    return t >= FLOW_DEFAULTS.minLinesBefore ? t : 0;
  }
  return takeLines(m, r);
}

const NO_UNITS: ReadonlySet<number> = new Set();

/**
 * Callers build their options in several shapes (a bare limits array, `{}`, `{ limits, fixed }`, a
 * search decision spread with its floats). Read here, in a function of its own, the shapes meet this
 * small function only: fillPage's compiled code, which V8 throws away and compiles again (~20 ms of
 * a cold build's compile time) when an object of a shape it has not seen arrives, sees one.
 */
function fillSettings(options: FillOptions | readonly number[]): { limits: readonly number[] | undefined; fixed: FillOptions['fixed']; grow: FillOptions['grow'] } {
  if (Array.isArray(options)) return { limits: options as readonly number[], fixed: undefined, grow: undefined };
  const o = options as FillOptions;
  return { limits: o.limits, fixed: o.fixed, grow: o.grow };
}

export function isDone(s: FlowState, units: readonly Unit[]): boolean {
  return s.unit >= units.length && s.pending.length === 0;
}

/**
 * Fill one page's columns, column by column, from `start`. Every line takes exactly one
 * grid line and every block a whole number of them, so all columns share one baseline
 * grid. `limits` caps the grid lines each column may use (balancing); `reserved` grid
 * lines at the top of every column belong to the headline band.
 */
export function fillPage(
  units: readonly Unit[],
  grid: Grid,
  reserved: number,
  start: FlowState,
  options: FillOptions | readonly number[] = {},
  /** Only heights and end state (balancing tries thousands of limits): no ops, no draws, no `crossed`. */
  measureOnly = false,
): PageFill {
  // Read once into locals: the closures below run for every grid line of every trial fill.
  const { limits, fixed: fixedFloats, grow } = fillSettings(options);
  const fixed = fixedFloats && fixedFloats.length > 0 ? new Set(fixedFloats.map((f) => f.unit)) : NO_UNITS;
  const cols = grid.columns;
  const rows = grid.lines;
  // One flat byte per (column, grid line): balancing calls this thousands of times per booklet.
  const occ = new Uint8Array(cols * rows);
  for (let c = 0; c < cols; c++) occ.fill(1, c * rows, c * rows + Math.min(reserved, rows));
  const crossed = measureOnly ? [] : Array.from({ length: Math.max(0, cols - 1) }, () => Array.from({ length: rows }, () => false));
  const st: FlowState = { unit: start.unit, line: start.line, pending: [...start.pending] };
  const placed: Placed[] = [];
  // Plain loops here and at the end: balancing makes a thousand trial fills, most in cold code.
  const textLines = new Array<number>(cols);
  for (let c = 0; c < cols; c++) textLines[c] = 0;
  const limit = (c: number): number => Math.min(rows, limits?.[c] ?? rows);

  const freeRun = (c: number, s: number): number => {
    const lim = limit(c);
    if (s >= lim) return 0;
    // The next taken grid line, found natively: trial fills ask this for every unit they place.
    const from = c * rows + s;
    const taken = occ.indexOf(1, from);
    return Math.min(taken < 0 ? occ.length : taken, c * rows + lim) - from;
  };
  const nextFree = (c: number, s: number): number => {
    const lim = limit(c);
    while (s < lim && occ[c * rows + s]) s++;
    return s;
  };
  // A grown head takes one more grid line, the extra space above its lines.
  const slotsOf = (index: number, v: BlockVariant): number => v.slots + (grow === index ? 1 : 0);
  const fits = (c: number, s: number, v: BlockVariant, index: number): boolean => {
    if (c + v.span > cols) return false;
    for (let j = 0; j < v.span; j++) if (freeRun(c + j, s) < slotsOf(index, v)) return false;
    return true;
  };
  // A head must be followed in its column by the first lines of what comes next.
  const keepOk = (c: number, s: number, index: number): boolean => {
    const u = units[index]!;
    if (u.kind !== 'block' || u.keepNext === 0) return true;
    const next = units[index + 1];
    if (!next || next.kind !== 'text') return true;
    const need = Math.min(u.keepNext, next.lines.length);
    return takeFor(units, index + 1, next.lines.length, freeRun(c, s)) >= need;
  };
  const put = (c: number, s: number, v: BlockVariant, index: number): void => {
    const n = slotsOf(index, v);
    for (let j = 0; j < v.span; j++) for (let k = 0; k < n; k++) occ[(c + j) * rows + s + k] = 1;
    if (measureOnly) return;
    for (let g = c; g < c + v.span - 1; g++) for (let k = 0; k < n; k++) crossed[g]![s + k] = true;
    const x = grid.colX[c]!;
    // A grown head's extra grid line is space above it.
    const top = slotTop(grid, s + n - v.slots);
    const u = units[index];
    // Every field set here, float too: one object shape for all placed things.
    placed.push({ col: c, slot: s, ops: v.draw(x, top), bookmarks: v.bookmarks?.(top) ?? [], float: u?.kind === 'block' && u.float });
  };
  // Floats deferred from earlier columns go first, at a column head, in order.
  const placePending = (c: number, s: number): number => {
    while (st.pending.length > 0 && s < limit(c)) {
      const u = units[st.pending[0]!]!;
      if (u.kind !== 'block') break;
      const index = st.pending[0]!;
      const v = u.variants.find((w) => fits(c, s, w, index));
      if (!v) break;
      put(c, s, v, index);
      st.pending.shift();
      s = nextFree(c, s + slotsOf(index, v));
    }
    return s;
  };

  // Lines st.line.. of a text unit, `t` of them from grid line s of column c. A function of its own
  // for the reason given at placeBlock (a quote's ornament, per-line styles).
  const placeLines = (c: number, s: number, t: number, u: TextUnit): void => {
    for (let i = 0; i < t; i++) {
      const k = st.line + i;
      const line = u.lines[k]!;
      const { style, struct } = u.perLine?.[k] ?? u;
      const y = baselineIn(slotTop(grid, s + i), grid.pitch, style.size);
      const ops = [lineOp(line, style, grid.colX[c]!, y, u.role, struct)];
      // The ornament goes just before the first line, so the text reads "> first words…".
      if (k === 0 && u.marker) ops.unshift(lineOp(u.marker.line, u.marker.style, grid.colX[c]!, y, u.role, struct));
      placed.push({ col: c, slot: s + i, ops, bookmarks: [], float: false });
    }
  };
  // A block at grid line s of column c, with `run` free lines there: placed, deferred (a float that
  // does not fit) or moved past the run. A function of its own: its rarer outcomes are met pages
  // in, and V8 then recompiles this small function instead of the whole fill loop.
  const placeBlock = (c: number, s: number, run: number, u: BlockUnit): number => {
    const v = u.variants.find((w) => fits(c, s, w, st.unit) && keepOk(c, s + slotsOf(st.unit, w), st.unit));
    if (v) {
      const index = st.unit++;
      put(c, s, v, index);
      return nextFree(c, s + slotsOf(index, v));
    }
    if (u.float) {
      st.pending.push(st.unit);
      st.unit++;
      return s;
    }
    return nextFree(c, s + run);
  };

  if (fixedFloats) for (const f of fixedFloats) put(f.col, f.slot, f.variant, f.unit);
  if (fixed.size > 0) st.pending = st.pending.filter((i) => !fixed.has(i));

  for (let c = 0; c < cols; c++) {
    let s = placePending(c, nextFree(c, 0));
    while (s < limit(c) && st.unit < units.length) {
      if (fixed.has(st.unit)) {
        st.unit++;
        continue;
      }
      const u = units[st.unit]!;
      const run = freeRun(c, s);
      if (run === 0) {
        s = nextFree(c, s);
        continue;
      }
      if (u.kind === 'text') {
        const t = takeFor(units, st.unit, u.lines.length - st.line, run);
        if (t === 0) {
          s = nextFree(c, s + run);
          continue;
        }
        textLines[c]! += t;
        occ.fill(1, c * rows + s, c * rows + s + t);
        if (!measureOnly) placeLines(c, s, t, u);
        s = nextFree(c, s + t);
        st.line += t;
        if (st.line >= u.lines.length) {
          st.unit++;
          st.line = 0;
        }
        continue;
      }
      s = placeBlock(c, s, run, u);
    }
  }

  const heights = new Array<number>(cols);
  for (let c = 0; c < cols; c++) {
    let h = rows;
    while (h > 0 && !occ[c * rows + h - 1]) h--;
    heights[c] = h;
  }
  return { placed, end: st, heights, crossed, reserved, occ, textLines };
}
