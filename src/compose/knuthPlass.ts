/**
 * The line breaker: a pure function over measured items, knowing no fonts or characters
 * (as bramstein/typeset and react-pdf's knuthPlass.ts). Total-fit (Knuth–Plass) over the allowed
 * breaks, with a first-fit fallback so a paragraph always comes out.
 */

/** One unbreakable unit (a character, a Latin word piece, `——`) and the glue after it. */
export interface BreakItem {
  /** Natural width of the unit, after fixed punctuation compression. */
  width: number;
  /** Natural width of the glue between this unit and the next; dropped when a line ends here. */
  gap: number;
  /** How much that glue may grow / shrink. */
  stretch: number;
  shrink: number;
  /** Cost of ending a line after this unit; `Infinity` forbids it. The last unit always ends a line. */
  penalty: number;
  /** Width the unit loses when it starts a line (opening mark's left blank, clreq line-start trimming). */
  startTrim: number;
  /** Width the unit loses when it ends a line (closing mark's right blank, GB/T 15834 §5.1.10; a space). */
  endTrim: number;
  /** Extra shrink available only when the unit ends a line (hanging punctuation). */
  endShrink: number;
  /** Han characters in the unit (orphan rule). */
  han: number;
}

/** One chosen line: units `start..end` inclusive and the adjustment ratio it needs. */
export interface BreakLine {
  start: number;
  end: number;
  /** >0: fraction of the line's stretch used; <0: of its shrink; 0 on a last line that fits. */
  ratio: number;
  /** Set short, not justified: no set of breaks could fill it without spreading it past `tolerance`. */
  ragged?: boolean;
}

export interface BreakOptions {
  /** Highest adjustment ratio accepted, one pass per entry, tried in order. */
  tolerances: number[];
  /** Lines need not fill the measure (start/center/end alignment): balance line lengths instead. */
  ragged: boolean;
  /** Demerits for a last line holding a single Han character (clreq 孤字不成行). */
  orphanDemerits: number;
  /** Knuth–Plass line penalty: favours fewer lines. */
  linePenalty: number;
  /** Demerits when consecutive lines differ a lot in tightness (loose next to tight). */
  fitnessDemerits: number;
  /**
   * Badness of a line left short on the last pass because filling it would spread it past the tolerance
   * (a narrow column and a long unbreakable name). Equal to the badness of r ≈ 2.7, i.e. ≈ 0.4 em between
   * Han characters: looser than that reads worse than one short line. It grows with the line's
   * shortfall, so one short line is never a lone character.
   */
  emergencyRaggedBadness: number;
}

/** Defaults for justified text. */
export const DEFAULT_BREAK_OPTIONS: BreakOptions = {
  // r ≤ 1 means no more than the declared stretch per gap (≈0.15 em); later passes accept looser lines.
  tolerances: [1, 3, 20],
  ragged: false,
  orphanDemerits: 1e8,
  linePenalty: 10,
  fitnessDemerits: 3000,
  emergencyRaggedBadness: 2000,
};

/**
 * The breaker's nodes (feasible breakpoints), as columns of typed arrays indexed by node number
 * rather than one object each: a paragraph makes up to four per character of Chinese text (one per
 * fitness class), about 100,000 a booklet, and as objects with two fractional fields they were a
 * tenth of what a build allocates. Grown as needed and kept for the process; a node lives only
 * during the pass that made it.
 */
class NodePool {
  start = new Int32Array(0);
  line = new Int32Array(0);
  fitness = new Int8Array(0);
  demerits = new Float64Array(0);
  ratio = new Float64Array(0);
  ragged = new Uint8Array(0);
  /** The node this one's line starts from; -1 for the paragraph start. */
  prev = new Int32Array(0);
  end = new Int32Array(0);
  /** Nodes of the current pass still usable, in the order they were made. */
  active = new Int32Array(0);

