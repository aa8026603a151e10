import LineBreaker from 'linebreak';
import { classOf, END_PROHIBITED, isCjk, NUMBER_SUFFIX, START_PROHIBITED } from './classes.js';

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
export function breakOpportunities(text: string, ends: UnitEnds): boolean[] {
  const uax = new Uint8Array(text.length + 1);
  const lb = new LineBreaker(text);
  for (let bk = lb.nextBreak(); bk; bk = lb.nextBreak()) uax[bk.position] = 1;
  const n = ends.length;
  const out = new Array<boolean>(n).fill(false);
  for (let k = 0; k < n - 1; k++) {
    const pos = ends[k]!;
    out[k] = allowed(text, pos, cpBefore(text, pos), cpAt(text, pos), uax[pos] === 1);
  }
  return out;
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
