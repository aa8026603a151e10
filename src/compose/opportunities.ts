import LineBreaker from 'linebreak';
import { classOf, END_PROHIBITED, isCjk, isSettledIdeograph, NUMBER_SUFFIX, START_PROHIBITED } from './classes.js';

/** Unit boundaries of a paragraph: `ends[k]` is the UTF-16 offset where unit k ends (the next starts). */
export type UnitEnds = ArrayLike<number>;

/** Code points of a string's characters (the rules below compare numbers, not one-character strings). */
const codePoints = (chars: Iterable<string>): Set<number> => new Set([...chars].map((c) => c.codePointAt(0)!));

const CURLY_QUOTES = codePoints('“”‘’');
/** Doubled marks that form one unbreakable 2-em unit (clreq `#h-unbreakable_marks_punctuation`). */
const DOUBLED = codePoints('—―⸺…⋯');
const RANGE = codePoints('～〜–—-');
/** Hyphen-minus, hyphen and non-breaking hyphen. */
const HYPHENS = codePoints('-\u2010\u2011');
const NO_START = codePoints(START_PROHIBITED);
const NO_END = codePoints(END_PROHIBITED);
const SUFFIX = codePoints(NUMBER_SUFFIX);
const EM_DASHES = codePoints('—―');

const isDigit = (cp: number): boolean => (cp >= 0x30 && cp <= 0x39) || (cp >= 0xff10 && cp <= 0xff19);
const isLetterOrDigit = (cp: number): boolean => cp >= 0 && /[\p{L}\p{N}]/u.test(String.fromCodePoint(cp));

/**
 * Where a line may end: `result[k]` is true when a break after unit k (before unit k+1) is allowed.
 * UAX #14 (the `linebreak` package) gives the base opportunities, tailored for GB text:
 * - curly quotes are opening/closing marks, not UAX QU (which glues both sides; Typst does the same);
 * - between two CJK characters a break is allowed unless kinsoku forbids it (so `……` may start a line, clreq basic);
 * - GB法 kinsoku: START_PROHIBITED never starts a line, END_PROHIBITED never ends one, a single `—` never starts one;
 * - `——` and `……` are never split; Latin words, acronyms and numbers are never split;
 * - house rule: a number and a following 万/亿 stay together, and so do the ends of a range `3～5`.
 */
export function breakOpportunities(text: string, ends: UnitEnds, options: { exhaustive?: boolean } = {}): boolean[] {
  // `exhaustive` (tests): the breaker over the whole text and the rules at every position, the
  // reference the short cuts below must match.
  const exhaustive = options.exhaustive === true;
  const uax = exhaustive ? uaxWhole(text) : uaxBreaks(text);
  const n = ends.length;
  const out = new Array<boolean>(n).fill(false);
  for (let k = 0; k < n - 1; k++) {
    const pos = ends[k]!;
    const a = cpBefore(text, pos);
    const b = cpAt(text, pos);
    // Between two ideographs a break is always allowed (both CJK, neither a mark, a dash nor a
    // digit): the rules would say so after a dozen lookups, at most positions of Chinese text.
    out[k] = (!exhaustive && isSettledIdeograph(a) && isSettledIdeograph(b)) || allowed(text, pos, a, b, uax[pos] === 1);
  }
  return out;
}

/**
 * UAX #14's opportunities (`linebreak`), as 1 at their UTF-16 offsets. The breaker is run only over
 * the stretches where the rules above read them: a position between two CJK characters takes a break
 * whatever UAX #14 says. Between two ideographs its state is the same as at a text's start (the pair
 * table's current class is ID, and the ZWJ, hyphen and regional-indicator flags are clear), so a
 * stretch cut there and run on its own gives the breaks the whole text would. This skips the
 * breaker's per-character work for most of a Chinese paragraph; a test compares it with one run
 * over the whole text.
 */
function uaxBreaks(text: string): Uint8Array {
  const uax = new Uint8Array(text.length + 1);
  let from = 0;
  let needed = false;
  let prevIdeograph = false;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const ideograph = isSettledIdeograph(cp);
    if (ideograph && prevIdeograph) {
      if (needed) markUax(text, from, i, uax);
      from = i;
      needed = false;
    } else if (!ideograph && !needed) {
      // A stretch of CJK characters (ideographs and their punctuation) needs no UAX #14.
      needed = CURLY_QUOTES.has(cp) ? false : !isCjk(classOf(cp));
    }
    prevIdeograph = ideograph;
    i += cp > 0xffff ? 2 : 1;
  }
  if (needed) markUax(text, from, text.length, uax);
  return uax;
}

function uaxWhole(text: string): Uint8Array {
  const uax = new Uint8Array(text.length + 1);
  markUax(text, 0, text.length, uax);
  return uax;
}

function markUax(text: string, from: number, to: number, uax: Uint8Array): void {
  const lb = new LineBreaker(from === 0 && to === text.length ? text : text.slice(from, to));
  for (let bk = lb.nextBreak(); bk; bk = lb.nextBreak()) uax[from + bk.position] = 1;
}

/** Whether a line may break at `pos`, between code points `a` and `b`. */
function allowed(text: string, pos: number, a: number, b: number, uax: boolean): boolean {
  const ca = classOf(a);
  const cb = classOf(b);
  let ok = uax;
  if (CURLY_QUOTES.has(a) || CURLY_QUOTES.has(b) || (isCjk(ca) && isCjk(cb))) ok = true;
  if (!ok) return false;
  if (NO_START.has(b) || NO_END.has(a)) return false;
  if (DOUBLED.has(a) && DOUBLED.has(b)) return false;
  // A single dash (一字线, 北京—上海) is a connector: it may not start a line.
  if (EM_DASHES.has(b) && cpAt(text, pos + 1) !== b) return false;
  if (ca === 'latin' && cb === 'latin') return false;
  const beforeA = pos - (a > 0xffff ? 2 : 1);
  // A hyphenated compound or name (Montgomery-Fitzgerald, COVID-19) is one word: readers take a break
  // after its hyphen for a hyphenation and search for the halves.
  if (HYPHENS.has(a) && isLetterOrDigit(b) && isLetterOrDigit(cpBefore(text, beforeA))) return false;
  if (isDigit(a) && SUFFIX.has(b)) return false;
  // A range between numbers (3～5, 10—20) reads as one number.
  if (RANGE.has(a) && isDigit(b) && isDigit(cpBefore(text, beforeA))) return false;
  return true;
}

/** The code point at `pos`; -1 past the end. */
function cpAt(text: string, pos: number): number {
  return text.codePointAt(pos) ?? -1;
}

/** The code point that ends at `pos` (a surrogate pair read whole); -1 at the start. */
function cpBefore(text: string, pos: number): number {
  if (pos <= 0) return -1;
  const lo = text.charCodeAt(pos - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && pos >= 2) return text.codePointAt(pos - 2)!;
  return lo;
}
