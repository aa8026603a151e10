import { fillPage, isDone } from './flow.js';
import type { BlockUnit, BlockVariant, FillOptions, FixedFloat, FlowState, Grid, PageFill, Unit } from './types.js';

/**
 * Arrange and balance an article's last page (clreq: columns end level; any shortfall is
 * left at the foot of the rightmost columns, at most one line).
 *
 * The figures and panels still to come are placed first, each at the top or the foot of
 * the columns it spans, the foot being the balanced depth H rather than the page foot;
 * then the text flows around them with column limits H or H − 1. The smallest H with an
 * ordered, level page wins, floats side by side before floats stacked in the same
 * columns; a head may take one extra grid line of space above it when that is what makes
 * the page level. A float at the foot must have text right above it in every column it
 * spans (never an empty column over a picture), and floats stack only on floats of the
 * same columns, so none hangs mid-column.
 *
 * Trials only measure (no ops); the winner is filled once more with its ops. When no
 * arrangement is level (keep and widow rules), the one with the best score is used.
 */
export function balancePage(units: readonly Unit[], grid: Grid, reserved: number, start: FlowState, full: PageFill): PageFill {
  if (grid.columns === 1) return full;
  const key = shapeKey(units, grid, reserved, start);
  let decision = decisions.get(key);
  if (decision === undefined) {
    const opts = searchBalance(units, grid, reserved, start);
    decision = opts ? { ...opts, fixed: opts.fixed?.map((f) => ({ unit: f.unit, col: f.col, slot: f.slot, variant: (units[f.unit] as BlockUnit).variants.indexOf(f.variant) })) } : null;
    // A float set in a variant of its own (not one of the unit's) cannot be named again: not kept.
    if (!decision?.fixed?.some((f) => f.variant < 0)) remember(key, decision);
    return opts ? fillPage(units, grid, reserved, start, opts) : full;
  }
  if (!decision) return full;
  const opts: FillOptions = {};
  if (decision.limits) opts.limits = decision.limits;
  if (decision.grow !== undefined) opts.grow = decision.grow;
  if (decision.fixed) {
    const fixed: FixedFloat[] = [];
    for (const f of decision.fixed) {
      const u = units[f.unit];
      const variant = u?.kind === 'block' ? u.variants[f.variant] : undefined;
      // A decision read back from an earlier process that does not fit these units: search again.
      if (!variant) {
        decisions.delete(key);
        return balancePage(units, grid, reserved, start, full);
      }
      fixed.push({ unit: f.unit, col: f.col, slot: f.slot, variant });
    }
    opts.fixed = fixed;
  }
  return fillPage(units, grid, reserved, start, opts);
}

/** The decisions made so far, as plain data for the persistent cache (`build.ts`). */
export function balanceDecisions(): Array<[string, Decision]> {
  return [...decisions];
}

const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/** Decisions saved by an earlier process; anything not of their form is dropped, and this process's own are kept. */
export function restoreBalanceDecisions(saved: unknown): void {
  if (!Array.isArray(saved)) return;
  for (const entry of saved) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || decisions.has(entry[0])) continue;
    const d = entry[1] as Exclude<Decision, null> | null;
    const ok =
      d === null ||
      (typeof d === 'object' &&
        (d.limits === undefined || (Array.isArray(d.limits) && d.limits.every(isCount))) &&
        (d.grow === undefined || isCount(d.grow)) &&
        (d.fixed === undefined || (Array.isArray(d.fixed) && d.fixed.every((f) => f && [f.unit, f.col, f.slot, f.variant].every(isCount)))));
    if (ok) remember(entry[0], d);
  }
}

/** A balancing decision, with each fixed float's variant named by its index in the unit's variants. */
type Decision = null | { limits?: readonly number[]; grow?: number; fixed?: Array<{ unit: number; col: number; slot: number; variant: number }> };

