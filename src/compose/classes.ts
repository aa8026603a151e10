/**
 * Character classes for Simplified Chinese composition (GB conventions).
 * Sources: clreq `#prohibition_rules_for_line_start_end` (basic level + GB法),
 * GB/T 15834-2011 §5.1, clreq `#h-punctuation_adjustment_space` for where a mark's blank sits.
 */

/** How a character behaves in composition. */
export type CharClass =
  /** Ideographs, kana, full-width letters: one em, justifiable on both sides. */
  | 'han'
  /** Opening marks, blank on the left half (GB/T 15834 §5.1.3). */
  | 'open'
  /** Closing marks and 点号 (GB style: `。，、；：？！` sit left), blank on the right half. */
  | 'close'
  /** Interpunct: centred, set half-width in GB (clreq: "interpuncts take up half the space of a Hanzi"). */
  | 'middle'
  /** `—` `…` and their kin: 2-em units when doubled, never compressed or stretched inside. */
  | 'long'
  /** Other full-width symbols that keep their em (`％ ／ ～`). */
  | 'symbol'
  /** Latin letters and digits (and `# $ % &`, as Typst): get 中西间距 next to Han. */
  | 'latin'
  /** Latin punctuation and other proportional non-letters: no 中西间距. */
  | 'latinPunct'
  /** U+0020 and friends: a word space. */
  | 'space';

/** clreq basic: opening quotes, brackets, 书名号. */
const OPEN = '“‘（〔【〖［｛《〈「『｟〘〚';
/** clreq basic: closing quotes, brackets, 书名号, plus the GB 点号 (left-aligned in SC fonts). */
const CLOSE = '”’）〕】〗］｝》〉」』｠〙〛。，、；：？！．';
const MIDDLE = '·・‧･';
const LONG = '—―⸺…⋯‥';

/**
 * 行首禁则 (GB法): may not start a line. clreq basic + GB/T 15834 §5.1.1–5.1.3;
 * a single `—` is handled by the caller (a doubled `——` may start a line at this level).
 */
export const START_PROHIBITED = new Set([...'。，、；：？！．）》」』】〕〗］｝〉”’·・‧～〜–/／%％‰℃°)]},.;:!?']);

/** 行尾禁则 (GB法): may not end a line. clreq basic + `/` (GB法) + prefix signs glued to numbers (jlreq cl-12). */
export const END_PROHIBITED = new Set([...'（《「『【〔〖［｛〈“‘/／([{￥¥＄$￡#＃']);

/** Marks that may hang past the measure when `style.hanging` is on (clreq `#hanging_punctuation_marks_at_line_end`). */
export const HANGING = new Set([...'，。、']);

/** Units after a number that read as part of it (house rule: `1.26万`, `3.45亿` are one quantity). */
export const NUMBER_SUFFIX = new Set([...'万亿']);

/**
 * Ideographs of the URO of Unicode 1.1 and of Extension A (3.0): class `han`, Script=Han, and UAX #14
 * class ID in every Unicode version, so no version of a library's data can class them otherwise.
 * Most characters of Chinese text are these; composition answers for them without lookups.
 */
export function isSettledIdeograph(cp: number): boolean {
  return (cp >= 0x4e00 && cp <= 0x9fa5) || (cp >= 0x3400 && cp <= 0x4db5);
}

const cache = new Map<number, CharClass>();

/** The class of one code point. */
export function classOf(cp: number): CharClass {
  const hit = cache.get(cp);
  if (hit) return hit;
  const c = classify(String.fromCodePoint(cp));
  cache.set(cp, c);
  return c;
}

function classify(ch: string): CharClass {
  if (OPEN.includes(ch)) return 'open';
  if (CLOSE.includes(ch)) return 'close';
  if (MIDDLE.includes(ch)) return 'middle';
  if (LONG.includes(ch)) return 'long';
  if (/\s/u.test(ch) && ch !== '\u3000') return 'space';
  if (/[\p{L}\p{N}]/u.test(ch)) {
    // Full-width forms and East Asian scripts sit on the em grid like Han.
    if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u.test(ch)) return 'han';
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xff00 && cp <= 0xffef) return 'han';
    if (cp >= 0x2460 && cp <= 0x24ff) return 'han'; // circled numbers ①
    return 'latin';
  }
  if ('#$%&'.includes(ch)) return 'latin';
  const cp = ch.codePointAt(0)!;
  if (cp === 0x3000 || (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || cp >= 0x20000) return 'han';
  if ((cp >= 0xff00 && cp <= 0xffef) || (cp >= 0x2190 && cp <= 0x2bff) || (cp >= 0x3000 && cp <= 0x303f)) return 'symbol';
  return 'latinPunct';
}

/** True for classes drawn on the em grid (Han and full-width punctuation): the CJK side of 中西间距. */
export function isCjk(c: CharClass): boolean {
  return c === 'han' || c === 'open' || c === 'close' || c === 'middle' || c === 'long' || c === 'symbol';
}

/** True for Chinese punctuation: no 中西间距 next to it (clreq `#handling_western_text_...`). */
export function isCjkPunct(c: CharClass): boolean {
  return c === 'open' || c === 'close' || c === 'middle' || c === 'long';
}