  /** Room for `count` nodes (what the arrays held is not kept: a pass starts with no nodes). */
  reserve(count: number): void {
    if (this.start.length >= count) return;
    const size = Math.max(count, this.start.length * 2, 1024);
    this.start = new Int32Array(size);
    this.line = new Int32Array(size);
    this.fitness = new Int8Array(size);
    this.demerits = new Float64Array(size);
    this.ratio = new Float64Array(size);
    this.ragged = new Uint8Array(size);
    this.prev = new Int32Array(size);
    this.end = new Int32Array(size);
    this.active = new Int32Array(size);
  }
}

const pool = new NodePool();

/** Measures lines over `items` in O(1) each through prefix sums. */
export class LineMeasure {
  /** Prefix sums of widths, gaps, stretch and shrink, and the Han count; `totalFit` reads them directly. */
  readonly w: Float64Array;
  readonly g: Float64Array;
  readonly st: Float64Array;
  readonly sh: Float64Array;
  readonly h: Int32Array;
  /** Each item's start trim (a line starting there loses it). */
  readonly startTrim: Float64Array;

  constructor(readonly items: readonly BreakItem[]) {
    const n = items.length;
    this.w = new Float64Array(n + 1);
    this.g = new Float64Array(n + 1);
    this.st = new Float64Array(n + 1);
    this.sh = new Float64Array(n + 1);
    this.h = new Int32Array(n + 1);
    this.startTrim = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const it = items[i]!;
      this.startTrim[i] = it.startTrim;
      this.w[i + 1] = this.w[i]! + it.width;
      this.g[i + 1] = this.g[i]! + it.gap;
      this.st[i + 1] = this.st[i]! + it.stretch;
      this.sh[i + 1] = this.sh[i]! + it.shrink;
      this.h[i + 1] = this.h[i]! + it.han;
    }
  }

  /** Natural width of a line of units a..b (inclusive), with line-edge trims. */
  natural(a: number, b: number): number {
    return this.w[b + 1]! - this.w[a]! + this.g[b]! - this.g[a]! - this.items[a]!.startTrim - this.items[b]!.endTrim;
  }

  stretch(a: number, b: number): number {
    return this.st[b]! - this.st[a]!;
  }

  shrink(a: number, b: number): number {
    return this.sh[b]! - this.sh[a]! + this.items[b]!.endShrink;
  }

  han(a: number, b: number): number {
    return this.h[b + 1]! - this.h[a]!;
  }
}

const widthOf = (lineWidths: readonly number[], line: number): number => lineWidths[Math.min(line, lineWidths.length - 1)]!;

/** Chooses line breaks for a paragraph. `lineWidths[i]` is the measure of line i (the last entry repeats). */
export function breakLines(items: readonly BreakItem[], lineWidths: readonly number[], options: Partial<BreakOptions> = {}): BreakLine[] {
  const opts = { ...DEFAULT_BREAK_OPTIONS, ...options };
  if (items.length === 0) return [];
  const m = new LineMeasure(items);
  for (const [pass, tol] of opts.tolerances.entries()) {
    const lines = totalFit(m, lineWidths, opts, tol, pass === opts.tolerances.length - 1);
    if (lines) return lines;
  }
  return firstFit(m, lineWidths);
}

