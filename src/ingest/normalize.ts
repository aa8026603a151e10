import { isCjk } from './chars.js';
import { curlQuotes } from './quotes.js';
import { unifyRadicals } from './radicals.js';

/**
 * Text normalization for one paragraph (already joined into one line). Pure and
 * table-driven: each rule is a named step applied in order. Composition takes the
 * result as is, so it must be final: full-width marks in Chinese text, no spurious
 * spaces (the ¼ em between Han and Latin is added later by composition).
 */

export interface NormalizeOptions {
  /** Keep single spaces between words: headlines use a space to separate their parts. */
  keepSpaces?: boolean;
}

interface Rule {
  name: string;
  apply: (s: string, opts: NormalizeOptions) => string;
}

/** Half-width marks and their full-width forms in Chinese context (GB/T 15834 §5: 全角). */
export const WIDTH_TABLE: Readonly<Record<string, string>> = {
  ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）',
};

/** Marks that stay half-width between two digits (1,000 and 10:30). */
const DIGIT_SEPARATORS = new Set([',', ':']);

/** Spaces of every kind that extraction leaves: NBSP, ideographic space, tabs. */
const ODD_SPACES = /[\t\u00A0\u2000-\u200B\u202F\u205F\u3000]/gu;

/** Neighbour of position i, skipping plain spaces, in direction d (-1 or +1). */
function neighbour(chars: string[], i: number, d: -1 | 1): string {
  for (let j = i + d; j >= 0 && j < chars.length; j += d) {
    if (chars[j] !== ' ') return chars[j]!;
  }
  return '';
}

const isDigit = (ch: string): boolean => ch >= '0' && ch <= '9';

function widenMarks(s: string): string {
  if (!/[,;:?!()]/.test(s)) return s;
  const chars = [...s];
  for (let i = 0; i < chars.length; i++) {
    const wide = WIDTH_TABLE[chars[i]!];
    if (!wide) continue;
    const prev = neighbour(chars, i, -1);
    const next = neighbour(chars, i, 1);
    if (DIGIT_SEPARATORS.has(chars[i]!) && isDigit(prev) && isDigit(next) && chars[i + 1] !== ' ') continue;
    // A bracket is Chinese when its content or its outside neighbour is; other marks look at either side.
    if (isCjk(prev) || isCjk(next) || (chars[i] === ')' && /[\u4E00-\u9FFF]/u.test(chars.slice(Math.max(0, i - 12), i).join('')))) {
      chars[i] = wide;
    }
  }
  // Close the bracket pairs whose one side was converted.
  return chars.join('').replace(/（([^()（）]*)\)/gu, '（$1）').replace(/\(([^()（）]*)）/gu, '（$1）');
}

/** Drop a space unless both neighbours are non-CJK (Latin words and numbers keep theirs). */
function dropSpaces(s: string, opts: NormalizeOptions): string {
  if (opts.keepSpaces) return s.replace(/ {2,}/g, ' ');
  // Most lines of Chinese copy have none: nothing to split into characters.
  if (!s.includes(' ')) return s;
  const chars = [...s];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch !== ' ') {
      out.push(ch);
      continue;
    }
    const prev = out[out.length - 1] ?? '';
    const next = neighbour(chars, i, 1);
    if (prev === '' || prev === ' ' || next === '' || isCjk(prev) || isCjk(next)) continue;
    out.push(' ');
  }
  return out.join('');
}

/** The rules in the order they run; the order matters (marks are widened before spaces are judged). */
export const RULES: readonly Rule[] = [
  { name: 'radicals', apply: (s) => unifyRadicals(s) },
  { name: 'odd-spaces', apply: (s) => s.replace(ODD_SPACES, ' ') },
  { name: 'ellipsis', apply: (s) => s.replace(/\.{3,}|。{3}/g, '……') },
  { name: 'widths', apply: (s) => widenMarks(s) },
  { name: 'quotes', apply: (s) => curlQuotes(s) },
  { name: 'spaces', apply: (s, o) => dropSpaces(s, o) },
  { name: 'trim', apply: (s) => s.trim() },
];

/** Normalize one paragraph's text. Idempotent: clean text comes back unchanged. */
export function normalizeText(s: string, opts: NormalizeOptions = {}): string {
  let out = s;
  for (const rule of RULES) out = rule.apply(out, opts);
  return out;
}

/**
 * Join the hard-wrapped lines of one paragraph. A line break inside Chinese text is no
 * space; between two Latin words it was one.
 */
export function joinLines(lines: readonly string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    const a = out[out.length - 1] ?? '';
    const b = line[0] ?? '';
    out += out && !isCjk(a) && !isCjk(b) && /[A-Za-z]/.test(a) && /[A-Za-z]/.test(b) ? ` ${line}` : line;
  }
  return out;
}
