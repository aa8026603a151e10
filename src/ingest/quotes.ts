import { isHan } from './chars.js';

/**
 * Which way each ASCII `"` of a paragraph turns. Alternation (open, close, open…) breaks
 * in extracted copy: one quote whose partner went to another column flips every later
 * pair (002: 从”经验决策“到…). Instead every assignment is scored and the cheapest kept:
 * pairs are short and hold no sentence end, the marks around a quote say which way it
 * faces, and, as a cut leaves at most one orphan per paragraph, at most one stays
 * unmatched. A small dynamic programme over the quotes finds the optimum.
 */

export type QuoteDir = 'open' | 'close';

export interface QuotePairing {
  /** Direction of each ASCII quote, in text order. */
  dirs: QuoteDir[];
  /** Indices (into `dirs`) of quotes left without a partner. */
  unmatched: number[];
}

/** Cost of a direction the context rules out: a paragraph never starts with ” nor ends with “. */
const IMPOSSIBLE = 10_000;
/** Cost of a direction the neighbouring marks argue against (“，” after a quote closes it). */
const UNLIKELY = 50;
/** Cost of a sentence end inside a quoted span (not counting one right before the closing mark). */
const SENTENCE_INSIDE = 40;
/** Cost of a clause mark (，；：) inside a quoted span: quoted terms are mostly phrases. */
const CLAUSE_INSIDE = 4;
/** Cost of each unmatched quote: two orphans (师课堂"" … ""融合, a line cut at both ends) beat a pairing every mark argues against. */
const ORPHAN = 60;

/** Where an orphan sits: a lost opening half lies before the text, a lost closing half after it. */
const EDGE_LEAN = 2;
/** Characters (prepositions, copulas) after which a quote more often opens: 以“急用先行”, 从“经验决策”. */
const INTRODUCERS = new Set([...'以从到把将对向称叫作是即由']);

/** After these a quote opens (GB/T 15834: a quotation follows a colon, comma, bracket…). */
const OPENS_AFTER = new Set(['：', '，', '、', '；', '（', '《', '【', '—', ':', ',', ';', '(', '“', '‘']);
/** A sentence end before a quote: “…。”北碚区 closes as often as 。“下一句 opens; a slight lean to open. */
const SENTENCE_MARK = new Set(['。', '！', '？', '!', '?']);
const CLAUSE_MARK = new Set(['，', '；', '：', ',', ';', ':']);
/** Before these a quote closes. */
const CLOSES_BEFORE = new Set(['，', '。', '、', '；', '：', '！', '？', '）', '》', '…', '—', ',', ';', ':', '!', '?', ')', '.', '”', '’']);

function neighbour(chars: readonly string[], i: number, d: -1 | 1): string {
  for (let j = i + d; j >= 0 && j < chars.length; j += d) {
    if (chars[j] !== ' ') return chars[j]!;
  }
  return '';
}

/** What the neighbours of the quote at `i` say about each direction, as costs. */
function contextCost(chars: readonly string[], i: number): Record<QuoteDir, number> {
  const prev = neighbour(chars, i, -1);
  const next = neighbour(chars, i, 1);
  const cost = { open: 0, close: 0 };
  if (prev === '') cost.close += IMPOSSIBLE;
  if (next === '') cost.open += IMPOSSIBLE;
  if (prev === '"') cost.close += UNLIKELY; // "名校长+""名师+": the second of two opens
  if (next === '"') cost.open += UNLIKELY; // …and the first closes
  if (OPENS_AFTER.has(prev)) cost.close += UNLIKELY;
  if (INTRODUCERS.has(prev)) cost.close += 2;
  if (SENTENCE_MARK.has(prev) && next !== '' && !CLOSES_BEFORE.has(next)) cost.close += 5;
  if (CLOSES_BEFORE.has(next) && prev !== '' && !OPENS_AFTER.has(prev)) cost.open += UNLIKELY;
  // A quote between a Han character and a mark that can only follow text: closing for sure.
  if (isHan(prev) && CLOSES_BEFORE.has(next)) cost.open += UNLIKELY;
  return cost;
}

/** Cost of quoting chars (a, b) exclusive: its length, and more for each sentence end inside. */
function spanCost(chars: readonly string[], a: number, b: number): number {
  let cost = b - a - 1;
  let last = b - 1;
  while (last > a && chars[last] === ' ') last--;
  for (let k = a + 1; k < b; k++) {
    if (SENTENCE_MARK.has(chars[k]!) && k !== last) cost += SENTENCE_INSIDE;
    else if (CLAUSE_MARK.has(chars[k]!)) cost += CLAUSE_INSIDE;
  }
  return cost;
}