/**
 * Decisions by the shape of what they balanced. The search reads nothing of the units but their
 * kinds, line counts, keep and split rules and block sizes (draw functions only run in the final
 * fill), so the same shape gets the same decision. A rebuild after an edit that left the last
 * page's line counts alone skips the search (thousands of trial fills).
 */
const decisions = new Map<string, Decision>();
const DECISIONS_KEPT = 500;

function remember(key: string, d: Decision): void {
  decisions.set(key, d);
  if (decisions.size > DECISIONS_KEPT) decisions.delete(decisions.keys().next().value!);
}

function shapeKey(units: readonly Unit[], grid: Grid, reserved: number, start: FlowState): string {
  const parts = [`${grid.columns}x${grid.lines}`, reserved, start.unit, start.line, start.pending.join(',')];
  for (const u of units) {
    if (u.kind === 'text') parts.push(`t${u.lines.length}${u.whole ? 'w' : ''}${u.keepWithPrev ?? ''}`);
    else parts.push(`b${u.float ? 'f' : ''}${u.keepNext}:${u.variants.map((v) => `${v.span}x${v.slots}`).join('/')}`);
  }
  return parts.join(';');
}

/** The options of the best arrangement of the last page, or null when none beats the plain fill. */
function searchBalance(units: readonly Unit[], grid: Grid, reserved: number, start: FlowState): FillOptions | null {
  const cols = grid.columns;
  const floats = floatsLeft(units, start);
  const heads = headsLeft(units, start);
  const flowArea = areaOfFlow(units, start, floats);
  const combos = arrangements(units, floats, cols);

  // Arrangements with the template's preferred spans first, narrower ones only when those fail.
  const ranks = [...new Set(combos.map((c) => c.reduce((a, p) => a + p.rank, 0)))].sort((a, b) => a - b);
  // Lower score first, then fewer floats stacked in one column.
  let best: { opts: FillOptions; score: number; stacked: number } | null = null;
  const better = (sc: number, st: number): boolean => !best || sc < best.score || (sc === best.score && st < best.stacked);
  for (const rank of ranks) for (const grow of [undefined, ...heads]) {
    const floor = grow === undefined ? 0 : GROW_COST;
    // A level page found here with floats stacked: the rest of this group may still hold
    // one with them side by side, but nothing of a later group (narrower, a grown head).
    let levelStacked: { opts: FillOptions; stacked: number } | null = null;
    const group = combos.filter((c) => c.reduce((a, p) => a + p.rank, 0) === rank);
    const tries = group.map((combo) => {
      const area = flowArea + (grow === undefined ? 0 : 1) + combo.reduce((a, p) => a + p.variant.span * p.variant.slots, 0);
      return { combo, low: reserved + Math.max(1, Math.ceil(area / cols)) };
    });
    const lowest = Math.min(...tries.map((t) => t.low));
    // Grid lines the flowing text and heads take at least (a grown head one more).
    const need = flowArea + (grow === undefined ? 0 : 1);
    for (let h = lowest; h <= Math.min(grid.lines, lowest + HEIGHT_RANGE); h++) {
      for (const t of tries) {
        if (h < t.low || h > t.low + HEIGHT_RANGE) continue;
        const fixed = resolve(t.combo, h, reserved, cols);
        if (!fixed) continue;
        const st = stacked(fixed, cols);
        if (levelStacked && st >= levelStacked.stacked) continue;
        for (const limits of levels(h, cols)) {
          // Columns with less room than the flowing content needs cannot end the article here: the
          // fill would only find that out (not done), so it is not made.
          if (room(limits, fixed, grid.lines, reserved) < need) continue;
          const opts: FillOptions = grow === undefined ? { limits, fixed } : { limits, fixed, grow };
          const f = fillPage(units, grid, reserved, start, opts, true);
          if (!isDone(f.end, units)) continue;
          const sc = score(f, fixed, grid, reserved) + floor;
          if (sc === floor) {
            if (st === 0) return opts;
            levelStacked = { opts, stacked: st };
            break;
          }
          if (better(sc, st)) best = { opts, score: sc, stacked: st };
        }
      }
    }
    if (levelStacked) return levelStacked.opts;
  }
  return best ? (best as { opts: FillOptions }).opts : null;
}

