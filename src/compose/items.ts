import type { TextStyle } from '../model/style.js';
import type { ShapedCluster } from '../shape/index.js';
import { classOf, HANGING, isSettledIdeograph, type CharClass } from './classes.js';
import type { BreakItem } from './knuthPlass.js';

/** Stretch in em that one justifiable gap declares to the line breaker: r = 1 means ≈0.15 em extra per gap. */
export const EVEN_STRETCH_EM = 0.15;
/**
 * Largest Han–Latin gap after stretching, in em. clreq allows ¼ → ½ em but notes many styles cap it at ⅓:
 * stretched to ½ em these gaps stand out as holes next to evenly spread Han text, so the cap is ⅓.
 */
export const LATIN_GAP_MAX_EM = 1 / 3;
/** Largest word space after stretching, in em (clreq `#procedures_for_inter-character_space_expansion`, priority 1). */
export const WORD_SPACE_MAX_EM = 0.5;
/**
 * Stretch of the gap between two Latin letters or digits, in em: an emergency reserve only. A narrow
 * column can hold a line of nothing but an unbreakable name ("Montgomery-Fitzgerald"); without any
 * stretch there, Knuth–Plass must instead push the name down and spread the Han characters of the line
 * before it by whole ems. This tiny stretch is used only when a line has no Han gap to take the slack.
 */
export const LATIN_LETTER_STRETCH_EM = 0.02;
/** Smallest Han–Latin gap after compression, in em (clreq: ⅛ em floor). */
export const LATIN_GAP_MIN_EM = 0.125;
/** Width a GB interpunct is set to, in em (clreq: half a Hanzi). */
export const MIDDLE_DOT_EM = 0.5;
/** What two adjacent marks lose together, in em: 2 em → 1.5 em (clreq `#h-adjustment_of_adjacent_punctuation_marks`). */
export const ADJACENT_SQUEEZE_EM = 0.5;

/**
 * A glyph inside a unit, positioned relative to the unit's natural left edge. It has a placed
 * glyph's fields in a placed glyph's order: setting the line moves it and hands it on as one.
 */
export interface UnitGlyph {
  face: string;
  gid: number;
  /** pt from the unit's left edge. */
  x: number;
  dy: number;
  advance: number;
  text: string;
}

/** A break item that also knows what it draws and how its glue may be adjusted. */
export interface Unit extends BreakItem {
  /** UTF-16 offsets into the paragraph text. */
  start: number;
  end: number;
  cls: CharClass;
  glyphs: UnitGlyph[];
  /** Stretch of the glue after this unit spent first (Han–Latin gaps, word spaces), in pt. */
  firstStretch: number;
  /** The glue after this unit takes an equal share of what is left (gaps between characters). */
  even: boolean;
  /** Emergency stretch between two Latin letters or digits, in pt; used only on lines with no `even` gap. */
  letterStretch: number;
}

const hanCache = new Map<number, boolean>();
/** Han ideographs proper (the orphan rule counts these, not kana or full-width letters). */
function isHanChar(cp: number): boolean {
  let v = hanCache.get(cp);
  if (v === undefined) hanCache.set(cp, (v = /\p{Script=Han}/u.test(String.fromCodePoint(cp))));
  return v;
}

const isPunctClass = (c: CharClass): boolean => c === 'open' || c === 'close' || c === 'middle';

/**
 * Kept, never used: built first, with non-number values, it makes V8 store the numbers of every
 * unit (built with the same fields in the same order) as tagged values rather than in double
 * boxes, so the many zeros (gaps, trims, shrinks) cost no allocation. Composing the booklet
 * allocates ~4 MB less (sampled: 15.6 → 11.5 MB in buildUnits).
 */
let unitShape: object | null = null;

/**
 * Turns shaped clusters into units with widths and glue, in pt, applying the fixed GB compressions
 * (interpunct half-width, adjacent marks 1.5 em) and recording the conditional ones
 * (line-start/line-end trimming, mid-line shrink, hanging) for the breaker.
 */