/** One pass at tolerance `tol`; an orphan is accepted only on the `final` pass (looser lines elsewhere win). */
function totalFit(m: LineMeasure, lineWidths: readonly number[], opts: BreakOptions, tol: number, final: boolean): BreakLine[] | null {
  const items = m.items;
  const n = items.length;
  const maxEndShrink = items.reduce((x, it) => Math.max(x, it.endShrink), 0);
  const widths = lineWidths.length;
  // At most one new node per (line-width class, fitness class) at each breakpoint, plus the start;
  // new nodes are never of class 0 unless there is only one.
  pool.reserve(n * Math.max(1, widths - 1) * 4 + 1);
  const { start: nStart, line: nLine, fitness: nFitness, demerits: nDemerits, ratio: nRatio, ragged: nRagged, prev: nPrev, end: nEnd, active } = pool;
  nStart[0] = 0;
  nLine[0] = 0;
  nFitness[0] = 1;
  nDemerits[0] = 0;
  nRatio[0] = 0;
  nRagged[0] = 0;
  nPrev[0] = -1;
  nEnd[0] = -1;
  let made = 1;
  active[0] = 0;
  let activeCount = 1;
  // Best new node per (line-width class, fitness class): lines after the last distinct width are
  // interchangeable. Slots by key (-1: none yet), and the keys in the order first filled (ties go to
  // the earlier); reused for every breakpoint, since every character of Chinese text is one.
  const best = new Int32Array(widths * 4).fill(-1);
  const filled = new Int32Array(widths * 4);
  let filledCount = 0;
  // The measures of `LineMeasure` and `adjustment` written out here, in the same operations: this loop
  // runs for every active node at every breakpoint, and each call that returns a fraction would box it
  // (V8 compiles a short build without inlining; see bin/banmian.js).
  const { w, g, st, sh, startTrim } = m;
  const ragged = opts.ragged;
  // Read before the loop: a function a loop calls only on some passes is compiled without knowing it.
  const emergencyRatio = Math.cbrt(opts.emergencyRaggedBadness / 100);
  for (let b = 0; b < n; b++) {
    const last = b === n - 1;
    const penalty = last ? 0 : items[b]!.penalty;
    if (penalty === Infinity) continue;
    filledCount = 0;
    const itemB = items[b]!;
    const wEnd = w[b + 1]!;
    const gEnd = g[b]!;
    const endTrim = itemB.endTrim;
    const endShrink = itemB.endShrink;
    const shEnd = sh[b]!;
    const stEnd = st[b]!;
    // Nodes still usable stay in `active`, compacted in place.
    let kept = 0;
    const before = activeCount;
    for (let k = 0; k < before; k++) {
      const node = active[k]!;
      const a = nStart[node]!;
      const nodeLine = nLine[node]!;
      const lw = lineWidths[nodeLine < widths ? nodeLine : widths - 1]!;
      const nat = wEnd - w[a]! + gEnd - g[a]! - startTrim[a]! - endTrim;
      const shrink = shEnd - sh[a]! + endShrink;
      // Too long even fully shrunk (and hung): no later break can use this node either.
      if (nat - shrink - maxEndShrink > lw + 1e-9 && a < b) continue;
      active[kept++] = node;
      // Hanging costs nothing: a line that fits once its last mark hangs counts as a perfect fit.
      const hung = nat > lw ? Math.max(lw, nat - endShrink) : nat;
      let ratio: number;
      if (hung > lw + 1e-9) ratio = shrink - endShrink > 0 ? (lw - hung) / (shrink - endShrink) : -Infinity;
      else if (last || ragged) ratio = 0;
      else if (lw - hung < 1e-9) ratio = 0;
      else {
        const stretch = stEnd - st[a]!;
        ratio = stretch > 0 ? (lw - hung) / stretch : 1e6;
      }
      if (ratio < -1 - 1e-9) continue;
      // On the last pass a line too loose to justify may instead stay short (see emergencyRaggedBadness).
      const emergency = final && !ragged && !last && ratio > emergencyRatio;
      if (ratio > tol && !emergency) continue;
      // Ragged lines: the relative shortfall squared, not on the last line (computed for every line,
      // so the compiled loop has seen it whichever kind of paragraph comes first).
      const short = (lw - nat > 0 ? lw - nat : 0) / lw;
      const raggedBad = last ? 0 : 400 * short * short;
      const bad = emergency ? opts.emergencyRaggedBadness * (1 + 4 * ((lw - nat) / lw) ** 2) : ragged ? raggedBad : Math.min(100 * Math.abs(ratio) ** 3, 1e7);
      if (emergency) ratio = 0;
      const fitness = fitnessClass(ratio);
      let d = (opts.linePenalty + bad) ** 2;
      if (penalty > 0) d += penalty ** 2;
      else if (penalty < 0 && penalty > -Infinity) d -= penalty ** 2;
      if (Math.abs(fitness - nFitness[node]!) > 1 && nPrev[node]! >= 0) d += opts.fitnessDemerits;
      if (last && a > 0 && m.han(a, b) === 1) {
        if (!final) continue;
        d += opts.orphanDemerits;
      }
      const total = nDemerits[node]! + d;
      const key = Math.min(nodeLine + 1, widths - 1) * 4 + fitness;
      const cur = best[key]!;
      if (cur < 0) {
        filled[filledCount++] = key;
        // Typed arrays drop writes past their end: the bound above must hold, or the breaks are wrong.
        if (made === nStart.length) throw new Error('line breaker: node pool overrun');
        const id = made++;
        nStart[id] = b + 1;
        nLine[id] = nodeLine + 1;
        nFitness[id] = fitness;
        nDemerits[id] = total;
        nRatio[id] = ratio;
        nRagged[id] = emergency ? 1 : 0;
        nPrev[id] = node;
        nEnd[id] = b;
        best[key] = id;
      } else if (total < nDemerits[cur]!) {
        // This breakpoint's candidate, not yet seen by anything else: replaced in place.
        nLine[cur] = nodeLine + 1;
        nDemerits[cur] = total;
        nRatio[cur] = ratio;
        nRagged[cur] = emergency ? 1 : 0;
        nPrev[cur] = node;
      }
    }
    activeCount = kept;
    if (last) {
      let win = -1;
      for (let f = 0; f < filledCount; f++) {
        const id = best[filled[f]!]!;
        if (win < 0 || nDemerits[id]! < nDemerits[win]!) win = id;
      }
      return win >= 0 ? collect(win) : null;
    }
    for (let f = 0; f < filledCount; f++) {
      const key = filled[f]!;
      active[activeCount++] = best[key]!;
      best[key] = -1;
    }
    if (activeCount === 0) return null;
  }
  return null;
}