interface State {
  cost: number;
  /** Position (in chars) of the quote now open, or -1. */
  open: number;
  orphans: number;
  dirs: QuoteDir[];
  unmatched: number[];
}

function solve(chars: readonly string[], at: readonly number[], maxOrphans: number): State | undefined {
  // States keyed by (open or not, orphans used); each keeps its cheapest history.
  const n = chars.length;
  let states: State[] = [{ cost: 0, open: -1, orphans: 0, dirs: [], unmatched: [] }];
  const openIndex = (s: State): number => s.dirs.length - 1 - [...s.dirs].reverse().indexOf('open');
  for (let qi = 0; qi < at.length; qi++) {
    const i = at[qi]!;
    const ctx = contextCost(chars, i);
    const next: State[] = [];
    for (const s of states) {
      if (s.open < 0) {
        next.push({ cost: s.cost + ctx.open, open: i, orphans: s.orphans, dirs: [...s.dirs, 'open'], unmatched: s.unmatched });
        // A closing quote whose opening half was cut off.
        if (s.orphans < maxOrphans) next.push({ cost: s.cost + ctx.close + EDGE_LEAN * (i / n), open: -1, orphans: s.orphans + 1, dirs: [...s.dirs, 'close'], unmatched: [...s.unmatched, qi] });
      } else {
        next.push({ cost: s.cost + ctx.close + spanCost(chars, s.open, i), open: -1, orphans: s.orphans, dirs: [...s.dirs, 'close'], unmatched: s.unmatched });
        // The quote now open loses its partner; this one opens anew.
        if (s.orphans < maxOrphans) next.push({ cost: s.cost + ctx.open + EDGE_LEAN * (1 - s.open / n), open: i, orphans: s.orphans + 1, dirs: [...s.dirs, 'open'], unmatched: [...s.unmatched, openIndex(s)] });
      }
    }
    const best = new Map<string, State>();
    for (const s of next) {
      const key = `${s.open < 0 ? 0 : 1}/${s.orphans}`;
      const had = best.get(key);
      if (!had || s.cost < had.cost) best.set(key, s);
    }
    states = [...best.values()];
  }
  let winner: State | undefined;
  for (const s of states) {
    const end = s.open < 0 ? s : s.orphans < maxOrphans ? { ...s, cost: s.cost + EDGE_LEAN * (1 - s.open / n), orphans: s.orphans + 1, unmatched: [...s.unmatched, openIndex(s)] } : undefined;
    if (!end) continue;
    const cost = end.cost + ORPHAN * end.orphans;
    if (!winner || cost < winner.cost) winner = { ...end, cost };
  }
  return winner;
}

/** Directions for the ASCII quotes of one paragraph. */
export function pairQuotes(text: string): QuotePairing {
  const chars = [...text];
  const at = chars.flatMap((c, i) => (c === '"' ? [i] : []));
  if (at.length === 0) return { dirs: [], unmatched: [] };
  // At most one orphan as a rule; two only when that is cheaper even at their price.
  const one = solve(chars, at, 1);
  const two = solve(chars, at, 2);
  const best = !one || (two && two.cost < one.cost) ? two! : one;
  return { dirs: best.dirs, unmatched: [...best.unmatched].sort((a, b) => a - b) };
}

/** ASCII double quotes → “ ” by `pairQuotes`; text without Han is left alone (an English quotation keeps "). */
export function curlQuotes(s: string): string {
  if (!s.includes('"') || ![...s].some(isHan)) return s;
  const { dirs } = pairQuotes(s);
  let k = 0;
  return s.replace(/"/g, () => (dirs[k++] === 'open' ? '“' : '”'));
}

/** Excerpts around the ASCII quotes `pairQuotes` left unmatched, for the editor's notes. */
export function orphanQuotes(text: string): string[] {
  const { unmatched } = pairQuotes(text);
  if (unmatched.length === 0) return [];
  const chars = [...text];
  const at = chars.flatMap((c, i) => (c === '"' ? [i] : []));
  const curled = [...curlQuotes(text)];
  return unmatched.map((u) => {
    const i = at[u]!;
    return curled.slice(Math.max(0, i - 6), i + 7).join('').replace(/ /g, '');
  });
}
