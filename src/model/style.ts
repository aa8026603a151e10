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

/** A colour as both editions need it: RGB for screen, CMYK (0–100) for press. */
export interface Color {
  rgb: [number, number, number];
  cmyk: [number, number, number, number];
}
