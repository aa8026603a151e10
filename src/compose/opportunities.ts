import LineBreaker from 'linebreak';
import { classOf, END_PROHIBITED, isCjk, NUMBER_SUFFIX, START_PROHIBITED } from './classes.js';

/** Unit boundaries of a paragraph: `ends[k]` is the UTF-16 offset where unit k ends (the next starts). */
export type UnitEnds = ArrayLike<number>;

const CURLY_QUOTES = new Set([...'“”‘’']);
/** Doubled marks that form one unbreakable 2-em unit (clreq `#h-unbreakable_marks_punctuation`). */
const DOUBLED = new Set([...'—―⸺…⋯']);
const DIGIT = /[0-9０-９]/;
const RANGE = new Set([...'～〜–—-']);

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
    const a = charBefore(text, pos);
    const b = charAt(text, pos);
    out[k] = allowed(text, pos, a, b, uax[pos] === 1);
  }
  return out;
}

/** Hyphen-minus, hyphen and non-breaking hyphen. */
const HYPHENS = new Set(['-', '\u2010', '\u2011']);

function allowed(text: string, pos: number, a: string, b: string, uax: boolean): boolean {
  const ca = classOf(a.codePointAt(0)!);
  const cb = classOf(b.codePointAt(0)!);
  let ok = uax;
  if (CURLY_QUOTES.has(a) || CURLY_QUOTES.has(b) || (isCjk(ca) && isCjk(cb))) ok = true;
  if (!ok) return false;
  if (START_PROHIBITED.has(b) || END_PROHIBITED.has(a)) return false;
  if (DOUBLED.has(a) && DOUBLED.has(b)) return false;
  // A single dash (一字线, 北京—上海) is a connector: it may not start a line.
  if ((b === '—' || b === '―') && charAt(text, pos + 1) !== b) return false;
  if (ca === 'latin' && cb === 'latin') return false;
  // A hyphenated compound or name (Montgomery-Fitzgerald, COVID-19) is one word: readers take a break
  // after its hyphen for a hyphenation and search for the halves.
  if (HYPHENS.has(a) && /[\p{L}\p{N}]/u.test(b) && /[\p{L}\p{N}]/u.test(charBefore(text, pos - a.length))) return false;
  if (DIGIT.test(a) && NUMBER_SUFFIX.has(b)) return false;
  // A range between numbers (3～5, 10—20) reads as one number.
  if (RANGE.has(a) && DIGIT.test(b) && DIGIT.test(charBefore(text, pos - a.length))) return false;
  return true;
}

function charAt(text: string, pos: number): string {
  const cp = text.codePointAt(pos);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

function charBefore(text: string, pos: number): string {
  const lo = text.charCodeAt(pos - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && pos >= 2) return text.slice(pos - 2, pos);
  return text.slice(pos - 1, pos);
}