export function buildUnits(text: string, clusters: readonly ShapedCluster[], style: TextStyle, breaks: readonly boolean[]): Unit[] {
  unitShape ??= {
    start: null, end: null, cls: null, glyphs: null, width: null,
    gap: null, stretch: null, shrink: null, firstStretch: null, letterStretch: null, even: null,
    penalty: null, startTrim: null, endTrim: null, endShrink: null, han: null,
  };
  const em = style.size;
  const gb = style.punct === 'gb';
  const n = clusters.length;
  const units: Unit[] = [];
  // Blank halves still available for compression, per unit (in pt).
  const left = new Float64Array(n);
  const right = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const c = clusters[k]!;
    const cp = text.codePointAt(c.start)!;
    const settled = isSettledIdeograph(cp);
    const cls = settled ? 'han' : classOf(cp);
    const adv = c.advance * em;
    let width = adv;
    let shift = 0;
    if (gb && (cls === 'open' || cls === 'close') && c.advance >= 0.9) {
      // GB/T 15834 §5.1.3: opening marks sit in the right half of their em, closing marks and 点号 in the left.
      if (cls === 'open') left[k] = adv - 0.5 * em;
      else right[k] = adv - 0.5 * em;
    } else if (gb && cls === 'middle') {
      width = MIDDLE_DOT_EM * em;
      shift = (width - adv) / 2;
    }
    // Sized up front: an array grown by push gets room for 17 (one glyph is the rule).
    const glyphs = new Array<UnitGlyph>(c.glyphs.length);
    let gx = 0;
    for (let i = 0; i < c.glyphs.length; i++) {
      const g = c.glyphs[i]!;
      glyphs[i] = { face: g.face, gid: g.gid, x: shift + gx + g.dx * em, dy: g.dy * em, advance: g.advance * em, text: i === 0 ? text.slice(c.start, c.end) : '' };
      gx += g.advance * em;
    }
    const isHan = settled || (cls === 'han' && isHanChar(cp)) ? 1 : 0;
    units.push({
      start: c.start, end: c.end, cls, glyphs, width,
      gap: 0, stretch: 0, shrink: 0, firstStretch: 0, letterStretch: 0, even: false,
      penalty: k < n - 1 && breaks[k] ? 0 : Infinity,
      startTrim: 0, endTrim: 0, endShrink: 0, han: isHan,
    });
  }
  if (gb) squeezeAdjacent(units, left, right, em);
  for (let k = 0; k < n; k++) {
    const u = units[k]!;
    u.startTrim = left[k]!;
    u.endTrim = right[k]!;
    if (u.cls === 'space') {
      const prev = units[k - 1]?.cls;
      const next = units[k + 1]?.cls;
      // A word space next to Chinese stands in for 中西间距; at a line end it disappears.
      if ((prev && prev !== 'latin' && prev !== 'latinPunct' && prev !== 'space') || (next && next !== 'latin' && next !== 'latinPunct' && next !== 'space')) {
        const w = style.cjkLatinSpace * em;
        for (const g of u.glyphs) g.x += (w - u.width) / 2;
        u.width = w;
      }
      u.endTrim = u.width;
      u.startTrim = u.width;
    }
    if (style.hanging && HANGING.has(text.slice(u.start, u.end)) && !isPunctClass(units[k - 1]?.cls ?? 'han')) {
      // clreq: hang at most one mark, never one of consecutive marks; its ink (½ em) may pass the measure.
      u.endShrink = u.width - u.endTrim;
    }
  }
  for (let k = 0; k + 1 < n; k++) glue(units[k]!, units[k + 1]!, style, em);
  return units;
}

/** Typst `calculate_adjustability`: two adjacent marks whose facing blanks add to ½ em lose ½ em, first from the left mark. */
function squeezeAdjacent(units: Unit[], left: Float64Array, right: Float64Array, em: number): void {
  for (let k = 0; k + 1 < units.length; k++) {
    const a = units[k]!;
    const b = units[k + 1]!;
    if (!isPunctClass(a.cls) || !isPunctClass(b.cls)) continue;
    const squeeze = ADJACENT_SQUEEZE_EM * em;
    if (right[k]! + left[k + 1]! < squeeze - 1e-9) continue;
    const ta = Math.min(right[k]!, squeeze);
    const tb = squeeze - ta;
    a.width -= ta;
    right[k] = right[k]! - ta;
    b.width -= tb;
    left[k + 1] = left[k + 1]! - tb;
    for (const g of b.glyphs) g.x -= tb;
  }
}

/** The glue between units a and b: tracking, 中西间距, and how it may stretch or shrink. */
function glue(a: Unit, b: Unit, style: TextStyle, em: number): void {
  const ca = a.cls;
  const cb = b.cls;
  const latinA = ca === 'latin' || ca === 'latinPunct';
  const latinB = cb === 'latin' || cb === 'latinPunct';
  a.gap = style.tracking * em;
  if ((ca === 'han' && cb === 'latin') || (ca === 'latin' && cb === 'han')) {
    // clreq `#mixed_text_composition_in_horizontal_writing_mode`: ¼ em between Han and Latin letters or digits.
    const s = style.cjkLatinSpace * em;
    a.gap += s;
    a.firstStretch = Math.max(0, LATIN_GAP_MAX_EM * em - s);
    a.shrink += Math.max(0, s - LATIN_GAP_MIN_EM * em);
    a.even = true;
  } else if (ca === 'space' || cb === 'space') {
    // Word spaces stretch first, up to ½ em (clreq expansion priority 1); only the glue after the space.
    if (ca === 'space') a.firstStretch = Math.max(0, WORD_SPACE_MAX_EM * em - a.width);
  } else if (latinA && latinB) {
    // Inside a Latin word or a number: not letter-spaced (clreq `#handling_western_text_...`) unless a
    // line holds nothing else to stretch (see LATIN_LETTER_STRETCH_EM).
    a.letterStretch = LATIN_LETTER_STRETCH_EM * em;
  } else if (ca === 'long' && cb === 'long') {
    // Inside `——` / `……`: one 2-em unit, never opened up.
  } else {
    a.even = true;
  }
  // Mid-line punctuation compression: a closing mark's right blank, an opening mark's left blank.
  // Not between two marks: their pair already lost ½ em (1.5 em, clreq §3.1.6.1), and squeezing it to
  // 1 em would set the second mark's origin on the first's, which PDF readers take for a new line.
  if (!(isPunctClass(ca) && isPunctClass(cb))) {
    if (ca === 'open' || ca === 'close') a.shrink += a.endTrim;
    if (cb === 'open' || cb === 'close') a.shrink += b.startTrim;
  }
  a.stretch = a.firstStretch + (a.even ? EVEN_STRETCH_EM * em : 0) + a.letterStretch;
}