/** TeX's four fitness classes: tight, decent, loose, very loose. */
function fitnessClass(r: number): number {
  if (r < -0.5) return 0;
  if (r <= 0.5) return 1;
  if (r <= 1) return 2;
  return 3;
}

function collect(node: number): BreakLine[] {
  const { start, ratio, ragged, prev, end } = pool;
  const out: BreakLine[] = [];
  for (let nd = node; nd >= 0 && prev[nd]! >= 0; nd = prev[nd]!) {
    const from = start[prev[nd]!]!;
    out.push(ragged[nd] ? { start: from, end: end[nd]!, ratio: ratio[nd]!, ragged: true } : { start: from, end: end[nd]!, ratio: ratio[nd]! });
  }
  return out.reverse();
}

/** Greedy fallback: break at the last allowed point that fits; an overlong unit gets a line of its own. */
export function firstFit(m: LineMeasure, lineWidths: readonly number[]): BreakLine[] {
  const items = m.items;
  const n = items.length;
  const out: BreakLine[] = [];
  let a = 0;
  while (a < n) {
    const lw = widthOf(lineWidths, out.length);
    let end = -1;
    let firstBreak = -1;
    for (let b = a; b < n; b++) {
      const can = b === n - 1 || items[b]!.penalty < Infinity;
      if (!can) continue;
      if (firstBreak < 0) firstBreak = b;
      if (m.natural(a, b) - m.shrink(a, b) <= lw + 1e-9) end = b;
      else break;
    }
    if (end < 0) end = firstBreak < 0 ? n - 1 : firstBreak;
    const nat = m.natural(a, end);
    const ratio = nat > lw ? (m.shrink(a, end) > 0 ? Math.max(-1, (lw - nat) / m.shrink(a, end)) : -1) : end === n - 1 ? 0 : m.stretch(a, end) > 0 ? (lw - nat) / m.stretch(a, end) : 0;
    out.push({ start: a, end, ratio });
    a = end + 1;
  }
  return out;
}