/** Grid lines under `limits`, below the reserved ones, that the fixed floats leave to the flow. */
export function room(limits: readonly number[], fixed: readonly FixedFloat[], rows: number, reserved: number): number {
  let n = 0;
  for (let c = 0; c < limits.length; c++) n += Math.max(0, Math.min(rows, limits[c]!) - reserved);
  for (const f of fixed) {
    for (let c = f.col; c < f.col + f.variant.span; c++) {
      const top = Math.max(f.slot, reserved);
      const bottom = Math.min(f.slot + f.variant.slots, rows, limits[c]!);
      if (bottom > top) n -= bottom - top;
    }
  }
  return n;
}

/**
 * Columns holding more than one float. Two floats stacked in the same columns leave those
 * a stub of text over a tall block while others run full: side by side reads better.
 */
function stacked(fixed: readonly FixedFloat[], cols: number): number {
  const n = Array.from({ length: cols }, () => 0);
  for (const p of fixed) for (let c = p.col; c < p.col + p.variant.span; c++) n[c]!++;
  return n.filter((k) => k > 1).length;
}

/** Depths tried above the smallest possible one (keep and widow rules may need a little more). */
const HEIGHT_RANGE = 3;
/** A grown head is a small blemish: used only when nothing level exists without one. */
const GROW_COST = 1;
/** Most float arrangements tried per page (the product of each float's choices is cut here). */
const MAX_ARRANGEMENTS = 240;

/** A float's place on the last page before the depth is known. */
interface Choice {
  unit: number;
  variant: BlockVariant;
  /** Index of the variant: 0 is the template's preferred span. */
  rank: number;
  col: number;
  at: 'top' | 'foot';
}

/**
 * Lower is better; 0 is a level page. Spread beyond one line, an unordered page (a longer
 * column right of a shorter one), and a foot float with empty space above it all count.
 */
export function score(f: PageFill, fixed: readonly FixedFloat[], grid: Grid, reserved: number): number {
  const hs = f.heights;
  const spread = Math.max(...hs) - Math.min(...hs);
  const ordered = hs.every((h, i) => i === 0 || h <= hs[i - 1]!);
  let empty = 0;
  for (const p of fixed) {
    if (p.slot <= reserved) continue;
    for (let c = p.col; c < p.col + p.variant.span; c++) if (!f.occ[c * grid.lines + p.slot - 1]) empty++;
  }
  // A column without any text on a page that has text is as bad as an empty one above a float.
  const bare = f.textLines.filter((n) => n === 0).length;
  return (spread <= 1 ? 0 : spread * 10) + (ordered ? 0 : 15) + 100 * empty + 40 * bare;
}

/**
 * Column limits for depth h: first the level patterns (the first k columns h, the rest
 * h − 1), then ceilings down to h − 2, since a limit is a ceiling: widow and keep rules may
 * end a column early, and a later column then needs the higher limit.
 */
function levels(h: number, cols: number): readonly (readonly number[])[] {
  const key = h * 64 + cols;
  let out = levelsMemo.get(key);
  if (!out) levelsMemo.set(key, (out = makeLevels(h, cols)));
  return out;
}

/** The patterns by depth and column count (the search asks for the same ones at every float arrangement; nobody changes them). */
const levelsMemo = new Map<number, readonly (readonly number[])[]>();

