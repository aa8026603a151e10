import type { Em, Pt } from './units.js';

/** Punctuation width scheme (xeCJK/ctex names in brackets). */
export type PunctStyle =
  /** GB/T 15834 with clreq compression: adjacent marks 1.5 em, line-end closing marks ½ em (quanjiao). */
  | 'gb'
  /** Every mark a full em, no compression at all (plain). */
  | 'fullwidth';

/** Everything composition needs to know about how one paragraph is set. Plain data, from templates/styles. */
export interface TextStyle {
  /** Face id in the font book, e.g. `serif`, `sans-bold`. */
  face: string;
  /** Font size in pt. */
  size: Pt;
  /** Baseline-to-baseline distance in pt. */
  leading: Pt;
  /** Colour role name resolved by the renderer (`text`, `accent`, …). */
  color: string;
  align: 'justify' | 'start' | 'center' | 'end';
  /** First-line indent in em (2 for body text). */
  indent: Em;
  /** Fixed extra space between characters in em (display lines); 0 for text. */
  tracking: Em;
  punct: PunctStyle;
  /** Let `，。、` hang past the measure at line end (clreq: most publications do not). */
  hanging: boolean;
  /** Space between Han and Latin letters or digits, in em (clreq: ¼ em). */
  cjkLatinSpace: Em;
  /**
   * How lines are chosen: `text` (default) by total fit; `phrase` for display lines (heads,
   * titles) that are not justified: breaks at phrase boundaries, balanced line lengths.
   */
  breaking?: 'text' | 'phrase';
}

/**
 * A TextStyle with its fields in one order and every field present (`breaking` too, perhaps
 * undefined). Styles come from styles.yaml and from layout's variations (a title fitted at another
 * size, a marker in another face); made alike, they share one V8 hidden class, so the code that reads
 * them (unit building, glue, line ops) stays optimised instead of meeting a new shape, or a size
 * that is a whole number after fractional ones, and falling back to slower code mid-build.
 */
export function textStyle(s: TextStyle): TextStyle {
  // The first object made here has no numbers: V8 then keeps every field tagged from the start
  // (a field that first held a small integer is otherwise re-shaped when a fraction arrives).
  primer ??= makeStyle({ face: null, size: null, leading: null, color: null, align: null, indent: null, tracking: null, punct: null, hanging: null, cjkLatinSpace: null } as unknown as TextStyle);
  return makeStyle(s);
}

/** `base` with some fields changed, made by `textStyle`. */
export function restyle(base: TextStyle, changes: Partial<TextStyle>): TextStyle {
  return textStyle({ ...base, ...changes });
}

let primer: TextStyle | null = null;

function makeStyle(s: TextStyle): TextStyle {
  return {
    face: s.face,
    size: s.size,
    leading: s.leading,
    color: s.color,
    align: s.align,
    indent: s.indent,
    tracking: s.tracking,
    punct: s.punct,
    hanging: s.hanging,
    cjkLatinSpace: s.cjkLatinSpace,
    breaking: s.breaking,
  };
}

/** A colour as both editions need it: RGB for screen, CMYK (0–100) for press. */
export interface Color {
  rgb: [number, number, number];
  cmyk: [number, number, number, number];
}
