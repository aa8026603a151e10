/**
 * Line breaking for display lines (heads, titles, subtitles, kickers): they are read as
 * phrases, so a break belongs where a phrase ends, never inside 「百花齐放」 or a quoted
 * 软实力. Pure: the caller gives measured units and the measure; no fonts, no layout.
 *
 * Rules (newspaper practice for 标题 and 小标题, clreq's line breaking rules):
 * - phrase boundaries are word spaces, the place after a closing quote or bracket or a
 *   点号 (，。、；：？！), and the place before an opening quote or bracket, all outside any
 *   quotation or title marks;
 * - a line ends at a phrase boundary whenever one fits; only when none fits may it end at
 *   any allowed break (the caller's kinsoku opportunities);
 * - as few lines as that allows, then balanced lengths: the sum of squared slack is least,
 *   and a line of one or two characters under a long one is all but forbidden.
 */

/** What the breaker needs of one unbreakable unit (compose's units fit this shape). */
export interface DisplayUnit {
  /** Source text of the unit. */
  text: string;
  /** Natural width and the glue after it, in pt. */
  width: number;
  gap: number;
  /** Width lost at a line start / a line end (punctuation blanks, a trailing space). */
  startTrim: number;
  endTrim: number;
  /** Infinity where no break is allowed after the unit (kinsoku, unsplittable runs). */
  penalty: number;
}

/** One line: units start..end inclusive. */
export interface DisplayLine {
  start: number;
  end: number;
}

const OPEN = new Set([...'“‘「『《〈（([【〔［｛']);
const CLOSE = new Set([...'”’」』》〉）)]】〕］｝']);
/** 点号: marks that end a phrase (the pause marks of GB/T 15834). */
const PAUSE = new Set([...'，。、；：？！,;:?!']);
const SPACE = /^[\s\u3000]+$/;

/** Demerits for a line of one or two characters when the text takes more than one line. */
const STUB = 1e4;

/**
 * `result[k]` is true when a break after unit k is a phrase boundary. Depth counts open
 * quotation and title marks, so boundaries inside “百花齐放” or 《…》 do not count.
 */
export function phraseBoundaries(units: readonly Pick<DisplayUnit, 'text'>[]): boolean[] {
  const out = new Array<boolean>(units.length).fill(false);
  let depth = 0;
  const depthAfter: number[] = [];
  for (const u of units) {
    for (const ch of u.text) {
      if (OPEN.has(ch)) depth++;
      else if (CLOSE.has(ch)) depth = Math.max(0, depth - 1);
    }
    depthAfter.push(depth);
  }
  for (let k = 0; k < units.length - 1; k++) {
    if (depthAfter[k] !== 0) continue;
    const here = units[k]!.text;
    const next = units[k + 1]!.text;
    const last = here.slice(-1);
    const first = next.slice(0, 1);
    // A line never starts with a space: the boundary is after the space, not before it.
    if (SPACE.test(next)) continue;
    out[k] = SPACE.test(here) || CLOSE.has(last) || PAUSE.has(last) || OPEN.has(first);
  }
  return out;
}

/** Natural width of units a..b set as one line. */
function lineWidth(units: readonly DisplayUnit[], a: number, b: number): number {
  let w = 0;
  for (let i = a; i <= b; i++) w += units[i]!.width + (i < b ? units[i]!.gap : 0);
  return w - units[a]!.startTrim - units[b]!.endTrim;
}

/** Characters that show on a line (spaces and marks are not counted as characters). */
function visible(units: readonly DisplayUnit[], a: number, b: number): number {
  let n = 0;
  for (let i = a; i <= b; i++) for (const ch of units[i]!.text) if (!SPACE.test(ch) && !OPEN.has(ch) && !CLOSE.has(ch) && !PAUSE.has(ch)) n++;
  return n;
}

/**
 * Choose display lines. `measures[i]` is line i's measure (the last entry repeats).
 * Returns null when some unit is wider than the measure (the caller falls back).
 */
export function breakDisplay(units: readonly DisplayUnit[], measures: readonly number[]): DisplayLine[] | null {
  const n = units.length;
  if (n === 0) return [];
  const measureOf = (line: number): number => measures[Math.min(line, measures.length - 1)]!;
  const phrase = phraseBoundaries(units);
  if (lineWidth(units, 0, n - 1) <= measureOf(0) + 1e-6) return [{ start: 0, end: n - 1 }];

  // best[a][line]: fewest lines, then least cost, for units a..n-1 starting as line `line`.
  // Measures only differ for the first line, so line index 0 vs ≥ 1 is all the state needed.
  type Best = { lines: number; cost: number; end: number } | null;
  const memo = new Map<number, Best>();
  const solve = (a: number, line: number): Best => {
    const key = a * 2 + (line === 0 ? 0 : 1);
    if (memo.has(key)) return memo.get(key)!;
    const m = measureOf(line);
    const ends: number[] = [];
    let anyPhrase = false;
    for (let b = a; b < n; b++) {
      if (lineWidth(units, a, b) > m + 1e-6) break;
      if (b === n - 1) ends.push(b);
      else if (units[b]!.penalty !== Infinity) {
        ends.push(b);
        if (phrase[b]) anyPhrase = true;
      }
    }
    let best: Best = null;
    for (const b of ends) {
      // Ends inside a phrase are allowed only when no phrase boundary fits on this line.
      if (b < n - 1 && anyPhrase && !phrase[b]) continue;
      const slack = (m - lineWidth(units, a, b)) / m;
      const stub = visible(units, a, b) <= 2 ? STUB : 0;
      let lines = 1;
      let cost = slack * slack * 100 + stub;
      if (b < n - 1) {
        const rest = solve(b + 1, line + 1);
        if (!rest) continue;
        lines += rest.lines;
        cost += rest.cost;
      }
      if (!best || lines < best.lines || (lines === best.lines && cost < best.cost - 1e-9)) best = { lines, cost, end: b };
    }
    memo.set(key, best);
    return best;
  };

  if (!solve(0, 0)) return null;
  const out: DisplayLine[] = [];
  for (let a = 0, line = 0; a < n; line++) {
    const b = solve(a, line)!.end;
    out.push({ start: a, end: b });
    a = b + 1;
  }
  return out;
}

/**
 * True when a break between lines falls inside quotation or title marks (the head may
 * then be set a size smaller). `ends` are the UTF-16 offsets where each line but the last ends.
 */
export function breaksInsideQuote(text: string, ends: readonly number[]): boolean {
  let depth = 0;
  const at = new Set(ends);
  for (let i = 0; i < text.length; i++) {
    if (at.has(i) && depth > 0) return true;
    const ch = text[i]!;
    if (OPEN.has(ch)) depth++;
    else if (CLOSE.has(ch)) depth = Math.max(0, depth - 1);
  }
  return false;
}