function makeLevels(h: number, cols: number): number[][] {
  const out: number[][] = [];
  for (let k = cols; k >= 1; k--) out.push(Array.from({ length: cols }, (_, c) => (c < k ? h : h - 1)));
  // Then every ceiling from h down to h − 2 for the columns after the first (which is h), in the
  // order of a depth-first walk that tries the higher ceiling first: column 1's choice varies
  // slowest. Digit d of a column stands for h − d. The level patterns above are those whose digits
  // run 0…0 1…1, and are not made twice.
  const free = cols - 1;
  const digits = new Array<number>(free).fill(0);
  for (let n = 0, count = 3 ** free; n < count; n++) {
    let level = true;
    for (let j = 1; j < free && level; j++) if (digits[j]! < digits[j - 1]! || digits[j]! === 2 || digits[j - 1]! === 2) level = false;
    if (free > 0 && digits[0] === 2) level = false;
    if (!level) out.push([h, ...digits.map((d) => h - d)]);
    // Next combination: the last column changes fastest.
    for (let j = free - 1; j >= 0; j--) {
      if (++digits[j]! < 3) break;
      digits[j] = 0;
    }
  }
  return out;
}

/** Floats not yet placed: those waiting, then those still ahead in the flow. */
export function floatsLeft(units: readonly Unit[], start: FlowState): number[] {
  const out = [...start.pending];
  for (let i = start.unit; i < units.length; i++) {
    const u = units[i]!;
    if (u.kind === 'block' && u.float && !out.includes(i)) out.push(i);
  }
  return out;
}

/** Heads still ahead: candidates for one extra grid line above. */
function headsLeft(units: readonly Unit[], start: FlowState): number[] {
  const out: number[] = [];
  for (let i = start.unit; i < units.length; i++) {
    const u = units[i]!;
    if (u.kind === 'block' && !u.float) out.push(i);
  }
  return out;
}

/** Grid lines the flowing content (text and heads, not floats) takes. */
function areaOfFlow(units: readonly Unit[], start: FlowState, floats: readonly number[]): number {
  let n = 0;
  for (let i = start.unit; i < units.length; i++) {
    if (floats.includes(i)) continue;
    const u = units[i]!;
    n += u.kind === 'text' ? u.lines.length - (i === start.unit ? start.line : 0) : Math.min(...u.variants.map((v) => v.slots * v.span));
  }
  return n;
}

/** Every way to put each float at the top or foot of some columns, preferred ones first. */
function arrangements(units: readonly Unit[], floats: readonly number[], cols: number): Choice[][] {
  const per = floats.map((i) => {
    const u = units[i] as BlockUnit;
    const out: Choice[] = [];
    u.variants.forEach((variant, rank) => {
      // Feet before tops, right before left: the picture closes the page where the text ends.
      for (const at of ['foot', 'top'] as const) for (let col = cols - variant.span; col >= 0; col--) out.push({ unit: i, variant, rank, col, at });
    });
    return out;
  });
  let combos: Choice[][] = [[]];
  for (const options of per) {
    const next: Choice[][] = [];
    for (const c of combos) for (const o of options) if (next.length < MAX_ARRANGEMENTS) next.push([...c, o]);
    combos = next;
  }
  return combos;
}

/** Grid lines for each choice at depth h (floats at one end stack in order); null if they collide. */
function resolve(combo: readonly Choice[], h: number, reserved: number, cols: number): FixedFloat[] | null {
  const topUsed = Array.from({ length: cols }, () => reserved);
  const footUsed = Array.from({ length: cols }, () => h);
  const out: FixedFloat[] = [];
  for (const p of combo) {
    const span = Array.from({ length: p.variant.span }, (_, j) => p.col + j);
    // A float stacks on another only where that one spans exactly the same level in every
    // column: over a shorter stack it would hang mid-column, with text above and below it.
    const used = p.at === 'top' ? topUsed : footUsed;
    const level = used[p.col]!;
    if (span.some((c) => used[c] !== level)) return null;
    const slot = p.at === 'top' ? level : level - p.variant.slots;
    for (const c of span) used[c] = p.at === 'top' ? slot + p.variant.slots : slot;
    if (slot < reserved) return null;
    out.push({ unit: p.unit, variant: p.variant, col: p.col, slot });
  }
  for (let c = 0; c < cols; c++) if (topUsed[c]! > footUsed[c]!) return null;
  return out;
}
